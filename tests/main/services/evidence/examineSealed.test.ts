/**
 * Issue #14: a file stored sealed (an encrypted workspace) is examined as the
 * same file stored plain is: every reader (exifr, sharp, ffprobe, mediainfo.js,
 * pdf-lib, the C2PA validator, the keyframe fingerprint) reads its original
 * bytes, in this process segment by segment or, for ffprobe and ffmpeg, through
 * a loopback URL, and none of it is ever a plain file.
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EvidenceItem, FileAnalysis } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace, type OpenOptions } from '@main/services/index'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import {
  hasFfmpeg,
  hasOpenssl,
  makeAudio,
  makePdf,
  makeTestPki,
  makeVideo,
  patternJpeg,
  signJpeg,
  withExif,
} from '../../../helpers/media'
import { usePrivateTmpdir, useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const privateTmpdir = usePrivateTmpdir(tempDir)
const PASS = 'a long enough passphrase'
const CANARY = 'Canary-Cam-7f3e9a'

/** What an examination found, without when it ran. */
const found = (a: FileAnalysis | undefined) => {
  expect(a).toBeDefined()
  const { analysedAt: _at, ...rest } = a!
  return rest
}

/** A plain workspace and an encrypted one (at a low scrypt cost, for tests only), each with one case. */
async function twoWorkspaces(options: OpenOptions = {}) {
  const plainRoot = await tempDir()
  const sealedRoot = await tempDir()
  await encryptWorkspace(sealedRoot, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
  const plain = await openWorkspace(plainRoot, { newId: sequentialIds(), ...options })
  const sealed = await openWorkspace(sealedRoot, { newId: sequentialIds(), unlock: { passphrase: PASS }, ...options })
  const [pc, sc] = [await plain.cases.create({ title: 'Plain' }), await sealed.cases.create({ title: 'Sealed' })]
  return { plain, sealed, plainCase: pc.id, sealedCase: sc.id, plainRoot, sealedRoot }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name))
  return out
}

/** The test files, each with the kind the import is told. */
async function samples(media: string): Promise<[string, EvidenceItem['kind']][]> {
  const photo = join(media, 'door.jpg')
  await writeFile(
    photo,
    withExif(await patternJpeg(3), {
      make: CANARY,
      model: 'X1',
      dateTimeOriginal: '2026:01:27 11:00:00',
      offsetTimeOriginal: '-06:00',
      gps: { latitude: 44.9778, longitude: -93.265 },
    }),
  )
  await makePdf(join(media, 'note.pdf'))
  const out: [string, EvidenceItem['kind']][] = [
    [photo, 'image'],
    [join(media, 'note.pdf'), 'document'],
  ]
  if (hasFfmpeg) {
    makeVideo(join(media, 'street.mp4'), { seconds: 3, creationTime: '2026-01-27T17:00:00Z' })
    makeAudio(join(media, 'call.m4a'), '2026-01-27T17:05:00Z')
    out.push([join(media, 'street.mp4'), 'video'], [join(media, 'call.m4a'), 'audio'])
  }
  if (hasOpenssl) {
    await writeFile(join(media, 'signed.jpg'), await signJpeg(await patternJpeg(4), makeTestPki(media)))
    out.push([join(media, 'signed.jpg'), 'image'])
  }
  return out
}

describe('examining a file stored sealed', () => {
  it('finds what the same file stored plain gives, at import and on a re-read, with no plain file left', async () => {
    const media = await tempDir('casefile-media-')
    const files = await samples(media)
    const { plain, sealed, plainCase, sealedCase, plainRoot, sealedRoot } = await twoWorkspaces()
    try {
      for (const [path, kind] of files) {
        const name = path.split('/').pop()!
        const reference = await plain.evidence.importFile(plainCase, path, { kind })
        // importBytes: no source file to read, only the sealed blob.
        const item = await sealed.evidence.importBytes(sealedCase, [await readFile(path)], name, { kind })
        expect(found(item.analysis), name).toEqual(found(reference.analysis))
        const again = await sealed.evidence.reexamine(sealedCase, item.id)
        expect(found(again.analysis), name).toEqual(found(reference.analysis))
      }
      const photo = (await sealed.cases.content(sealedCase)).evidence[0]!
      expect(photo.analysis!.metadata.facts).toContainEqual(expect.objectContaining({ name: 'make', value: CANARY }))
      expect(photo.analysis!.fingerprint.status).toBe('done')
      if (hasFfmpeg) {
        const video = (await sealed.cases.content(sealedCase)).evidence[2]!
        expect(video.analysis!.fingerprint).toMatchObject({ status: 'done', kind: 'video' })
        expect(video.analysis!.metadata.facts).toContainEqual(expect.objectContaining({ name: 'duration' }))
      }
      if (hasOpenssl) {
        const signed = (await sealed.cases.content(sealedCase)).evidence.at(-1)!
        expect(signed.analysis!.c2pa).toMatchObject({ status: 'valid', signatureValid: true, hashBindingValid: true })
      }

      // Nothing in the clear: the temp folder holds no file but the test's own folders (the workspaces
      // and the samples), and no file of the encrypted workspace holds the canary.
      const ours = [media, plainRoot, sealedRoot]
      const stray = (await filesUnder(privateTmpdir())).filter((f) => !ours.some((d) => f.startsWith(d + '/')))
      expect(stray).toEqual([])
      for (const f of await filesUnder(sealedRoot)) expect((await readFile(f)).includes(CANARY), f).toBe(false)
    } finally {
      await Promise.all([plain.close(), sealed.close()])
    }
  }, 300_000)

  it('examines a large import after it returns, from the sealed blob, as it does a plain one', async () => {
    const media = await tempDir('casefile-media-')
    const [[photo]] = await samples(media)
    const { plain, sealed, plainCase, sealedCase } = await twoWorkspaces({ examineInlineUpTo: 0 })
    try {
      const reference = await plain.evidence.importFile(plainCase, photo!, { awaitExamination: true })
      const item = await sealed.evidence.importBytes(sealedCase, [await readFile(photo!)], 'door.jpg')
      expect(item.analysis).toBeUndefined()
      await sealed.evidence.examinationsSettled()
      const later = await sealed.evidence.get(sealedCase, item.id)
      expect(found(later.analysis)).toEqual(found(reference.analysis))
      expect((await sealed.verification.inspect(sealedCase, item.id)).notes).toEqual([])
    } finally {
      await Promise.all([plain.close(), sealed.close()])
    }
  })

  it.skipIf(!hasFfmpeg)('reads a sealed video with mediainfo.js where there is no ffprobe', async () => {
    const media = await tempDir('casefile-media-')
    makeVideo(join(media, 'street.mp4'), { seconds: 2, creationTime: '2026-01-27T17:00:00Z' })
    const { plain, sealed, plainCase, sealedCase } = await twoWorkspaces({ analysis: { tools: { ffprobe: null } } })
    try {
      const reference = await plain.evidence.importFile(plainCase, join(media, 'street.mp4'))
      const item = await sealed.evidence.importBytes(
        sealedCase,
        [await readFile(join(media, 'street.mp4'))],
        'street.mp4',
      )
      expect(item.analysis!.metadata.readers[0]).toMatch(/mediainfo/)
      expect(found(item.analysis)).toEqual(found(reference.analysis))
    } finally {
      await Promise.all([plain.close(), sealed.close()])
    }
  })

  it.skipIf(!hasFfmpeg)(
    'a video the tools cannot read: the reason names the file, never the loopback address',
    async () => {
      const { sealed, sealedCase } = await twoWorkspaces()
      try {
        const item = await sealed.evidence.importBytes(sealedCase, [randomBytes(40_000)], 'broken.mp4', {
          kind: 'video',
          mediaType: 'video/mp4',
        })
        const text = JSON.stringify(item.analysis)
        // ffprobe's complaint is kept, with the address it was given replaced by words.
        expect(item.analysis!.metadata.reason).toMatch(/ffprobe[^:]*: the file: /)
        expect(text).not.toMatch(/127\.0\.0\.1|http:/)
      } finally {
        await sealed.close()
      }
    },
  )
})

describe('a playlist stored sealed', () => {
  it.skipIf(!hasFfmpeg)('is never lent to ffmpeg, which would fetch what it names: no request leaves', async () => {
    let requests = 0
    const server = createServer((_req, res) => {
      requests++
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const playlist = [
      '#EXTM3U',
      '#EXT-X-TARGETDURATION:6',
      '#EXTINF:6.0,',
      `http://127.0.0.1:${port}/segment.ts`,
      '#EXT-X-ENDLIST',
      '',
    ].join('\n')
    const { sealed, sealedCase } = await twoWorkspaces()
    try {
      const item = await sealed.evidence.importBytes(sealedCase, [Buffer.from(playlist)], 'door.mp4', {
        kind: 'video',
        mediaType: 'video/mp4',
      })
      expect(item.analysis?.metadata).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/playlist/) })
      await expect(sealed.derived.still(sealedCase, item.id, 1)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/playlist/),
      })
      await sealed.evidence.reexamine(sealedCase, item.id)
      expect(requests).toBe(0)
    } finally {
      await sealed.close()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
