import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { readBlobFile } from '@main/storage/crypto/blobFiles'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { makeVideo, patternJpeg, withExif } from '../helpers/media'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'

describe('review: derived', () => {
  it('still past end with unknown duration (plain, analysis off)', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    const src = join(media, 'v.mp4')
    makeVideo(src, { seconds: 2 })
    const s = await openWorkspace(root, { analysis: false })
    try {
      const c = await s.cases.create({ title: 'x' })
      const v = await s.evidence.importFile(c.id, src)
      let r: unknown
      try { const it = await s.derived.still(c.id, v.id, 100); r = { size: it.file?.size, sha: it.file?.sha256, title: it.title } } catch (e) { r = String(e) }
      console.log('PLAIN STILL PAST END ->', r)
      let r2: unknown
      try { const it = await s.derived.clip(c.id, v.id, 50, 60); r2 = { size: it.file?.size, title: it.title } } catch (e) { r2 = String(e) }
      console.log('PLAIN CLIP PAST END ->', r2)
      console.log('items', (await s.cases.content(c.id)).evidence.length)
    } finally { await s.close() }
  }, 60_000)

  it('still from a clip in an encrypted workspace past end', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    const src = join(media, 'v.mp4')
    makeVideo(src, { seconds: 3 })
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      const c = await s.cases.create({ title: 'x' })
      const v = await s.evidence.importFile(c.id, src)
      const clip = await s.derived.clip(c.id, v.id, 0.5, 2)
      console.log('clip analysis', clip.analysis?.metadata?.status)
      let r: unknown
      try { const it = await s.derived.still(c.id, clip.id, 30); r = { size: it.file?.size, title: it.title, head: (await readBlobFile(await s.evidence.blobPath(it.file!.sha256))).subarray(0,8) } } catch (e) { r = String(e) }
      console.log('ENC STILL OF CLIP PAST END ->', r)
      let r2: unknown
      try { const it = await s.derived.clip(c.id, clip.id, 20, 25); r2 = { size: it.file?.size, title: it.title } } catch (e) { r2 = String(e) }
      console.log('ENC CLIP OF CLIP PAST END ->', r2)
      // corrupt source: ffmpeg fails
      const bad = join(media, 'bad.mp4'); await writeFile(bad, Buffer.alloc(5000, 7))
      const b = await s.evidence.importFile(c.id, bad, { kind: 'video' })
      let r3: unknown
      try { const it = await s.derived.still(c.id, b.id, 0); r3 = { size: it.file?.size } } catch (e) { r3 = String(e) }
      console.log('ENC STILL OF BAD ->', r3)
      console.log('items', (await s.cases.content(c.id)).evidence.map((i) => [i.title, i.file?.size]))
    } finally { await s.close() }
  }, 60_000)

  it('upload of a jpeg into encrypted workspace is examined as ciphertext?', async () => {
    const root = await tempDir()
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      const c = await s.cases.create({ title: 'x' })
      const jpg = withExif(await patternJpeg(3), { make: 'Small Cam' })
      const { uploadId } = await s.evidence.uploads.begin({ caseId: c.id, taskId: 't1', name: 'a.jpg', size: jpg.length })
      await s.evidence.uploads.chunk(uploadId, 0, jpg.toString('base64'))
      const it = await s.evidence.uploads.finish(uploadId)
      console.log('UPLOAD ENC analysis', JSON.stringify(it.analysis?.metadata), it.analysis?.warnings?.map((w) => w.code))
    } finally { await s.close() }
  }, 60_000)
})
