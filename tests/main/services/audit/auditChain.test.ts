/**
 * The chain's judgement on bytes alone (auditChain.ts is pure): logs are built here line by line,
 * so each rule can be tried at its edge: the first and the last entry, a head one behind or one
 * ahead, an acknowledgement that vouches for one line too few or too many.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, type AuditEntry } from '@shared/domain'
import {
  ACK_ACTION,
  canonicalJson,
  entryHash,
  spanHash,
  splitLog,
  verifyLog,
  type Head,
} from '@main/services/audit/auditChain'

type Draft = Omit<AuditEntry, 'hash' | 'seq' | 'prevHash'>

function entry(seq: number, prevHash: string, d: Partial<Draft> = {}): AuditEntry {
  const body = {
    seq,
    at: `2026-01-0${(seq % 9) + 1}T10:00:00.000Z`,
    actor: 'clerk',
    action: 'case created',
    target: `case:c${seq}`,
    detail: {},
    prevHash,
    ...d,
  }
  return { ...body, hash: entryHash(body) }
}

/** A whole chain of n entries, as lines of JSON. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = []
  for (let i = 0; i < n; i++) out.push(entry(i, i ? out[i - 1].hash : GENESIS_HASH))
  return out
}

const bytes = (lines: string[], tail = '') => Buffer.from(lines.map((l) => `${l}\n`).join('') + tail)
const json = (es: AuditEntry[]) => es.map((e) => JSON.stringify(e))
const headOf = (e: AuditEntry): Head => ({ seq: e.seq, hash: e.hash })
const verify = (lines: string[], head: Head, tail = '') => verifyLog(splitLog(bytes(lines, tail)), head)

/** The acknowledgement entry at line j of a break at line i, vouching for lines i..to. */
function ack(lines: string[], j: number, i: number, prevHash: string, over: Partial<Draft> & { to?: number } = {}) {
  const to = over.to ?? j - 1
  const lineBufs = lines.map((l) => Buffer.from(l))
  return entry(j, prevHash, {
    action: ACK_ACTION,
    target: 'audit:audit.log.jsonl',
    detail: { brokenAt: i, span: { from: i, to, sha256: spanHash(lineBufs, i, to) } },
    ...over,
  })
}

describe('splitLog', () => {
  it('splits complete lines from a torn tail, a newline at the very start included', () => {
    expect(splitLog(Buffer.from('\na\nbc\nde'))).toEqual({
      lines: [Buffer.from(''), Buffer.from('a'), Buffer.from('bc')],
      tail: Buffer.from('de'),
    })
    expect(splitLog(Buffer.from('a\n'))).toEqual({ lines: [Buffer.from('a')], tail: Buffer.alloc(0) })
    expect(splitLog(Buffer.alloc(0))).toEqual({ lines: [], tail: Buffer.alloc(0) })
  })
})

describe('canonicalJson', () => {
  it('drops undefined members, writes undefined alone as null, and sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined, { z: 1, y: 2 }] })).toBe(
      '{"b":1,"c":[null,{"y":2,"z":1}]}',
    )
    expect(canonicalJson(undefined)).toBe('null')
    expect(canonicalJson('x')).toBe('"x"')
  })
})

describe('spanHash', () => {
  it('is the SHA-256 of the lines from..to joined by newlines', () => {
    const lines = ['a', 'b', 'c'].map((s) => Buffer.from(s))
    const sha = (s: string) => createHash('sha256').update(s).digest('hex')
    expect(spanHash(lines, 0, 2)).toBe(sha('a\nb\nc'))
    expect(spanHash(lines, 1, 1)).toBe(sha('b'))
    expect(spanHash(lines, 1, 2)).toBe(sha('b\nc'))
  })
})

describe('verifyLog', () => {
  it('an empty log with no head is whole, and its next entry starts the chain', () => {
    expect(verify([], null)).toEqual({
      ok: true,
      entries: 0,
      next: { seq: 0, prevHash: GENESIS_HASH },
      headBehind: false,
    })
  })

  it('a whole log: where the next entry chains from, and whether the head lags', () => {
    const es = chain(3)
    expect(verify(json(es), headOf(es[2]))).toEqual({
      ok: true,
      entries: 3,
      next: { seq: 3, prevHash: es[2].hash },
      headBehind: false,
    })
    expect(verify(json(es), headOf(es[1])).headBehind).toBe(true)
    expect(verify(json(es), headOf(es[0])).headBehind).toBe(true)
    // One entry and no head yet (the head is written with the second): lagging, not broken.
    expect(verify(json(es.slice(0, 1)), null)).toMatchObject({ ok: true, headBehind: true })
  })

  it('names the first bad line and says why, in words, for each kind of damage', () => {
    const es = chain(4)
    const lines = json(es)
    const cases: [string[], number, RegExp][] = [
      [[lines[0], 'not json', lines[2], lines[3]], 1, /^entry 1 \(line 2\) is not a readable audit entry$/],
      [[lines[0], lines[2], lines[3]], 1, /^entry 1 has sequence number 2: an entry was removed/],
      [
        [lines[0], JSON.stringify(entry(1, GENESIS_HASH)), lines[2], lines[3]],
        1,
        /^entry 1 does not chain to the entry before it/,
      ],
      [
        [lines[0], JSON.stringify({ ...es[1], actor: 'someone else' }), lines[2], lines[3]],
        1,
        /^entry 1 was changed after it was written/,
      ],
    ]
    for (const [damaged, at, why] of cases) {
      const s = verify(damaged, headOf(es[3]))
      expect(s).toMatchObject({ ok: false, brokenAt: at, entries: damaged.length, headBehind: false })
      expect(s.reason).toMatch(why)
      // What an acknowledgement of it must record, chaining from the last good entry.
      expect(s.ack).toEqual({ brokenAt: at, reason: s.reason, spanFrom: at, prevHash: es[0].hash })
      expect(s.next).toEqual({ seq: damaged.length, prevHash: es[0].hash })
    }
  })

  it('the head: missing or damaged with more than one entry, ahead of the log, or naming another entry', () => {
    const es = chain(3)
    const lines = json(es)
    expect(verify(lines, null)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/missing/) })
    expect(verify(lines, 'damaged')).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/damaged/) })
    expect(verify(lines, { seq: 3, hash: es[2].hash })).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'the log ends at entry 2 but entry 3 was written: entries were cut off the end',
      ack: { brokenAt: 3, spanFrom: null, prevHash: es[2].hash },
    })
    expect(verify(lines, { seq: 1, hash: es[2].hash })).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: 'entry 1 is not the one that was written (the head names another)',
    })
  })

  it('a torn last line after a head that names the last whole entry is an interrupted append', () => {
    const es = chain(2)
    const s = verify(json(es), headOf(es[1]), '{"seq":2,"at"')
    expect(s).toEqual({
      ok: false,
      entries: 2,
      brokenAt: 2,
      reason: 'entry 2 was cut off while it was being written (13 bytes; the app stopped mid-append)',
      interrupted: { bytes: 13 },
      next: { seq: 2, prevHash: es[1].hash },
      headBehind: false,
    })
  })

  it('resumes from an acknowledgement that vouches for exactly the damaged lines, and from no other', () => {
    const es = chain(3)
    const lines = json(es)
    lines[1] = 'damaged beyond reading'
    const good = ack(lines, 3, 1, es[0].hash)
    const whole = [...lines, JSON.stringify(good)]
    expect(verify(whole, headOf(good))).toMatchObject({ ok: true, entries: 4, next: { seq: 4, prevHash: good.hash } })

    const refused: [string, AuditEntry][] = [
      ['another action', ack(lines, 3, 1, es[0].hash, { action: 'case created' })],
      ['a sequence number not its line', ack(lines, 3, 1, es[0].hash, { seq: 4 } as Partial<Draft>)],
      ['a hash that does not cover it', { ...good, actor: 'forger' }],
      ['a chain from another entry', ack(lines, 3, 1, es[1].hash)],
      ['another break', ack(lines, 3, 2, es[0].hash)],
      ['no span', ack(lines, 3, 1, es[0].hash, { detail: { brokenAt: 1 } })],
      [
        'a span from another line',
        ack(lines, 3, 1, es[0].hash, {
          detail: {
            brokenAt: 1,
            span: {
              from: 0,
              to: 2,
              sha256: spanHash(
                lines.map((l) => Buffer.from(l)),
                0,
                2,
              ),
            },
          },
        }),
      ],
      ['a span one line short', ack(lines, 3, 1, es[0].hash, { to: 1 })],
      [
        'a span hash of other bytes',
        ack(lines, 3, 1, es[0].hash, { detail: { brokenAt: 1, span: { from: 1, to: 2, sha256: 'f'.repeat(64) } } }),
      ],
    ]
    for (const [what, forged] of refused) {
      const s = verify([...lines, JSON.stringify(forged)], headOf(forged))
      expect(s.ok, what).toBe(false)
      expect(s.brokenAt, what).toBe(1)
    }
  })

  it('after an acknowledgement, the chain goes on from it: a later entry chaining elsewhere breaks it', () => {
    const es = chain(2)
    const lines = json(es)
    lines[1] = 'x'
    const a = ack(lines, 2, 1, es[0].hash)
    const after = entry(3, a.hash)
    expect(verify([...lines, JSON.stringify(a), JSON.stringify(after)], headOf(after)).ok).toBe(true)
    const astray = entry(3, es[0].hash)
    expect(verify([...lines, JSON.stringify(a), JSON.stringify(astray)], headOf(astray))).toMatchObject({
      ok: false,
      brokenAt: 3,
    })
    // The head may name the acknowledgement, never a line inside the span it vouches for.
    expect(verify([...lines, JSON.stringify(a)], { seq: 1, hash: es[1].hash })).toMatchObject({
      ok: false,
      brokenAt: 1,
    })
  })
})
