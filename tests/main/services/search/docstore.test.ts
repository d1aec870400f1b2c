import { truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DamagedRecord, decodeRecord, DocStore, encodeRecord, type DocTexts } from '@main/services/search/docstore'
import { fold } from '@main/services/search/text'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

const texts = (title: string, body: string, id: string): DocTexts => ({
  title,
  body,
  id,
  titleFolded: fold(title),
  bodyFolded: fold(body),
})

const SAMPLES = [
  texts('', '', ''),
  texts('Plain English title', 'nothing to fold here, 12,3, commas', 'ev_1'),
  texts('Título — 12', 'cuerpo\nmás ÑANDÚ', 'id,with,commas'),
  texts('Ωmega', 'İstanbul ǅemal straße e\u0301', 'x'),
  texts('a'.repeat(5000), 'b'.repeat(70_000), 'long'),
]

describe('doc store records', () => {
  it('decode to what was encoded, narrow (Latin-1) and wide alike, at any offset', () => {
    for (const d of SAMPLES) {
      const rec = encodeRecord(d)
      const shifted = Buffer.concat([Buffer.from('xyzw'), rec])
      expect(decodeRecord(rec, 0, rec.length)).toEqual(d)
      expect(decodeRecord(shifted, 4, shifted.length)).toEqual(d)
    }
  })

  it('refuse damaged bytes with an error instead of decoding nonsense or looping', () => {
    const good = encodeRecord(SAMPLES[2])
    const damaged = [
      Buffer.alloc(40),
      Buffer.from('L12,3,0,0,short'),
      Buffer.from('Lx,1,0,0,abc'),
      Buffer.from('L1,1,0,0'),
      good.subarray(0, 5),
      Buffer.concat([Buffer.from([0x55, 0]), Buffer.from('9,9,9,9,x', 'utf16le')]),
    ]
    for (const buf of damaged) expect(() => decodeRecord(buf, 0, buf.length)).toThrow(DamagedRecord)
  })

  it('store a folded text only when lower case would not give it back', () => {
    const english = encodeRecord(texts('Embassy note', 'The embassy replied.', 'a'))
    const spanish = encodeRecord(texts('Nota', 'La Cancillería respondió.', 'a'))
    // Marker, header of lengths, title, id, body: no folded copies.
    expect(english.length).toBe(
      1 + '12,1,0,0,'.length + 'Embassy note'.length + 'a'.length + 'The embassy replied.'.length,
    )
    expect(spanish.toString('latin1')).toContain('la cancilleria respondio.')
  })
})

describe('doc store', () => {
  it('reads texts back before and after they are flushed, after a renumbering, and from a reopened file', async () => {
    const dir = await tempDir()
    const store = new DocStore(dir)
    SAMPLES.forEach((d, ord) => store.put(ord, d))
    expect(store.get(2)).toEqual(SAMPLES[2])
    store.flush(true)
    SAMPLES.forEach((d, ord) => expect(store.get(ord)).toEqual(d))
    store.drop(1)
    const remap = Int32Array.from([0, -1, 1, 2, 3])
    store.renumber(remap, 4, true)
    expect([0, 1, 2, 3].map((o) => store.get(o))).toEqual([SAMPLES[0], SAMPLES[2], SAMPLES[3], SAMPLES[4]])
    const { gen, size, offsets, lengths } = store
    store.close()
    const again = new DocStore(dir)
    expect(again.attach(gen, size, offsets, lengths)).toBe(true)
    expect(again.get(3)).toEqual(SAMPLES[4])
    // Cut short behind the index's back: a read that comes up short is an error, not the last record again.
    await truncate(join(dir, again.fileName()), again.offsets[3] + 10)
    expect(() => again.get(3)).toThrow(DamagedRecord)
    again.close()
  })
})
