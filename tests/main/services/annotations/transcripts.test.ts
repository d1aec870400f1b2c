import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const CASE = 'case_ecu_mpls_2026'
const CLIP = 'evidence_sample_clip'

async function demo() {
  const root = await tempDir()
  const s = await openWorkspace(root)
  await s.demo.install()
  return { root, s }
}

describe('transcripts and tiers', () => {
  it('on the demo clip: two tiers with spans, a WebVTT export re-imported equal, an EAF that comes back whole', async () => {
    const { root, s } = await demo()
    // Written outside the workspace folder, as a person's exports are.
    const out = await tempDir()
    try {
      await s.evidence.update(CASE, CLIP, { tiers: ['speech', 'actions'] })
      await s.annotations.add(CASE, CLIP, {
        target: { type: 'time', start: 0.4, end: 2.2 },
        tier: 'speech',
        text: 'This is consular space.',
      })
      await s.annotations.add(CASE, CLIP, {
        target: { type: 'time', start: 5.4, end: 7.9 },
        tier: 'speech',
        text: 'You may not come in.',
      })
      await s.annotations.add(CASE, CLIP, {
        target: { type: 'time', start: 2.6, end: 5.2 },
        tier: 'actions',
        text: 'Someone approaches.',
      })
      const speech = (await s.annotations.list(CASE, CLIP)).filter((a) => a.tier === 'speech')

      // One tier out as WebVTT, into another item, equal.
      const vtt = await s.transcripts.exportTo(CASE, CLIP, { outPath: join(out, 'speech.vtt'), tier: 'speech' })
      expect(vtt).toMatchObject({ format: 'vtt', cues: 2 })
      expect(await readFile(vtt.path, 'utf8')).toMatch(
        /^WEBVTT\n\n1\n00:00:00\.400 --> 00:00:02\.200\nThis is consular space\./,
      )
      const src = join(root, 'copy.webm')
      await writeFile(src, await readFile(join(root, 'blobs', (await s.evidence.get(CASE, CLIP)).file!.sha256)))
      const copy = await s.evidence.importFile(CASE, src, { title: 'Copy', kind: 'video', details: { tags: [] } })
      const back = await s.transcripts.importFrom(CASE, copy.id, vtt.path, { tier: 'speech' })
      expect(back.problems).toEqual([])
      const strip = (list: typeof speech) => list.map((a) => ({ target: a.target, tier: a.tier, text: a.text }))
      expect(strip((await s.annotations.list(CASE, copy.id)).filter((a) => a.tier === 'speech'))).toEqual(strip(speech))

      // A file of several tiers as VTT must say which.
      await expect(s.transcripts.exportTo(CASE, CLIP, { outPath: join(out, 'all.vtt') })).rejects.toMatchObject({
        code: 'VALIDATION',
      })

      // Every tier as EAF, then back into a third item: all tiers, all spans.
      const eaf = await s.transcripts.exportTo(CASE, CLIP, { outPath: join(out, 'clip.eaf') })
      const third = await s.evidence.importFile(CASE, src, { title: 'Third', kind: 'video' })
      await s.transcripts.importFrom(CASE, third.id, eaf.path)
      const all = await s.annotations.list(CASE, CLIP)
      const key = (list: typeof all) =>
        strip(list)
          .map((a) => JSON.stringify({ ...a, tier: a.tier ?? '' }))
          .sort()
      expect(key(await s.annotations.list(CASE, third.id))).toEqual(key(all.filter((a) => a.target.type === 'time')))

      const csv = await s.transcripts.exportTo(CASE, CLIP, { outPath: join(out, 'clip.csv') })
      expect((await readFile(csv.path, 'utf8')).split('\r\n')[0]).toBe(
        'tier,start_seconds,end_seconds,start,end,text,tags,id',
      )
    } finally {
      await s.close()
    }
  })

  it('refuses what is not a transcript, and a document as the target', async () => {
    const { root, s } = await demo()
    try {
      await writeFile(join(root, 'x.vtt'), Buffer.from([0xff, 0xfe, 0x00]))
      await expect(s.transcripts.importFrom(CASE, CLIP, join(root, 'x.vtt'))).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      await writeFile(join(root, 'x.txt'), 'WEBVTT\n')
      await expect(s.transcripts.importFrom(CASE, CLIP, join(root, 'x.txt'))).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      await writeFile(join(root, 'ok.vtt'), 'WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n')
      await expect(
        s.transcripts.importFrom(CASE, 'evidence_sample_bulletin', join(root, 'ok.vtt')),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(
          /^Only videos and sound recordings take time-coded annotations; ".*" is a document\.$/,
        ),
      })
      await expect(s.transcripts.importFrom(CASE, CLIP, join(root, 'none.vtt'))).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      // Empty, or with no cue that could be read: an error naming what was wrong, and nothing added.
      const before = (await s.annotations.list(CASE, CLIP)).length
      await writeFile(join(root, 'empty.vtt'), 'WEBVTT\n')
      await expect(s.transcripts.importFrom(CASE, CLIP, join(root, 'empty.vtt'))).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/holds no VTT cue that could be read; nothing was imported\.$/),
      })
      await writeFile(join(root, 'bad.srt'), '1\n00:00:05,000 --> 00:00:01,000\nbackwards\n')
      await expect(s.transcripts.importFrom(CASE, CLIP, join(root, 'bad.srt'))).rejects.toMatchObject({
        message: expect.stringMatching(/holds no SRT cue that could be read; nothing was imported \(line \d+: /),
      })
      expect((await s.annotations.list(CASE, CLIP)).length).toBe(before)
      // A cue longer than an annotation holds is cut, and the cut is reported.
      await writeFile(join(root, 'long.vtt'), `WEBVTT\n\n00:01.000 --> 00:02.000\n${'x'.repeat(25_000)}END\n`)
      const long = await s.transcripts.importFrom(CASE, CLIP, join(root, 'long.vtt'))
      expect(long.added[0].text).toHaveLength(20_000)
      expect(long.problems).toEqual([
        { line: 0, message: 'the cue at 00:00:01 is 25003 characters long; only its first 20000 were kept' },
      ])
    } finally {
      await s.close()
    }
  })
})
