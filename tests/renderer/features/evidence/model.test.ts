import { describe, expect, it } from 'vitest'
import {
  parseTimecode,
  sortAnnotations,
  targetTypeFor,
  withEnd,
  withStart,
} from '@renderer/features/evidence/annotations/model'
import { translator } from '@shared/i18n'
import { integrityLabel, integrityOf } from '@renderer/features/evidence/format'
import { formOf, inZone, patchOf, withSaved } from '@renderer/features/evidence/editor/form'
import { regionFrom } from '@renderer/features/evidence/media/RegionImage'
import { timeAnnotation, videoItem } from './samples'

describe('annotation model', () => {
  it('sorts time annotations by start, then end, then creation', () => {
    const list = [
      timeAnnotation('c', 30),
      timeAnnotation('a', 3, 9),
      timeAnnotation('b', 3, 4),
      timeAnnotation('d', 0.5),
    ]
    expect(sortAnnotations(list).map((a) => a.id)).toEqual(['d', 'b', 'a', 'c'])
  })

  it('parses time codes in the forms people type', () => {
    expect(parseTimecode('00:01:23.5')).toBe(83.5)
    expect(parseTimecode('1:05')).toBe(65)
    expect(parseTimecode('83.25')).toBe(83.25)
    expect(parseTimecode('1:2:3:4')).toBeNull()
    expect(parseTimecode('soon')).toBeNull()
  })

  it('keeps a range ordered when "[" or "]" moves one end past the other', () => {
    expect(withStart({ type: 'time', start: 2, end: 4 }, 6)).toEqual({ type: 'time', start: 6, end: 6 })
    expect(withEnd({ type: 'time', start: 2, end: 4 }, 1)).toEqual({ type: 'time', start: 1, end: 1 })
    expect(withEnd({ type: 'time', start: 2, end: 4 }, 7.12345)).toEqual({ type: 'time', start: 2, end: 7.123 })
  })

  it('picks the annotation target from the kind and media type', () => {
    expect(targetTypeFor('video')).toBe('time')
    expect(targetTypeFor('social post', 'audio/ogg')).toBe('time')
    expect(targetTypeFor('image')).toBe('region')
    expect(targetTypeFor('document', 'application/pdf')).toBe('page')
  })

  it('normalises a dragged rectangle into fractions inside the image', () => {
    expect(regionFrom({ x: 0.8, y: 0.9 }, { x: 0.2, y: 1.4 })).toEqual({ x: 0.2, y: 0.9, width: 0.6, height: 0.1 })
  })
})

describe('integrity line', () => {
  it('reads the latest hash check from custody, and a fresh check wins', () => {
    const item = videoItem()
    expect(integrityOf(item)).toEqual({ tone: 'ok', key: 'verifiedOn', at: '2026-02-01T09:00:00.000Z' })
    const check = { caseId: 'c', evidenceId: item.id, title: '', status: 'mismatch' as const, expected: 'a'.repeat(64) }
    expect(integrityOf(item, check)).toEqual({ tone: 'bad', key: 'mismatch' })
    expect(integrityOf(videoItem({ file: undefined }))).toEqual({ tone: 'none', key: 'urlOnly' })
  })

  it('reads the same in both languages, with the date from the one formatter', () => {
    const en = translator('en', 'evidence') as unknown as Parameters<typeof integrityLabel>[1]
    const es = translator('es', 'evidence') as unknown as Parameters<typeof integrityLabel>[1]
    const verified = integrityOf(videoItem())
    expect(integrityLabel(verified, en, 'en')).toBe('hash verified 1 February 2026')
    expect(integrityLabel(verified, es, 'es')).toBe('hash verificado el 1 de febrero de 2026')
    const pending = integrityOf(videoItem({ custody: videoItem().custody.slice(0, 1) }))
    expect(integrityLabel(pending, en, 'en')).toBe('hashed 27 January 2026, not re-checked')
    expect(integrityLabel(integrityOf(videoItem({ file: undefined })), es, 'es')).toBe('solo URL')
  })
})

describe('item form', () => {
  it('sends only what changed; emptied dates and grades become null', () => {
    const item = videoItem({ capturedAt: '2026-01-27T17:00:42.000Z' })
    const base = formOf(item)
    expect(base.capturedAt).toBe('2026-01-27T17:00')
    expect(patchOf(base, { ...base })).toEqual({})
    const next = {
      ...base,
      capturedAt: '',
      publishedAt: '2026-01-28T08:30',
      sourceReliability: '',
      verification: { ...base.verification, content: { status: 'verified' as const, reasoning: 'Geolocated.' } },
    }
    expect(patchOf(base, next)).toEqual({
      capturedAt: null,
      publishedAt: '2026-01-28T08:30:00.000Z',
      sourceReliability: null,
      verification: { content: { status: 'verified', reasoning: 'Geolocated.' } },
    })
  })

  it('shows and takes dates in the chosen zone; switching zones alone changes nothing stored', () => {
    const item = videoItem({ capturedAt: '2026-01-27T17:00:42.000Z', publishedAt: undefined })
    const base = formOf(item, 'America/Chicago')
    expect(base.capturedAt).toBe('2026-01-27T11:00')
    // Same instant in Madrid: other wall-clock text, no patch (the stored seconds stay).
    const madrid = inZone(base, 'Europe/Madrid')
    expect(madrid).toMatchObject({ tz: 'Europe/Madrid', capturedAt: '2026-01-27T18:00', publishedAt: '' })
    expect(patchOf(base, madrid)).toEqual({})
    // A time typed after switching is read in the new zone.
    expect(patchOf(base, { ...madrid, capturedAt: '2026-01-27T18:30', publishedAt: '2026-07-01T09:00' })).toEqual({
      capturedAt: '2026-01-27T17:30:00.000Z',
      publishedAt: '2026-07-01T07:00:00.000Z',
    })
    // Half-typed text is kept as typed when the zone changes.
    expect(inZone({ ...base, eventDate: '2026-01' }, 'UTC').eventDate).toBe('2026-01')
  })

  it('keeps a date in the repeated hour (clocks going back) on its own instant across zone switches', () => {
    // 06:30 UTC on 2 Nov 2025 is the second 01:30 in New York; "01:30" read back would be the first.
    const item = videoItem({ capturedAt: '2025-11-02T06:30:15.000Z' })
    const base = formOf(item, 'UTC')
    const ny = inZone(base, 'America/New_York')
    expect(ny.capturedAt).toBe('2025-11-02T01:30')
    expect(patchOf(base, { ...ny, title: 'Renamed' })).toEqual({ title: 'Renamed' })
    expect(inZone(ny, 'UTC').capturedAt).toBe('2025-11-02T06:30')
    expect(inZone(formOf(item, 'America/New_York'), 'UTC').capturedAt).toBe('2025-11-02T06:30')
  })

  it('compares against what was saved last, so a saved date is not sent again', () => {
    const item = videoItem({ capturedAt: undefined })
    const base = formOf(item, 'Europe/Madrid')
    const typed = { ...base, capturedAt: '2026-03-01T10:00' }
    const patch = patchOf(base, typed)
    expect(patch).toEqual({ capturedAt: '2026-03-01T09:00:00.000Z' })
    const saved = withSaved(typed, { ...item, capturedAt: patch.capturedAt! })
    expect(patchOf(saved, inZone(typed, 'Asia/Tokyo'))).toEqual({})
  })

  it('refuses an empty title with a message a person can act on', () => {
    const base = formOf(videoItem())
    expect(() => patchOf(base, { ...base, title: '  ' })).toThrow('The title cannot be empty.')
  })
})
