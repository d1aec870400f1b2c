import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { toAnnotationsCsv } from '@main/formats/annotationsCsv'
import { formatClock, parseClock } from '@main/formats/cues'
import { fromEaf, toEaf } from '@main/formats/eaf'
import { fromSrt, toSrt } from '@main/formats/srt'
import { fromVtt, toVtt } from '@main/formats/vtt'

const cues = [
  { tier: 'speech', start: 0.5, end: 2.25, text: 'The building is consular space.' },
  { tier: 'speech', start: 3, end: 5.125, text: 'Two lines:\nsecond one, with <angle> & "quotes"' },
  { tier: 'actions', start: 2.6, end: 5.2, text: 'Someone approaches the door.' },
]

describe('transcript formats', () => {
  it('writes and reads clock times to the millisecond', () => {
    expect(formatClock(3723.456, '.')).toBe('01:02:03.456')
    expect(formatClock(0.0004, ',')).toBe('00:00:00,000')
    expect(parseClock('01:02:03.456')).toBeCloseTo(3723.456, 6)
    expect(parseClock('02:03,4')).toBeCloseTo(123.4, 6)
    expect(parseClock('1:99:00.000')).toBeNull()
    expect(parseClock('soon')).toBeNull()
  })

  it('round-trips a tier through WebVTT and SRT', () => {
    const speech = cues.filter((c) => c.tier === 'speech')
    const vtt = toVtt(speech)
    expect(vtt.startsWith('WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.250\nThe building is consular space.')).toBe(true)
    expect(fromVtt(vtt, 'speech')).toEqual({ cues: speech, problems: [] })
    const srt = toSrt(speech)
    expect(srt).toContain('00:00:03,000 --> 00:00:05,125')
    expect(fromSrt(srt, 'speech')).toEqual({ cues: speech, problems: [] })
  })

  it('reads what other tools write, and says what it cannot read', () => {
    const vtt =
      'WEBVTT - made elsewhere\r\n\r\nNOTE a comment\r\n\r\ncue-1\r\n00:01.000 --> 00:02.500 align:start\r\nHello\r\n\r\n00:03.000 --> 00:02.000\r\nbackwards\r\n\r\nno timing here\r\n'
    const read = fromVtt(vtt, '')
    expect(read.cues).toEqual([{ tier: '', start: 1, end: 2.5, text: 'Hello' }])
    expect(read.problems.map((p) => p.message)).toEqual([
      'This cue ends before it starts.',
      'This cue has no readable "start --> end" timing line.',
    ])
    expect(fromVtt('1\n00:00:01,000 --> 00:00:02,000\nx', '').problems[0].message).toMatch(/starts with "WEBVTT"/)
    expect(fromSrt('', '').problems).toEqual([{ line: 0, message: 'The file holds no cues.' }])
  })

  it('writes ELAN EAF 3.0 that parses as ELAN lays it out, and reads it back', () => {
    const xml = toEaf(
      cues,
      ['speech', 'actions', 'translation'],
      { name: 'sample clip.webm', mediaType: 'video/webm' },
      'Ana',
      new Date('2026-01-27T17:00:00Z'),
    )
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml)
    const root = doc.ANNOTATION_DOCUMENT
    expect(root['@FORMAT']).toBe('3.0')
    expect(root['@xsi:noNamespaceSchemaLocation']).toBe('http://www.mpi.nl/tools/elan/EAFv3.0.xsd')
    expect(root.HEADER['@TIME_UNITS']).toBe('milliseconds')
    expect(root.HEADER.MEDIA_DESCRIPTOR['@MIME_TYPE']).toBe('video/webm')
    // Elements in the order the schema requires.
    const order = [...xml.matchAll(/^ {2}<([A-Z_]+)/gm)].map((m) => m[1])
    expect(order.slice(0, 2)).toEqual(['HEADER', 'TIME_ORDER'])
    expect(order.slice(2, 5)).toEqual(['TIER', 'TIER', 'TIER'])
    expect(order.slice(5)).toEqual(['LINGUISTIC_TYPE', 'CONSTRAINT', 'CONSTRAINT', 'CONSTRAINT', 'CONSTRAINT'])
    expect(root.TIME_ORDER.TIME_SLOT).toHaveLength(cues.length * 2)
    expect(root.TIER.map((t: Record<string, string>) => t['@TIER_ID'])).toEqual(['speech', 'actions', 'translation'])
    for (const t of root.TIER) expect(t['@LINGUISTIC_TYPE_REF']).toBe(root.LINGUISTIC_TYPE['@LINGUISTIC_TYPE_ID'])
    // Every slot an annotation names exists, and ids are unique.
    const slots = new Set(root.TIME_ORDER.TIME_SLOT.map((s: Record<string, string>) => s['@TIME_SLOT_ID']))
    const anns = [...xml.matchAll(/ANNOTATION_ID="([^"]+)" TIME_SLOT_REF1="([^"]+)" TIME_SLOT_REF2="([^"]+)"/g)]
    expect(new Set(anns.map((a) => a[1])).size).toBe(cues.length)
    for (const a of anns) expect(slots.has(a[2]) && slots.has(a[3])).toBe(true)
    const back = fromEaf(xml)
    expect(back.problems).toEqual([])
    expect(back.cues).toEqual(cues)
    expect(fromEaf(xml, 'actions').cues).toEqual([cues[2]])
    expect(fromEaf('<html/>').problems[0].message).toMatch(/Not an ELAN file/)
  })

  it('reads ELAN reference annotations with their parent’s times', () => {
    const xml = `<?xml version="1.0"?><ANNOTATION_DOCUMENT FORMAT="3.0"><HEADER/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2500"/></TIME_ORDER>
      <TIER TIER_ID="orth"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>hola</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
      <TIER TIER_ID="translation" PARENT_REF="orth"><ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a2" ANNOTATION_REF="a1"><ANNOTATION_VALUE>hello</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>`
    expect(fromEaf(xml).cues).toEqual([
      { tier: 'orth', start: 1, end: 2.5, text: 'hola' },
      { tier: 'translation', start: 1, end: 2.5, text: 'hello' },
    ])
  })

  it('writes every tier as CSV, formulas defused', () => {
    const out = toAnnotationsCsv([{ ...cues[0], text: '=cmd()', tags: ['door'], id: 'ann_1' }])
    expect(out).toBe(
      "tier,start_seconds,end_seconds,start,end,text,tags,id\r\nspeech,0.5,2.25,00:00:00.500,00:00:02.250,'=cmd(),door,ann_1\r\n",
    )
  })
})
