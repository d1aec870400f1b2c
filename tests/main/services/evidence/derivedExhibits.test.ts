import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { makeVideo } from '../../../helpers/media'
import { useTempDirs } from '../../../helpers/tmp'
import { pdfPages } from '../../pdf/helpers'

const tempDir = useTempDirs()
const CASE = 'case_ecu_mpls_2026'
const CLIP = 'evidence_sample_clip'
const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

async function demo() {
  const root = await tempDir()
  const s = await openWorkspace(root)
  await s.demo.install()
  return { root, s, source: await s.evidence.get(CASE, CLIP) }
}

const blobSha = (root: string, sha: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, 'blobs', sha)))
    .digest('hex')

describe('stills and clips as derived exhibits', () => {
  it.runIf(hasFfmpeg)('says a time past the end is past the end; a clip ending past it ends at the end', async () => {
    const { s, source } = await demo()
    try {
      const length = Number(source.analysis!.metadata.facts.find((f) => f.name === 'duration')!.value)
      expect(length).toBeGreaterThan(6)
      await expect(s.derived.still(CASE, CLIP, 9_999)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/^The still at 02:46:39 is past the end of ".*" \(00:00:0\d(\.\d)? long\)\.$/),
      })
      await expect(s.derived.clip(CASE, CLIP, 100, 200)).rejects.toMatchObject({
        message: expect.stringMatching(/^The clip starting at 00:01:40 is past the end/),
      })
      const clip = await s.derived.clip(CASE, CLIP, 6, 500)
      expect(clip.derivedFrom).toMatchObject({ kind: 'clip', at: 6, to: length })
      expect(clip.title).not.toContain('00:08:20')
    } finally {
      await s.close()
    }
  })

  it.runIf(hasFfmpeg)(
    'refuses a still between the last frame and the end, and an empty grab, storing nothing',
    async () => {
      const root = await tempDir()
      const s = await openWorkspace(root)
      try {
        const media = await tempDir()
        makeVideo(join(media, 'short.mp4'), { seconds: 2 })
        const { id: caseId } = await s.cases.create({ title: 'Short' })
        const video = await s.evidence.importFile(caseId, join(media, 'short.mp4'), { kind: 'video' })
        const blobs = readdirSync(join(root, 'blobs')).sort()
        // 30 frames a second: the last frame starts at 1.967 s, the file lasts 2 s.
        await expect(s.derived.still(caseId, video.id, 1.99)).rejects.toMatchObject({
          code: 'VALIDATION',
          text: { key: 'errMedia:noFrameAt' },
        })
        await expect(s.derived.still(caseId, video.id, 1, { png: Buffer.alloc(0) })).rejects.toMatchObject({
          code: 'VALIDATION',
        })
        expect((await s.cases.content(caseId)).evidence.map((e) => e.id)).toEqual([video.id])
        expect(readdirSync(join(root, 'blobs')).sort()).toEqual(blobs)
        expect((await s.derived.still(caseId, video.id, 1.9)).file!.size).toBeGreaterThan(100)
      } finally {
        await s.close()
      }
    },
  )

  it('keeps a still the player grabbed, with custody naming the source and its time code', async () => {
    const { root, s, source } = await demo()
    try {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      )
      const still = await s.derived.still(CASE, CLIP, 4.2, { png })
      expect(still).toMatchObject({
        kind: 'image',
        file: { mediaType: 'image/png', sha256: createHash('sha256').update(png).digest('hex') },
        derivedFrom: { evidenceId: CLIP, sha256: source.file!.sha256, kind: 'still', at: 4.2 },
        eventIds: source.eventIds,
      })
      expect(still.custody[0]).toMatchObject({ action: 'derived', sha256: still.file!.sha256 })
      expect(still.custody[0].detail).toContain('00:00:04.2')
      expect(still.custody[0].detail).toContain(source.file!.sha256)
      const audit = await s.audit.list({ target: `evidence:${CASE}/${still.id}` })
      expect(audit[0]).toMatchObject({
        action: 'derived',
        detail: { derivedFrom: { sha256: source.file!.sha256, at: 4.2 } },
      })
      // The source is untouched.
      expect(blobSha(root, source.file!.sha256)).toBe(source.file!.sha256)
      await expect(s.derived.still(CASE, CLIP, 1, { png: Buffer.from('not a png') })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      await expect(s.derived.still(CASE, 'evidence_sample_bulletin', 1, { png })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      await expect(s.derived.still(CASE, 'evidence_video', 1, { png })).rejects.toMatchObject({ code: 'VALIDATION' })
    } finally {
      await s.close()
    }
  })

  it.skipIf(!hasFfmpeg)(
    'cuts a still and a clip with ffmpeg; a memo that cites the still prints it with its hash',
    async () => {
      const { root, s, source } = await demo()
      try {
        const still = await s.derived.still(CASE, CLIP, 4)
        expect(still.file!.mediaType).toBe('image/png')
        expect(
          readFileSync(join(root, 'blobs', still.file!.sha256))
            .subarray(0, 4)
            .toString('hex'),
        ).toBe('89504e47')
        const clip = await s.derived.clip(CASE, CLIP, 2, 5)
        expect(clip).toMatchObject({
          kind: 'video',
          derivedFrom: { kind: 'clip', at: 2, to: 5, sha256: source.file!.sha256 },
        })
        const seconds = Number(
          execFileSync(
            'ffprobe',
            [
              '-v',
              'error',
              '-show_entries',
              'format=duration',
              '-of',
              'csv=p=0',
              join(root, 'blobs', clip.file!.sha256),
            ],
            {
              encoding: 'utf8',
            },
          ),
        )
        expect(seconds).toBeGreaterThan(2.5)
        expect(seconds).toBeLessThan(3.5)
        expect(blobSha(root, source.file!.sha256)).toBe(source.file!.sha256)

        const b = await s.briefings.createFromTemplate(CASE, 'blank')
        await s.briefings.update(CASE, b.id, {
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'The door is held shut' },
                  { type: 'citation', attrs: { target: 'evidence', id: still.id, pinpoint: '' } },
                ],
              },
            ],
          },
        })
        const out = await s.exports.toFile({
          caseId: CASE,
          briefingId: b.id,
          outPath: join(await tempDir(), 'memo.pdf'),
        })
        const annex = pdfPages(out.path).join('\n').replace(/\s+/g, ' ')
        expect(annex).toContain(`Exhibit 1 (Still of “${source.title}” at 00:00:04)`)
        expect(annex).toContain(`SHA-256 ${still.file!.sha256}`)
        const images = execFileSync('pdfimages', ['-list', out.path], { encoding: 'utf8' }).trim().split('\n').slice(2)
        expect(images.length).toBeGreaterThanOrEqual(1)
      } finally {
        await s.close()
      }
    },
  )
})

/** A 1×1 PNG, as the player grabs one. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
/** PNG's signature, then zeros to `size` bytes: what the checks before storing read. */
const pngOfSize = (size: number) => Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(size - 8)])

describe('what a still or a clip asks for, refused in words before anything is cut or stored', () => {
  it('a time code, a start before a later end, ten minutes at most, a PNG under 25 MiB, a stored file', async () => {
    const { root, s, source } = await demo()
    try {
      const blobs = readdirSync(join(root, 'blobs')).sort()
      const refused = (key: string) => ({ code: 'VALIDATION', text: { key } })
      for (const at of [-1, Number.NaN])
        await expect(s.derived.still(CASE, CLIP, at)).rejects.toMatchObject(refused('errMedia:stillNeedsTimeCode'))
      for (const [from, to] of [
        [-1, 2],
        [3, 3],
        [3, 2],
        [Number.NaN, 2],
      ])
        await expect(s.derived.clip(CASE, CLIP, from, to)).rejects.toMatchObject(
          refused('errMedia:clipNeedsStartLater'),
        )
      await expect(s.derived.clip(CASE, CLIP, 0, 600.5)).rejects.toMatchObject(refused('errMedia:clipMostTenMinutes'))
      // Ten minutes from a start past the end: the length is what is wrong, not the span (from + to is not it).
      await expect(s.derived.clip(CASE, CLIP, 100, 650)).rejects.toMatchObject(refused('errMedia:pastEndLong'))
      await expect(s.derived.still(CASE, 'evidence_video', 1, { png: PNG })).rejects.toMatchObject({
        ...refused('errMedia:hasNoStoredFile3'),
        message: expect.stringContaining('"Video of the exchange at the consulate door'),
      })
      await expect(s.derived.still(CASE, CLIP, 1, { png: pngOfSize(25 * 1024 * 1024 + 1) })).rejects.toMatchObject(
        refused('errMedia:stillMustPngImage'),
      )
      // A grabbed still is past the end as a cut one is; at the length itself there is no frame either.
      const length = Number(source.analysis!.metadata.facts.find((f) => f.name === 'duration')!.value)
      for (const at of [length, length + 1])
        await expect(s.derived.still(CASE, CLIP, at, { png: PNG })).rejects.toMatchObject({
          ...refused('errMedia:pastEndLong'),
          message: expect.stringMatching(/^The still at /),
        })
      expect(readdirSync(join(root, 'blobs')).sort()).toEqual(blobs)
      // 25 MiB itself is a still that may be kept.
      expect((await s.derived.still(CASE, CLIP, 0, { png: pngOfSize(25 * 1024 * 1024) })).file!.size).toBe(
        25 * 1024 * 1024,
      )
    } finally {
      await s.close()
    }
  })

  it('a grabbed still: its name, title (given, trimmed, or in the language asked), tag and custody say what it is', async () => {
    const { s, source } = await demo()
    try {
      const still = await s.derived.still(CASE, CLIP, 4.2, { png: PNG })
      expect(still.title).toBe(`Still of “${source.title}” at 00:00:04.2`)
      expect(still.tags).toEqual(['still'])
      expect(still.file!.originalName).toBe(`${source.file!.originalName} @ 00:00:04.2.png`)
      expect(still.custody[0].detail).toBe(
        `Still at 00:00:04.2 grabbed in the player from "${source.title}" (${CLIP}, SHA-256 ${source.file!.sha256}); the original is unchanged.`,
      )
      expect((await s.derived.still(CASE, CLIP, 1, { png: PNG, title: '  Door, held shut  ' })).title).toBe(
        'Door, held shut',
      )
      expect((await s.derived.still(CASE, CLIP, 1, { png: PNG, title: '   ', language: 'es' })).title).toBe(
        `Fotograma de “${source.title}” en 00:00:01`,
      )
    } finally {
      await s.close()
    }
  })
})

describe.runIf(hasFfmpeg)('stills and clips cut with ffmpeg', () => {
  it('a clip: its name, title, kind, tag and custody; a Spanish title when asked', async () => {
    const { s, source } = await demo()
    try {
      const clip = await s.derived.clip(CASE, CLIP, 2, 5, { language: 'es' })
      expect(clip).toMatchObject({
        kind: 'video',
        title: `Fragmento de “${source.title}”, 00:00:02–00:00:05`,
        tags: ['clip'],
        eventIds: source.eventIds,
        file: { mediaType: 'video/webm', originalName: `${source.file!.originalName} @ 00:00:02-00:00:05.webm` },
      })
      expect(clip.custody[0].detail).toBe(
        `Clip 00:00:02–00:00:05 cut with ffmpeg from "${source.title}" (${CLIP}, SHA-256 ${source.file!.sha256}); the original is unchanged.`,
      )
      const still = await s.derived.still(CASE, CLIP, 3)
      expect(still.custody[0].detail).toMatch(/^Still at 00:00:03 cut with ffmpeg from /)
      expect(still.title).toBe(`Still of “${source.title}” at 00:00:03`)
    } finally {
      await s.close()
    }
  })

  it('a source never examined: its length is asked of the file, so a time past the end is said, not cut', async () => {
    const root = await tempDir()
    const s = await openWorkspace(root, { analysis: false })
    try {
      const media = await tempDir()
      makeVideo(join(media, 'two.mp4'), { seconds: 2 })
      const { id: caseId } = await s.cases.create({ title: 'Unexamined' })
      const video = await s.evidence.importFile(caseId, join(media, 'two.mp4'), { kind: 'video' })
      expect(video.analysis).toBeUndefined()
      await expect(s.derived.still(caseId, video.id, 5)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/^The still at 00:00:05 is past the end of ".*" \(00:00:02 long\)\.$/),
      })
      await expect(s.derived.clip(caseId, video.id, 3, 4)).rejects.toMatchObject({
        text: { key: 'errMedia:pastEndLong' },
      })
      // A clip ending past the file's end ends at its end.
      const clip = await s.derived.clip(caseId, video.id, 1, 30)
      expect(clip.derivedFrom).toMatchObject({ at: 1, to: 2 })
    } finally {
      await s.close()
    }
  })

  it('no ffmpeg on the PATH, or cancelled before it ran: said in words, nothing stored', async () => {
    const { root, s } = await demo()
    const path = process.env.PATH
    try {
      const blobs = readdirSync(join(root, 'blobs')).sort()
      process.env.PATH = mkdtempSync(join(tmpdir(), 'casefile-nopath-'))
      await expect(s.derived.still(CASE, CLIP, 1)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        text: { key: 'errMedia:ffmpegInstalledHereGrab' },
      })
      process.env.PATH = path
      const ac = new AbortController()
      ac.abort()
      await expect(s.derived.clip(CASE, CLIP, 1, 2, { signal: ac.signal })).rejects.toMatchObject({
        code: 'CANCELLED',
        text: { key: 'errMedia:cancelledNothingStored' },
      })
      expect(readdirSync(join(root, 'blobs')).sort()).toEqual(blobs)
    } finally {
      process.env.PATH = path
      await s.close()
    }
  })
})
