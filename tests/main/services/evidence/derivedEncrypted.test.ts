/**
 * Stills and clips in an encrypted workspace (issues #14 and #15): ffmpeg reads
 * the sealed source through a loopback URL (plainLoopback.ts) and writes into
 * the blob store through a pipe, so neither the source nor the exhibit is ever
 * a plain file; a source whose index sits at its end (ffmpeg must seek) too.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobWriter } from '@main/services/evidence/blobStore'
import { openWorkspace, type Services } from '@main/services/index'
import { readBlobFile } from '@main/storage/crypto/blobFiles'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { BLOB_HEADER_BYTES, SEGMENT_BYTES } from '@main/storage/crypto/segments'
import { hasFfmpeg, makeAudio, makeVideo, patternJpeg, unreadableMedia, withExif } from '../../../helpers/media'
import { usePrivateTmpdir, useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'
const PNG = Buffer.from('89504e470d0a1a0a', 'hex')
const EBML = Buffer.from('1a45dfa3', 'hex')
const CUES = Buffer.from('1c53bb6b', 'hex')

const privateTmpdir = usePrivateTmpdir(tempDir)

/** `root` encrypted (at a low scrypt cost, for tests only) and opened with its passphrase. */
async function sealedWorkspace(root: string) {
  await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
  return openWorkspace(root, { unlock: { passphrase: PASS } })
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name))
  return out
}

describe.skipIf(!hasFfmpeg)('stills and clips of a sealed video', () => {
  it('cuts them through the loopback into sealed blobs, with no plain file anywhere', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    const faststart = join(media, 'front.mp4')
    makeVideo(faststart, { seconds: 3, creationTime: '2026-01-27T17:00:00Z' })
    // The index at the end, as many phones write it: ffmpeg has to seek to the end and back.
    const src = join(media, 'door.mp4')
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', faststart, '-c', 'copy', src])
    const s = await sealedWorkspace(root)
    try {
      const c = await s.cases.create({ title: 'Sealed stills' })
      const video = await s.evidence.importFile(c.id, src, { title: 'Door' })

      const still = await s.derived.still(c.id, video.id, 1.5)
      const clip = await s.derived.clip(c.id, video.id, 0.5, 2)
      const grabbed = await s.derived.still(c.id, video.id, 2, {
        png: Buffer.concat([PNG, Buffer.from('a picture the window grabbed')]),
      })

      for (const [item, magic, type] of [
        [still, PNG, 'image/png'],
        [grabbed, PNG, 'image/png'],
        [clip, EBML, 'video/webm'],
      ] as const) {
        expect(item.file?.mediaType).toBe(type)
        expect(item.custody[0]).toMatchObject({ action: 'derived' })
        const path = await s.evidence.blobPath(item.file!.sha256)
        const plain = await readBlobFile(path)
        expect(plain.subarray(0, magic.length)).toEqual(magic)
        expect(createHash('sha256').update(plain).digest('hex')).toBe(item.file!.sha256)
        // On disk it is sealed, not the picture or the video.
        expect((await readFile(path)).subarray(0, magic.length)).not.toEqual(magic)
      }
      expect(still.derivedFrom).toMatchObject({ evidenceId: video.id, kind: 'still', at: 1.5 })
      expect(clip.derivedFrom).toMatchObject({ evidenceId: video.id, kind: 'clip', at: 0.5, to: 2 })
      expect(clip.file!.size).toBeGreaterThan(1_000)
      // Written to a pipe, then given its seek index (Cues) in memory, so the player can seek it.
      expect((await readBlobFile(await s.evidence.blobPath(clip.file!.sha256))).includes(CUES)).toBe(true)
      expect(clip.custody[0]!.detail).toMatch(/cut with ffmpeg .*seek index and length were then written by Mediabunny/)
      // Both were examined as they arrived, read from their sealed blobs: a time past the clip's end is
      // refused, not stored as an empty picture or a clip of no frames.
      expect(still.analysis?.fingerprint.status).toBe('done')
      expect(clip.analysis?.metadata.facts).toContainEqual(expect.objectContaining({ name: 'duration' }))
      await expect(s.derived.still(c.id, clip.id, 30)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/past the end|after the end|00:00:30/),
      })
      await expect(s.derived.clip(c.id, clip.id, 20, 25)).rejects.toMatchObject({ code: 'VALIDATION' })

      // Nothing plain was left anywhere: the temp folder is empty, and no workspace file starts as a picture.
      const stray = (await filesUnder(privateTmpdir())).filter((f) => !f.startsWith(root) && !f.startsWith(media))
      expect(stray).toEqual([])
      for (const f of await filesUnder(root)) {
        const head = (await readFile(f)).subarray(0, 8)
        expect(head.equals(PNG) || head.subarray(0, 4).equals(EBML), f).toBe(false)
      }
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  }, 120_000)

  it('a source ffmpeg cannot read: the error names the item, never the loopback address', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    await writeFile(join(media, 'broken.mp4'), unreadableMedia(50_000))
    const s = await sealedWorkspace(root)
    try {
      const c = await s.cases.create({ title: 'Broken' })
      const item = await s.evidence.importFile(c.id, join(media, 'broken.mp4'), { title: 'Broken clip', kind: 'video' })
      const failed = await s.derived.still(c.id, item.id, 1).catch((e: Error & { code?: string }) => e)
      expect(failed).toMatchObject({ code: 'IO', message: expect.stringContaining('"Broken clip"') })
      expect((failed as Error).message).not.toMatch(/127\.0\.0\.1|http:/)
      expect((await s.cases.content(c.id)).evidence).toHaveLength(1)
    } finally {
      await s.close()
    }
  }, 60_000)

  it('a source damaged inside: no still, no clip, and a re-read says so, never a result from part of it', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    // About 1.5 MB, keyframes every second: many segments, the damage in one near the start.
    execFileSync('ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=duration=6:size=640x480:rate=25',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '2M', '-g', '25', '-pix_fmt', 'yuv420p',
      '-movflags', '+faststart', join(media, 'door.mp4'),
    ]) // prettier-ignore
    const s = await sealedWorkspace(root)
    try {
      const c = await s.cases.create({ title: 'Damaged inside' })
      const video = await s.evidence.importFile(c.id, join(media, 'door.mp4'), { title: 'Door' })
      expect(video.analysis?.fingerprint.status).toBe('done')
      const blob = await s.evidence.blobPath(video.file!.sha256)
      const sealed = await readFile(blob)
      expect(sealed.length).toBeGreaterThan(BLOB_HEADER_BYTES + 8 * (SEGMENT_BYTES + 16))
      sealed[BLOB_HEADER_BYTES + 3 * (SEGMENT_BYTES + 16) + 100] ^= 1 // one bit of the fourth segment
      await chmod(blob, 0o600)
      await writeFile(blob, sealed)

      await expect(s.derived.still(c.id, video.id, 4)).rejects.toMatchObject({ code: 'CORRUPT' })
      await expect(s.derived.clip(c.id, video.id, 1, 5)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect((await s.cases.content(c.id)).evidence.map((e) => e.id)).toEqual([video.id])
      const reread = await s.evidence.reexamine(c.id, video.id)
      expect(reread.analysis?.metadata).toMatchObject({
        status: 'unreadable',
        reason: expect.stringMatching(/damaged/),
      })
      expect(reread.analysis?.fingerprint.status).not.toBe('done')
    } finally {
      await s.close()
    }
  }, 120_000)

  it('keeps nothing when the bytes fail half-way (ffmpeg failing after its first bytes)', async () => {
    const root = await tempDir()
    const s = await sealedWorkspace(root)
    try {
      const c = await s.cases.create({ title: 'Half' })
      async function* failing() {
        yield Buffer.from('the first bytes')
        throw new Error('ffmpeg exited with 1')
      }
      await expect(s.evidence.importBytes(c.id, failing(), 'half.png')).rejects.toThrow('ffmpeg exited with 1')
      expect((await s.cases.content(c.id)).evidence).toEqual([])
      expect(await readdir(join(root, 'blobs'))).toEqual([])
    } finally {
      await s.close()
    }
  })
})

/** The streams ffprobe finds in the bytes, as "codec_type:codec_name" and the length in seconds. */
function probe(bytes: Buffer, dir: string, name: string): { streams: string[]; seconds: number } {
  const path = join(dir, name)
  execFileSync('sh', ['-c', 'cat > "$0"', path], { input: bytes })
  const out = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path], {
      encoding: 'utf8',
    }),
  ) as { streams: { codec_type: string; codec_name: string }[]; format: { duration: string } }
  return { streams: out.streams.map((x) => `${x.codec_type}:${x.codec_name}`), seconds: Number(out.format.duration) }
}

describe.skipIf(!hasFfmpeg)('a clip of a sound recording', () => {
  for (const sealed of [false, true])
    it(`is its sound alone, in WebM, ${sealed ? 'sealed' : 'in a plain workspace'}; a still of it is refused in words`, async () => {
      const root = await tempDir()
      const media = await tempDir('casefile-media-')
      makeAudio(join(media, 'call.m4a'), '2026-01-27T17:00:00Z')
      const s: Services = sealed ? await sealedWorkspace(root) : await openWorkspace(root)
      try {
        const c = await s.cases.create({ title: 'Recorded call' })
        const audio = await s.evidence.importFile(c.id, join(media, 'call.m4a'), { title: 'Call', kind: 'audio' })
        const clip = await s.derived.clip(c.id, audio.id, 0.5, 1.5)
        expect(clip).toMatchObject({
          kind: 'audio',
          file: { mediaType: 'audio/webm' },
          derivedFrom: { evidenceId: audio.id, sha256: audio.file!.sha256, kind: 'clip', at: 0.5, to: 1.5 },
        })
        const bytes = await readBlobFile(await s.evidence.blobPath(clip.file!.sha256))
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(clip.file!.sha256)
        const { streams, seconds } = probe(bytes, media, 'clip.webm')
        expect(streams).toEqual(['audio:opus'])
        expect(seconds).toBeGreaterThan(0.8)
        expect(seconds).toBeLessThan(1.3)

        await expect(s.derived.still(c.id, audio.id, 1)).rejects.toMatchObject({
          code: 'VALIDATION',
          message: 'A still is taken from a video; "Call" is a sound recording.',
          text: { key: 'errMedia:stillsClipsComeVideos', values: { what: 'still', kind: 'audio' } },
        })
        const page = await s.evidence.importBytes(c.id, [Buffer.from('<p>Call log</p>')], 'log.html', {
          title: 'Call log',
          kind: 'web page',
        })
        const image = await s.evidence.importBytes(c.id, [await patternJpeg(3)], 'door.jpg', { title: 'Door' })
        for (const [item, said] of [
          [page, 'is a web page'],
          [image, 'is an image'],
        ] as const)
          await expect(s.derived.clip(c.id, item.id, 0, 1)).rejects.toMatchObject({
            code: 'VALIDATION',
            message: expect.stringMatching(
              new RegExp(`^A clip is cut from a video or a sound recording; ".*" ${said}\\.$`),
            ),
          })
        // A video without a sound track taken for a sound recording: said in words, nothing stored.
        execFileSync('ffmpeg', [
          '-v',
          'error',
          '-f',
          'lavfi',
          '-i',
          'testsrc2=duration=2:size=64x64:rate=10',
          join(media, 'mute.mp4'),
        ])
        const mute = await s.evidence.importFile(c.id, join(media, 'mute.mp4'), { title: 'Mute', kind: 'audio' })
        const count = (await s.cases.content(c.id)).evidence.length
        await expect(s.derived.clip(c.id, mute.id, 0, 1)).rejects.toMatchObject({
          code: 'VALIDATION',
          text: { key: 'errMedia:noStreamToCut' },
        })
        expect((await s.cases.content(c.id)).evidence).toHaveLength(count)
        expect((await s.check.run()).problems).toEqual([])
      } finally {
        await s.close()
      }
    }, 120_000)
})

describe('a file dropped on the window of an encrypted workspace', () => {
  it('is stored sealed and examined from its original bytes, never read as ciphertext', async () => {
    const root = await tempDir()
    const s = await sealedWorkspace(root)
    try {
      const c = await s.cases.create({ title: 'Dropped' })
      const bytes = withExif(await patternJpeg(4), { make: 'Drop Cam' })
      const { uploadId } = await s.evidence.uploads.begin({
        caseId: c.id,
        taskId: 't1',
        name: 'door.jpg',
        size: bytes.length,
      })
      await s.evidence.uploads.chunk(uploadId, 0, bytes.toString('base64'))
      const item = await s.evidence.uploads.finish(uploadId)
      expect(item.analysis?.metadata.facts).toContainEqual(expect.objectContaining({ name: 'make', value: 'Drop Cam' }))
      expect(item.verification.technical.reasoning).not.toBe('')
      const inspection = await s.verification.inspect(c.id, item.id)
      expect(inspection).toMatchObject({ examining: false })
      expect(inspection.notes.join(' ')).not.toMatch(/not been examined|encrypted/)
    } finally {
      await s.close()
    }
  })

  it('writes no blob once the workspace is locked, not even a temp file in the clear', async () => {
    const root = await tempDir()
    const s = await sealedWorkspace(root)
    const c = await s.cases.create({ title: 'Locked mid-way' })
    await s.evidence.importBytes(c.id, [Buffer.from('sealed while unlocked')], 'a.txt')
    const before = await readdir(join(root, 'blobs'))
    await s.close() // what the app lock does: the key is dropped
    // An import that got past its first checks before the lock: its writer is refused.
    await expect(BlobWriter.create(join(root, 'blobs'))).rejects.toMatchObject({ code: 'LOCKED' })
    expect(await readdir(join(root, 'blobs'))).toEqual(before)
  })
})
