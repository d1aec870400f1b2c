/**
 * Issue 16 on files the tests make: EXIF written by piexifjs, video and sound
 * made by ffmpeg with a known creation_time, a re-encoded and cropped copy, a
 * stripped copy, a PDF, a JPEG with Content Credentials signed by a test CA.
 */
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { factOf, type EvidenceItem, type FileAnalysis } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace, type OpenOptions } from '@main/services/index'
import {
  hasFfmpeg,
  hasOpenssl,
  makeAudio,
  makePdf,
  makeTestPki,
  makeVideo,
  patternJpeg,
  reencodeCropped,
  signJpeg,
  withExif,
} from '../../../helpers/media'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function setup(options: OpenOptions = {}) {
  const root = await tempDir()
  const media = await tempDir('casefile-media-')
  const s = await openWorkspace(root, { newId: sequentialIds(), ...options })
  const c = await s.cases.create({ title: 'Consulate incident' })
  return { root, media, s, caseId: c.id }
}

const analysisOf = (item: EvidenceItem): FileAnalysis => {
  expect(item.analysis).toBeDefined()
  return item.analysis!
}
const fact = (item: EvidenceItem, name: Parameters<typeof factOf>[1]) => factOf(analysisOf(item).metadata.facts, name)
const codes = (ws: { code: string }[]) => ws.map((w) => w.code).sort()

/** Minneapolis, where the EXIF of the test photo puts it. */
const MPLS = { latitude: 44.9778, longitude: -93.265 }

describe('metadata at import: images', () => {
  it('reads EXIF facts with their source field, keeps the blob as it was, and notes it in the technical check', async () => {
    const { s, caseId, media } = await setup()
    try {
      const src = join(media, 'door.jpg')
      const bytes = withExif(await patternJpeg(1), {
        make: 'Casefile Cam',
        model: 'X1',
        software: 'Adobe Photoshop 25.0 (Windows)',
        dateTimeOriginal: '2026:01:27 11:00:00',
        offsetTimeOriginal: '-06:00',
        modifyDate: '2026:01:28 09:30:00',
        gps: MPLS,
      })
      await writeFile(src, bytes)
      const item = await s.evidence.importFile(caseId, src, { title: 'Door photo' })
      const a = analysisOf(item)
      expect(a.sha256).toBe(item.file!.sha256)
      expect(a.metadata.status).toBe('found')
      expect(a.metadata.readers).toEqual(['exifr 7.1.3', 'sharp 0.35.5'])
      expect(fact(item, 'captureTime')).toEqual({
        name: 'captureTime',
        value: '2026-01-27T11:00:00-06:00',
        source: { reader: 'exifr', field: 'EXIF DateTimeOriginal + OffsetTimeOriginal' },
      })
      expect(fact(item, 'make')?.value).toBe('Casefile Cam')
      expect(fact(item, 'model')?.value).toBe('X1')
      expect(fact(item, 'latitude')?.value).toBeCloseTo(44.9778, 3)
      expect(fact(item, 'longitude')?.value).toBeCloseTo(-93.265, 3)
      expect(fact(item, 'width')).toMatchObject({ value: 640, source: { reader: 'sharp' } })
      expect(a.c2pa.status).toBe('absent')
      expect(a.fingerprint).toMatchObject({ status: 'done', kind: 'image' })
      expect(a.fingerprint.dhash).toMatch(/^[0-9a-f]{16}$/)
      // Claims-free warnings at import: the editor, and a modification the next day (same clock: wall times).
      expect(codes(a.warnings)).toEqual(['editing-software', 'modified-after-capture'])
      const modified = a.warnings.find((w) => w.code === 'modified-after-capture')!
      expect(modified.numbers.minutesAfterCapture).toBe(22 * 60 + 30)
      expect(item.verification.technical.reasoning).toMatch(
        /^\[Casefile examination .* UTC, SHA-256 [0-9a-f]{12}…\] metadata: \d+ descriptive facts? \(exifr 7\.1\.3, sharp 0\.35\.5\); Content Credentials: none; fingerprint: image hashed; warnings: modified-after-capture, editing-software\.$/,
      )
      // The stored file is the imported file, byte for byte.
      const { readFile } = await import('node:fs/promises')
      expect(Buffer.compare(await readFile(await s.evidence.blobPath(item.file!.sha256)), bytes)).toBe(0)
      // Searchable by what the metadata says.
      const found = await s.search.query({ query: 'Casefile Cam' })
      expect(found.hits.map((h) => h.id)).toContain(item.id)
    } finally {
      await s.close()
    }
  })

  it('compares with the claims: capture time against a linked event (its zone), GPS against its place; the sun then and there', async () => {
    const { s, caseId, media } = await setup()
    try {
      const src = join(media, 'door.jpg')
      await writeFile(
        src,
        withExif(await patternJpeg(1), {
          make: 'Casefile Cam',
          dateTimeOriginal: '2026:01:27 11:00:00', // no offset: read in the event's zone
          gps: MPLS,
        }),
      )
      const item = await s.evidence.importFile(caseId, src, { title: 'Door photo' })
      // The event says 16:30 in Chicago, at the consulate in Quito (far away).
      const ev = await s.cases.addEvent(caseId, {
        at: '2026-01-27T22:30:00.000Z',
        tz: 'America/Chicago',
        title: 'Agent at the door',
        evidenceIds: [item.id],
        place: { latitude: -0.18, longitude: -78.47, label: 'Consulate' },
      })
      const r = await s.verification.inspect(caseId, item.id)
      expect(r.claims).toHaveLength(1)
      expect(r.claims[0]).toMatchObject({ source: 'event', eventId: ev.id, tz: 'America/Chicago' })
      expect(codes(r.warnings)).toEqual(['capture-time-differs', 'far-from-place'])
      const time = r.warnings.find((w) => w.code === 'capture-time-differs')!
      expect(time.numbers).toMatchObject({
        differenceMinutes: -330,
        marginMinutes: 120,
        fileInstant: '2026-01-27T17:00:00.000Z',
        readInZone: 'America/Chicago',
      })
      expect(time.facts[0].source.field).toBe('EXIF DateTimeOriginal')
      expect(time.message).toMatch(/5\.5 h before the time claimed by the event “Agent at the door”/)
      const place = r.warnings.find((w) => w.code === 'far-from-place')!
      expect(place.numbers.distanceKm).toBeGreaterThan(5_000)
      expect(place.numbers.radiusKm).toBe(5)

      // Within the margin and the radius: no warning. Margins are a workspace setting.
      await s.cases.updateEvent(caseId, ev.id, { at: '2026-01-27T18:30:00.000Z', place: { ...MPLS, label: '' } })
      expect((await s.verification.inspect(caseId, item.id)).warnings).toEqual([])
      await s.settings.update({ verification: { timeMarginMinutes: 60 } })
      expect(codes((await s.verification.inspect(caseId, item.id)).warnings)).toEqual(['capture-time-differs'])

      // The sun at the claimed time and place (Minneapolis, 27 Jan 2026 12:30 local), and at the file's own.
      const r2 = await s.verification.inspect(caseId, item.id)
      const claimed = r2.aids.find((x) => x.basis.startsWith('the event'))!
      expect(claimed.sun).toMatchObject({ zone: 'America/Chicago', localTime: '2026-01-27T12:30:00-06:00' })
      // Half past noon in January, near solar noon (12:25 there): the sun at about 27°, due south.
      expect(claimed.sun.altitude).toBeCloseTo(26.7, 0)
      expect(claimed.sun.azimuth).toBeCloseTo(181, -1)
      const own = r2.aids.find((x) => x.basis.startsWith('the file'))!
      expect(own.sun.altitude).toBeCloseTo(23.79, 1)
      expect(own.sun.azimuth).toBeCloseTo(157.7, 0)
    } finally {
      await s.close()
    }
  }, 60_000)

  it('a stripped copy: no metadata found, with a warning, and it is the same picture as the original', async () => {
    const { s, caseId, media } = await setup()
    try {
      const original = withExif(await patternJpeg(2), { make: 'Casefile Cam', dateTimeOriginal: '2026:01:27 11:00:00' })
      await writeFile(join(media, 'original.jpg'), original)
      // What a social network does: re-encoded smaller, cropped a little, every tag gone.
      const copy = await sharp(original)
        .extract({ left: 32, top: 24, width: 576, height: 432 })
        .resize(400)
        .jpeg({ quality: 60 })
        .toBuffer()
      await writeFile(join(media, 'reposted.jpg'), copy)
      const a = await s.evidence.importFile(caseId, join(media, 'original.jpg'))
      const b = await s.evidence.importFile(caseId, join(media, 'reposted.jpg'))
      const mb = analysisOf(b).metadata
      expect(mb.status).toBe('none')
      expect(mb.reason).toMatch(/^No metadata found: the file was read, and holds no capture time, device or location/)
      expect(codes(analysisOf(b).warnings)).toEqual(['metadata-stripped'])
      const r = await s.verification.inspect(caseId, b.id)
      expect(r.duplicates).toHaveLength(1)
      expect(r.duplicates[0]).toMatchObject({ evidenceId: a.id, how: 'same picture' })
      expect(r.duplicates[0].dhashDistance).toBeLessThanOrEqual(12)
      // An unrelated picture does not match.
      await writeFile(join(media, 'other.jpg'), await patternJpeg(9))
      const other = await s.evidence.importFile(caseId, join(media, 'other.jpg'))
      expect((await s.verification.inspect(caseId, other.id)).duplicates).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a file the readers cannot parse is imported all the same, with "no metadata found" and the reason', async () => {
    const { s, caseId, media } = await setup()
    try {
      await writeFile(join(media, 'broken.jpg'), Buffer.from('not a picture at all, only text'))
      const item = await s.evidence.importFile(caseId, join(media, 'broken.jpg'))
      const a = analysisOf(item)
      expect(a.metadata.status).toBe('unreadable')
      expect(a.metadata.reason).toMatch(
        /^No metadata found: the readers could not parse the file \(exifr 7\.1\.3: .+\)/,
      )
      expect(a.fingerprint.status).toBe('skipped')
      expect(a.c2pa.status).toBe('absent')
      expect(item.custody.map((c) => c.action)).toEqual(['imported', 'hashed'])
    } finally {
      await s.close()
    }
  })
})

describe.skipIf(!hasFfmpeg)('metadata at import: video and sound', () => {
  it('ffprobe facts: creation time, duration, codec, frame rate, dimensions; the same through mediainfo.js without ffprobe', async () => {
    const { s, caseId, media } = await setup()
    const src = join(media, 'clip.mp4')
    makeVideo(src, { seconds: 3, creationTime: '2026-01-27T17:00:00Z' })
    try {
      const item = await s.evidence.importFile(caseId, src)
      const a = analysisOf(item)
      expect(a.metadata.readers[0]).toMatch(/^ffprobe /)
      expect(fact(item, 'captureTime')).toEqual({
        name: 'captureTime',
        value: '2026-01-27T17:00:00Z',
        source: { reader: 'ffprobe', field: 'format.tags.creation_time' },
      })
      expect(fact(item, 'duration')?.value).toBeCloseTo(3, 1)
      expect(fact(item, 'videoCodec')?.value).toBe('h264')
      expect(fact(item, 'frameRate')?.value).toBe(30)
      expect(fact(item, 'width')?.value).toBe(320)
      expect(fact(item, 'height')?.value).toBe(240)
      expect(a.fingerprint).toMatchObject({ status: 'done', kind: 'video', times: [0, 1, 2] })
    } finally {
      await s.close()
    }
    const w = await setup({ analysis: { tools: { ffprobe: null } } })
    try {
      const item = await w.s.evidence.importFile(w.caseId, src)
      const a = analysisOf(item)
      expect(a.metadata.readers).toEqual(['mediainfo.js 0.3.8 (ffprobe not found on PATH)'])
      expect(fact(item, 'captureTime')).toEqual({
        name: 'captureTime',
        value: '2026-01-27T17:00:00Z',
        source: { reader: 'mediainfo.js', field: 'General.Encoded_Date' },
      })
      expect(fact(item, 'duration')?.value).toBeCloseTo(3, 1)
      expect(fact(item, 'videoCodec')).toMatchObject({ value: 'AVC', source: { reader: 'mediainfo.js' } })
      expect(fact(item, 'frameRate')?.value).toBe(30)
      expect(fact(item, 'width')?.value).toBe(320)
    } finally {
      await w.s.close()
    }
  }, 120_000)

  it("a camera's Motion-JPEG footage is a video; a cover picture in a sound file is not", async () => {
    const { s, caseId, media } = await setup()
    const ff = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args])
    ff('-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=2', '-c:v', 'mjpeg', join(media, 'cam.mov'))
    ff('-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=1:duration=1', '-frames:v', '1', join(media, 'cover.jpg'))
    ff(
      ...['-f', 'lavfi', '-i', 'sine=duration=2', '-i', join(media, 'cover.jpg'), '-map', '0', '-map', '1'],
      ...['-c:a', 'aac', '-c:v', 'copy', '-disposition:v:0', 'attached_pic', join(media, 'song.m4a')],
    )
    try {
      const cam = await s.evidence.importFile(caseId, join(media, 'cam.mov'))
      expect(cam.kind).toBe('video')
      expect(fact(cam, 'videoCodec')?.value).toBe('mjpeg')
      expect(fact(cam, 'width')?.value).toBe(320)
      expect(fact(cam, 'height')?.value).toBe(240)
      expect(fact(cam, 'frameRate')?.value).toBe(10)
      const song = await s.evidence.importFile(caseId, join(media, 'song.m4a'))
      expect(song.kind).toBe('audio')
      expect(fact(song, 'audioCodec')?.value).toBe('aac')
      expect(fact(song, 'videoCodec')).toBeUndefined()
      expect(fact(song, 'width')).toBeUndefined()
    } finally {
      await s.close()
    }
  }, 120_000)

  it('warns when the claimed time is far from the creation time; sound is read too', async () => {
    const { s, caseId, media } = await setup()
    try {
      makeVideo(join(media, 'clip.mp4'), { seconds: 2, creationTime: '2026-01-27T17:00:00Z' })
      makeAudio(join(media, 'call.m4a'), '2026-01-27T16:00:00Z')
      const clip = await s.evidence.importFile(caseId, join(media, 'clip.mp4'), {
        details: { eventDate: '2026-01-28T17:00:00.000Z' },
      })
      expect(codes(analysisOf(clip).warnings)).toEqual(['capture-time-differs'])
      expect(analysisOf(clip).warnings[0].numbers.differenceMinutes).toBe(-24 * 60)
      const call = await s.evidence.importFile(caseId, join(media, 'call.m4a'))
      expect(call.kind).toBe('audio')
      expect(fact(call, 'captureTime')?.value).toBe('2026-01-27T16:00:00Z')
      expect(fact(call, 'audioCodec')?.value).toBe('aac')
      expect(fact(call, 'sampleRate')?.value).toBe(44100)
      expect(analysisOf(call).fingerprint).toMatchObject({ status: 'skipped', reason: 'no picture (sound only)' })
    } finally {
      await s.close()
    }
  }, 120_000)

  it('near-duplicates: a re-encoded, cropped, stripped excerpt matches the original at 00:00:04–00:00:09', async () => {
    const { s, caseId, media } = await setup()
    try {
      makeVideo(join(media, 'original.mp4'), { seconds: 12, creationTime: '2026-01-27T17:00:00Z' })
      reencodeCropped(join(media, 'original.mp4'), join(media, 'repost.mp4'), 4, 5)
      makeVideo(join(media, 'unrelated.mp4'), { seconds: 6, seed: 99 })
      const original = await s.evidence.importFile(caseId, join(media, 'original.mp4'), { title: 'Original' })
      const repost = await s.evidence.importFile(caseId, join(media, 'repost.mp4'), { title: 'Repost' })
      await s.evidence.importFile(caseId, join(media, 'unrelated.mp4'), { title: 'Unrelated' })
      expect(analysisOf(repost).metadata.status).toBe('none')
      expect(codes(analysisOf(repost).warnings)).toEqual(['metadata-stripped'])

      const r = await s.verification.inspect(caseId, repost.id)
      expect(r.duplicates).toHaveLength(1)
      const m = r.duplicates[0]
      expect(m).toMatchObject({
        evidenceId: original.id,
        how: 'segment',
        there: { start: 4, end: 9 },
        here: { start: 0, end: 5 },
      })
      expect(m.summary).toBe(
        `This clip matches “Original” (${original.id}) at 00:00:04–00:00:09 (here 00:00:00–00:00:05; 5 keyframes).`,
      )
      // From the original's side, and across the case, each pair once.
      const back = await s.verification.inspect(caseId, original.id)
      expect(back.duplicates[0]).toMatchObject({ evidenceId: repost.id, here: { start: 4, end: 9 } })
      const pairs = await s.verification.duplicates(caseId)
      expect(pairs).toHaveLength(1)
      expect(pairs[0].a.evidenceId).toBe(original.id)
      expect(pairs[0].matches.map((x) => x.evidenceId)).toEqual([repost.id])

      // A still taken from the clip at 6 s is found in both.
      const { execFileSync } = await import('node:child_process')
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-ss',
        '6',
        '-i',
        join(media, 'original.mp4'),
        '-frames:v',
        '1',
        join(media, 'still.jpg'),
      ])
      const still = await s.evidence.importFile(caseId, join(media, 'still.jpg'))
      const fromStill = await s.verification.inspect(caseId, still.id)
      const inOriginal = fromStill.duplicates.find((d) => d.evidenceId === original.id)!
      expect(inOriginal).toMatchObject({ how: 'frame', there: { start: 6, end: 7 } })
    } finally {
      await s.close()
    }
  }, 180_000)
})

describe.skipIf(!hasOpenssl)('Content Credentials', () => {
  it('validates a signed JPEG offline: trusted with the test CA as anchor, valid without, invalid when a byte changes', async () => {
    const { s, caseId, media } = await setup()
    try {
      const pki = makeTestPki(media)
      const signed = await signJpeg(await patternJpeg(4), pki)
      await writeFile(join(media, 'signed.jpg'), signed)
      const plain = await s.evidence.importFile(caseId, join(media, 'signed.jpg'), { title: 'Untrusted signer' })
      const c0 = analysisOf(plain).c2pa
      expect(c0).toMatchObject({ status: 'valid', signatureValid: true, hashBindingValid: true, signerTrusted: null })
      expect(c0.reason).toMatch(/No trust anchors are configured/)

      await s.settings.update({ verification: { c2paTrustAnchors: pki.caPem } })
      const read = await s.verification.reread({ caseId, evidenceId: plain.id })
      expect(read.items[0]).toMatchObject({ status: 'read', c2pa: 'trusted' })
      const item = await s.evidence.get(caseId, plain.id)
      const c = analysisOf(item).c2pa
      expect(c).toMatchObject({
        status: 'trusted',
        signatureValid: true,
        hashBindingValid: true,
        signerTrusted: true,
        trustAnchors: 1,
      })
      expect(c.manifests[0]).toMatchObject({
        signer: 'Casefile Test Signer',
        issuer: 'Casefile Test',
        actions: [
          { action: 'c2pa.created', softwareAgent: 'Casefile Test Camera 1.0' },
          { action: 'c2pa.edited', softwareAgent: 'Casefile Test Editor 2.1' },
        ],
      })
      expect(c.manifests[0].tool).toMatch(/^c2pa-ts /)
      // The technical check keeps both examinations, each dated and labelled.
      const lines = item.verification.technical.reasoning.split('\n')
      expect(lines).toHaveLength(2)
      expect(lines[1]).toMatch(
        /Content Credentials: trusted signed by Casefile Test Signer with c2pa-ts .*; signature holds, hash binding holds/,
      )
      const audit = await s.audit.list({ target: `evidence:${caseId}/${plain.id}` })
      expect(audit.map((e) => e.action)).toEqual(['imported', 'hashed', 'examined'])
      expect(audit[2].detail).toMatchObject({ c2pa: 'trusted', metadata: 'none' })

      const tampered = Buffer.from(signed)
      tampered[tampered.length - 200] ^= 0xff
      await writeFile(join(media, 'tampered.jpg'), tampered)
      const bad = await s.evidence.importFile(caseId, join(media, 'tampered.jpg'))
      const cb = analysisOf(bad).c2pa
      expect(cb).toMatchObject({ status: 'invalid', signatureValid: true, hashBindingValid: false })
      expect(cb.failures.map((f) => f.code)).toContain('assertion.dataHash.mismatch')
      expect(codes(analysisOf(bad).warnings)).toContain('content-credentials-invalid')
    } finally {
      await s.close()
    }
  }, 120_000)
})

describe('documents, re-reading, the sun', () => {
  it('reads PDF properties', async () => {
    const { s, caseId, media } = await setup()
    try {
      await makePdf(join(media, 'note.pdf'))
      const item = await s.evidence.importFile(caseId, join(media, 'note.pdf'))
      expect(analysisOf(item).metadata).toMatchObject({ status: 'found', readers: ['pdf-lib 1.17.1'] })
      expect(fact(item, 'createTime')).toEqual({
        name: 'createTime',
        value: '2026-01-28T08:09:32Z',
        source: { reader: 'pdf-lib', field: 'Info /CreationDate' },
      })
      expect(fact(item, 'producer')?.value).toBe('LibreOffice 7.4')
      expect(fact(item, 'creatorTool')?.value).toBe('Writer')
      expect(fact(item, 'author')?.value).toBe('Ministry desk')
      expect(fact(item, 'pages')?.value).toBe(2)
      // A document is not "stripped": that advice is for pictures and recordings.
      expect(analysisOf(item).warnings).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('re-reads items imported before files were read, one or all', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    await writeFile(join(media, 'a.jpg'), withExif(await patternJpeg(5), { make: 'Old Cam' }))
    let s = await openWorkspace(root, { newId: sequentialIds(), analysis: false })
    const c = await s.cases.create({ title: 'Before' })
    const old = await s.evidence.importFile(c.id, join(media, 'a.jpg'))
    const ref = await s.evidence.add(c.id, { kind: 'web page', title: 'A link', sourceUrl: 'https://example.org/x' })
    expect(old.analysis).toBeUndefined()
    await s.close()
    s = await openWorkspace(root, { newId: sequentialIds() })
    try {
      const before = await s.verification.inspect(c.id, old.id)
      expect(before.analysis).toBeUndefined()
      expect(before.notes[0]).toMatch(/has not been examined.*re-read it/)
      expect(await s.verification.locate(old.id)).toBe(c.id)
      const out = await s.verification.reread({})
      expect(out.items.map((i) => [i.evidenceId, i.status])).toEqual([
        [old.id, 'read'],
        [ref.id, 'no file'],
      ])
      const after = await s.evidence.get(c.id, old.id)
      expect(fact(after, 'make')?.value).toBe('Old Cam')
    } finally {
      await s.close()
    }
  }, 60_000)

  it('the sun and the zone for a time and place', async () => {
    const { s } = await setup()
    try {
      const sun = s.verification.sun({ at: '2026-01-27T17:00:00.000Z', ...MPLS })
      expect(sun.altitude).toBeCloseTo(23.79, 1)
      expect(sun.azimuth).toBeCloseTo(157.7, 0)
      expect(sun.zone).toBe('America/Chicago')
      expect(sun.localTime).toBe('2026-01-27T11:00:00-06:00')
      expect(sun.shadowAzimuth).toBeCloseTo(337.7, 0)
      const quito = s.verification.sun({ at: '2026-01-27T17:00:00.000Z', latitude: -0.18, longitude: -78.47 })
      expect(quito.zone).toBe('America/Guayaquil')
      const night = s.verification.sun({ at: '2026-01-27T05:00:00.000Z', ...MPLS })
      expect(night.altitude).toBeLessThan(0)
      expect(night.shadowAzimuth).toBeNull()
    } finally {
      await s.close()
    }
  })
})
