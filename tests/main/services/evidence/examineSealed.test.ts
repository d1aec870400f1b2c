/**
 * Issue #14: a file stored sealed (an encrypted workspace) is examined as the
 * same file stored plain is: every reader (exifr, sharp, ffprobe, mediainfo.js,
 * pdf-lib, the C2PA validator, the keyframe fingerprint) reads its original
 * bytes, in this process segment by segment or, for ffprobe and ffmpeg, through
 * a loopback URL, and none of it is ever a plain file.
 */
import { execFileSync } from 'node:child_process'
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
  unreadableMedia,
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

/** A server on this machine that only counts the requests reaching it (none should). */
async function countingServer() {
  let requests = 0
  const server = createServer((_req, res) => {
    requests++
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
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
    'counts what mediainfo.js reads without ffprobe as read: a film of subtitles alone, a picture stored as video',
    async () => {
      const media = await tempDir('casefile-media-')
      await writeFile(join(media, 'subs.srt'), '1\n00:00:00,000 --> 00:00:02,000\nHola\n')
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-i',
        join(media, 'subs.srt'),
        '-c:s',
        'srt',
        join(media, 'subs.mkv'),
      ])
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x48:rate=5:duration=1',
        join(media, 'moving.gif'),
      ])
      const { plain, plainCase } = await twoWorkspaces({ analysis: { tools: { ffprobe: null } } })
      try {
        for (const name of ['subs.mkv', 'moving.gif']) {
          const item = await plain.evidence.importFile(plainCase, join(media, name), {
            kind: 'video',
            mediaType: 'video/mp4',
          })
          expect(item.analysis?.metadata).toMatchObject({
            status: 'none',
            readers: [expect.stringMatching(/mediainfo/)],
          })
        }
      } finally {
        await plain.close()
      }
    },
  )

  it.skipIf(!hasFfmpeg)(
    'a video the tools cannot read: the reason names the file, never the loopback address',
    async () => {
      const { sealed, sealedCase } = await twoWorkspaces()
      try {
        const item = await sealed.evidence.importBytes(sealedCase, [unreadableMedia(40_000)], 'broken.mp4', {
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

describe('a phone video, its index after the frames', () => {
  it.skipIf(!hasFfmpeg)(
    'is examined, stilled and clipped from its sealed bytes as from plain ones: ffmpeg seeking is not damage',
    async () => {
      const { plain, sealed, plainCase, sealedCase } = await twoWorkspaces()
      try {
        const media = await tempDir()
        const video = join(media, 'phone.mp4')
        makeVideo(video, { seconds: 150, creationTime: '2026-01-27T17:00:00Z', indexAtEnd: true })
        // The index really is at the end: ffmpeg must leave the first connection to read it.
        const bytes = await readFile(video)
        expect(bytes.indexOf('moov')).toBeGreaterThan(bytes.indexOf('mdat'))
        expect(bytes.length).toBeGreaterThan(256 * 1024)
        const p = await plain.evidence.importFile(plainCase, video, { kind: 'video' })
        const s = await sealed.evidence.importFile(sealedCase, video, { kind: 'video' })
        expect(found(s.analysis)).toEqual(found(p.analysis))
        const again = await sealed.evidence.reexamine(sealedCase, s.id)
        expect(found(again.analysis)).toEqual(found(p.analysis))
        expect(again.analysis?.metadata.status).toBe('found')
        expect(again.analysis?.fingerprint.status).toBe('done')
        const still = await sealed.derived.still(sealedCase, s.id, 10)
        expect(still.file!.size).toBeGreaterThan(1000)
        const clip = await sealed.derived.clip(sealedCase, s.id, 2, 4)
        expect(clip.file!.size).toBeGreaterThan(1000)
      } finally {
        await Promise.all([plain.close(), sealed.close()])
      }
    },
  )
})

describe('a proxy in the environment', () => {
  it.skipIf(!hasFfmpeg)('never sees the loopback: a sealed file is read, stilled and clipped without it', async () => {
    const proxy = await countingServer()
    const names = ['http_proxy', 'HTTP_PROXY', 'all_proxy'] as const
    const before = names.map((n) => process.env[n])
    const { sealed, sealedCase } = await twoWorkspaces()
    try {
      const media = await tempDir()
      makeVideo(join(media, 'street.mp4'), { seconds: 3 })
      const item = await sealed.evidence.importFile(sealedCase, join(media, 'street.mp4'), { kind: 'video' })
      for (const n of names) process.env[n] = `http://127.0.0.1:${proxy.port}`
      const again = await sealed.evidence.reexamine(sealedCase, item.id)
      expect(found(again.analysis)).toEqual(found(item.analysis))
      await sealed.derived.still(sealedCase, item.id, 1)
      await sealed.derived.clip(sealedCase, item.id, 0, 2)
      expect(proxy.requests()).toBe(0)
    } finally {
      names.forEach((n, i) => (before[i] === undefined ? delete process.env[n] : (process.env[n] = before[i])))
      await sealed.close()
      await proxy.close()
    }
  })
})

describe('a file no reader can parse', () => {
  it.skipIf(!hasFfmpeg)(
    'is reported unreadable in the same words plain and sealed, empty or not, naming neither path nor address',
    async () => {
      const { plain, sealed, plainCase, sealedCase, plainRoot } = await twoWorkspaces()
      try {
        for (const bytes of [Buffer.alloc(0), Buffer.from('hello'), unreadableMedia(40_000)]) {
          const opts = { kind: 'video', mediaType: 'video/mp4' } as const
          const p = await plain.evidence.importBytes(plainCase, [bytes], 'odd.mp4', opts)
          const s = await sealed.evidence.importBytes(sealedCase, [bytes], 'odd.mp4', opts)
          // Not "read, and holds no capture time": no reader read it (mediainfo.js found no track at all).
          expect(p.analysis?.metadata).toMatchObject({
            status: 'unreadable',
            reason: expect.stringMatching(/ffprobe[^:]*: the file: .*mediainfo\.js[^:]*: found no track and no format/),
          })
          expect(p.analysis?.fingerprint.reason).not.toMatch(/sound only/)
          expect(found(s.analysis)).toEqual(found(p.analysis))
          expect(JSON.stringify(p.analysis)).not.toContain(plainRoot)
          const refusal = (ws: typeof plain, caseId: string, id: string) =>
            ws.derived.still(caseId, id, 0).then(
              () => 'made',
              (e: Error) => e.message,
            )
          const said = await refusal(plain, plainCase, p.id)
          expect(said).toMatch(/Invalid data/)
          expect(await refusal(sealed, sealedCase, s.id)).toBe(said)
        }
      } finally {
        await Promise.all([plain.close(), sealed.close()])
      }
    },
  )
})

describe('a playlist stored sealed', () => {
  it.skipIf(!hasFfmpeg)('is never lent to ffmpeg, which would fetch what it names: no request leaves', async () => {
    const server = await countingServer()
    const { port } = server
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
      expect(server.requests()).toBe(0)
    } finally {
      await sealed.close()
      await server.close()
    }
  })

  it.skipIf(!hasFfmpeg)(
    'stored plain is not followed to another file of this machine: the examination, still and clip read only it',
    async () => {
      const { plain, plainCase } = await twoWorkspaces()
      try {
        const media = await tempDir()
        const secret = join(media, 'private.mp4')
        makeVideo(secret, { seconds: 3 })
        const manifest = [
          '<?xml version="1.0" encoding="utf-8"?>',
          '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011"',
          '     type="static" mediaPresentationDuration="PT3S" minBufferTime="PT1S"><Period>',
          '<AdaptationSet mimeType="video/mp4">',
          '<Representation id="1" bandwidth="100000" width="320" height="240" codecs="avc1.42c00d">',
          `<BaseURL>file:${secret}</BaseURL><SegmentBase/>`,
          '</Representation></AdaptationSet></Period></MPD>',
          '',
        ].join('\n')
        await writeFile(join(media, 'door.mp4'), manifest)
        const opts = { kind: 'video', mediaType: 'video/mp4' } as const
        // Examined from the blob (bytes) and from the source path while copied (a file).
        const fromBytes = await plain.evidence.importBytes(plainCase, [Buffer.from(manifest)], 'door.mp4', opts)
        const fromFile = await plain.evidence.importFile(plainCase, join(media, 'door.mp4'), opts)
        for (const item of [fromBytes, fromFile, await plain.evidence.reexamine(plainCase, fromBytes.id)]) {
          expect(item.analysis?.metadata.facts.map((f) => f.name)).not.toContain('width')
          expect(item.analysis?.metadata.reason).toMatch(/it reads as "dash"/)
          expect(item.analysis?.fingerprint.status).not.toBe('done')
        }
        await expect(plain.derived.still(plainCase, fromBytes.id, 1)).rejects.toMatchObject({
          text: { key: 'errMedia:notMediaContainer' },
        })
        await expect(plain.derived.clip(plainCase, fromBytes.id, 0, 2)).rejects.toMatchObject({ code: 'VALIDATION' })
      } finally {
        await plain.close()
      }
    },
  )

  it.skipIf(!hasFfmpeg)(
    'whose marker lies past the first 4 KB is read by ffmpeg only as a media container: no request leaves',
    async () => {
      const server = await countingServer()
      const { port } = server
      // A DASH manifest after a 6 KB comment: ffmpeg's DASH reader finds it anywhere in what it probes.
      const manifest = [
        '<?xml version="1.0"?>',
        `<!-- ${'x'.repeat(6000)} -->`,
        '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static"',
        '     mediaPresentationDuration="PT6S" minBufferTime="PT2S">',
        `<BaseURL>http://127.0.0.1:${port}/</BaseURL>`,
        '<Period><AdaptationSet mimeType="video/mp4">',
        '<Representation id="v" bandwidth="1000" codecs="avc1.42c01e" width="64" height="64">',
        '<SegmentTemplate initialization="init.mp4" media="seg$Number$.m4s" duration="2" timescale="1"/>',
        '</Representation></AdaptationSet></Period></MPD>',
        '',
      ].join('\n')
      const { sealed, sealedCase } = await twoWorkspaces()
      try {
        const item = await sealed.evidence.importBytes(sealedCase, [Buffer.from(manifest)], 'door.mp4', {
          kind: 'video',
          mediaType: 'video/mp4',
        })
        expect(server.requests()).toBe(0)
        expect(item.analysis?.metadata.reason).toMatch(
          /not a video or audio container ffmpeg may read \(it reads as "dash"\)/,
        )
        await expect(sealed.derived.still(sealedCase, item.id, 1)).rejects.toMatchObject({
          code: 'VALIDATION',
          message: expect.stringMatching(/"dash"/),
          text: { key: 'errMedia:notMediaContainer', values: { format: 'dash' } },
        })
        await expect(sealed.derived.clip(sealedCase, item.id, 0, 2)).rejects.toMatchObject({ code: 'VALIDATION' })
        await sealed.evidence.reexamine(sealedCase, item.id)
        expect(server.requests()).toBe(0)
      } finally {
        await sealed.close()
        await server.close()
      }
    },
  )
})
