import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { canonicalJson, entryHash } from '@main/services/audit/auditLog'
import { openWorkspace } from '@main/services/index'
import { ERRNOS, withFault } from '../../../helpers/faults'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

/** A workspace whose audit log holds five entries; returns the log's lines. */
async function withLog() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  for (let i = 0; i < 5; i++)
    await s.audit.append({ action: 'hash verified', target: `evidence:c/e${i}`, detail: { n: i } })
  const path = join(root, 'audit.log.jsonl')
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
  const rewrite = (ls: string[]) => writeFile(path, ls.map((l) => l + '\n').join(''))
  return { s, lines, rewrite }
}

describe('audit log', () => {
  it('chains entries: seq from 0, each prevHash is the hash before, each hash covers the entry', async () => {
    const { s, lines } = await withLog()
    try {
      const entries = lines.map((l) => JSON.parse(l))
      expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4])
      expect(entries[0].prevHash).toBe('0'.repeat(64))
      for (let i = 1; i < 5; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash)
      for (const e of entries) expect(entryHash(e)).toBe(e.hash)
      expect(entries[0]).toMatchObject({
        actor: 'local user',
        action: 'hash verified',
        target: 'evidence:c/e0',
        detail: { n: 0 },
      })
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 5 })
      expect((await s.audit.list({ target: 'evidence:c/e3' })).map((e) => e.seq)).toEqual([3])
    } finally {
      await s.close()
    }
  })

  it('serializes canonically whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('catches an edited entry', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.map((l, i) => (i === 2 ? l.replace('"n":2', '"n":7') : l)))
      expect(await s.audit.verifyChain()).toMatchObject({
        ok: false,
        brokenAt: 2,
        reason: expect.stringMatching(/changed/),
      })
    } finally {
      await s.close()
    }
  })

  it('catches an edited entry whose hash was recomputed (the next entry no longer chains)', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      const e = JSON.parse(lines[1])
      e.actor = 'someone else'
      e.hash = entryHash(e)
      await rewrite(lines.map((l, i) => (i === 1 ? JSON.stringify(e) : l)))
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 2 })
    } finally {
      await s.close()
    }
  })

  it('catches a forged last entry whose hash was recomputed (the head names the one written)', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      const e = JSON.parse(lines[4])
      e.detail = { n: 40 }
      e.hash = entryHash(e)
      await rewrite([...lines.slice(0, 4), JSON.stringify(e)])
      expect(await s.audit.verifyChain()).toMatchObject({
        ok: false,
        brokenAt: 4,
        reason: expect.stringMatching(/not the one that was written/),
      })
    } finally {
      await s.close()
    }
  })

  it('catches a removed entry', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.filter((_, i) => i !== 3))
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 3 })
    } finally {
      await s.close()
    }
  })

  it('catches entries cut off the end', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.slice(0, 4))
      expect(await s.audit.verifyChain()).toMatchObject({
        ok: false,
        brokenAt: 4,
        reason: expect.stringMatching(/cut off/),
      })
    } finally {
      await s.close()
    }
  })

  it('catches reordered entries', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite([lines[0], lines[2], lines[1], lines[3], lines[4]])
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 1 })
    } finally {
      await s.close()
    }
  })

  it('catches an unreadable line', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.map((l, i) => (i === 4 ? l.slice(0, 20) : l)))
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 4 })
    } finally {
      await s.close()
    }
  })

  it('after an append cut short by a stop, the next append sets the fragment aside (kept) and records that', async () => {
    const { s } = await withLog()
    const root = join(s.audit.path(), '..')
    const fragment = '{"action":"imported","actor":"a","at":"2026-'
    try {
      await appendFile(s.audit.path(), fragment)
      // The head still names entry 4: this is an append that never finished, not a cut.
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 5, interrupted: true })
      const e = await s.audit.append({ action: 'exported', target: 'case:after' })
      expect(e.seq).toBe(6)
      const recovered = (await s.audit.list()).find((x) => x.seq === 5)!
      expect(recovered).toMatchObject({
        action: 'interrupted append set aside',
        detail: { entry: 5, bytes: fragment.length },
      })
      expect(await readFile(join(root, recovered.detail.keptAs as string), 'utf8')).toBe(fragment)
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 7 })
    } finally {
      await s.close()
    }
  })

  it('keeps chaining across reopen, and concurrent appends never fork the chain', async () => {
    const root = await tempDir()
    let s = await openWorkspace(root)
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.audit.append({ action: 'edited', target: `t${i}` })))
    await s.close()
    s = await openWorkspace(root)
    try {
      const e = await s.audit.append({ action: 'exported', target: 'case:x', detail: { file: 'memo.pdf' } })
      expect(e.seq).toBe(20)
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 21 })
    } finally {
      await s.close()
    }
  })
})

const headOf = async (root: string) => JSON.parse(await readFile(join(root, 'audit.head.json'), 'utf8'))

describe('a broken audit log stays broken until a person acknowledges it', () => {
  it('entries cut off the end: the next append is refused, the head is not rewritten, check keeps reporting', async () => {
    const { s, lines, rewrite } = await withLog()
    const root = join(s.audit.path(), '..')
    try {
      await rewrite(lines.slice(0, 3))
      const head = await headOf(root)
      await expect(s.audit.append({ action: 'imported', target: 'evidence:c/new' })).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(/cut off the end.*acknowledge-audit-break/),
      })
      expect(await headOf(root)).toEqual(head)
      expect((await readFile(s.audit.path(), 'utf8')).trimEnd().split('\n')).toHaveLength(3)
      expect(await s.audit.verifyChain()).toMatchObject({
        ok: false,
        brokenAt: 3,
        reason: expect.stringMatching(/cut off/),
      })
      expect(s.workspace.problems()).toEqual([expect.objectContaining({ file: 'audit.log.jsonl', kind: 'invalid' })])
    } finally {
      await s.close()
    }
    // Reopened: still refused, still reported.
    const again = await openWorkspace(root)
    try {
      await expect(again.audit.append({ action: 'edited', target: 'x' })).rejects.toMatchObject({ code: 'CORRUPT' })
      expect((await again.check.run()).problems).toEqual([
        expect.objectContaining({ file: 'audit.log.jsonl', message: expect.stringMatching(/cut off/) }),
      ])
    } finally {
      await again.close()
    }
  })

  it('a torn last line the head had named is a break, not an interrupted append', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.slice(0, 4))
      await appendFile(s.audit.path(), lines[4].slice(0, 30))
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 4 })
      await expect(s.audit.append({ action: 'edited', target: 'x' })).rejects.toMatchObject({ code: 'CORRUPT' })
    } finally {
      await s.close()
    }
  })

  it('an edited entry: appends are refused; the acknowledgement records who, when and what, and the chain resumes', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.map((l, i) => (i === 2 ? l.replace('"n":2', '"n":7') : l)))
      await expect(s.audit.append({ action: 'edited', target: 'x' })).rejects.toMatchObject({ code: 'CORRUPT' })
      const ack = await s.audit.acknowledgeBreak({ actor: 'A. Auditor', note: 'Seen; the original memo is on paper.' })
      expect(ack).toMatchObject({
        seq: 5,
        actor: 'A. Auditor',
        action: 'audit break acknowledged',
        detail: {
          brokenAt: 2,
          reason: expect.stringMatching(/entry 2 was changed/),
          span: { from: 2, to: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          note: 'Seen; the original memo is on paper.',
        },
      })
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 6 })
      const next = await s.audit.append({ action: 'edited', target: 'y' })
      expect(next.seq).toBe(6)
      expect(next.prevHash).toBe(ack!.hash)
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 7 })
      expect(s.workspace.problems()).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('after an acknowledgement, a change to the damaged lines, to an earlier entry or to the acknowledgement breaks it again', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await rewrite(lines.map((l, i) => (i === 2 ? l.replace('"n":2', '"n":7') : l)))
      await s.audit.acknowledgeBreak()
      await s.audit.append({ action: 'edited', target: 'y' })
      const now = (await readFile(s.audit.path(), 'utf8')).trimEnd().split('\n')
      for (const [i, edit] of [
        [3, (l: string) => l.replace('"n":3', '"n":8')],
        [0, (l: string) => l.replace('"n":0', '"n":9')],
        [5, (l: string) => l.replace('"brokenAt":2', '"brokenAt":1')],
      ] as const) {
        await rewrite(now.map((l, j) => (j === i ? edit(l) : l)))
        expect(await s.audit.verifyChain()).toMatchObject({ ok: false })
      }
      await rewrite(now)
      expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
    } finally {
      await s.close()
    }
  })

  it('acknowledges entries cut off the end and a torn line the head had named', async () => {
    const { s, lines, rewrite } = await withLog()
    const root = join(s.audit.path(), '..')
    try {
      await rewrite(lines.slice(0, 3))
      const ack = await s.audit.acknowledgeBreak()
      expect(ack).toMatchObject({ seq: 3, detail: { brokenAt: 3, headWas: { seq: 4 } } })
      expect(await headOf(root)).toEqual({ seq: 3, hash: ack!.hash })
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 4 })
      // Now a torn line where the head names a whole entry.
      const whole = (await readFile(s.audit.path(), 'utf8')).trimEnd().split('\n')
      await writeFile(s.audit.path(), whole.slice(0, 3).join('\n') + '\n' + whole[3].slice(0, 40))
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 3 })
      const second = await s.audit.acknowledgeBreak()
      expect(second).toMatchObject({ seq: 4, detail: { brokenAt: 3, span: { from: 3, to: 3 } } })
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 5 })
      expect(await s.audit.acknowledgeBreak()).toBeNull()
    } finally {
      await s.close()
    }
  })

  it('a missing or damaged head with more than one entry is a break; a head one entry behind is not', async () => {
    const { s } = await withLog()
    const root = join(s.audit.path(), '..')
    const headPath = join(root, 'audit.head.json')
    try {
      const head = await readFile(headPath, 'utf8')
      await rm(headPath)
      expect(await s.audit.verifyChain()).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/head.json is missing/),
      })
      await writeFile(headPath, '{"seq":')
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged/) })
      // A stop between the line and the head: the head names the entry before the last.
      const entries = (await readFile(s.audit.path(), 'utf8'))
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l))
      await writeFile(headPath, JSON.stringify({ seq: 3, hash: entries[3].hash }))
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 5 })
      await writeFile(headPath, JSON.stringify({ seq: 3, hash: entries[2].hash }))
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 3 })
      await writeFile(headPath, head)
    } finally {
      await s.close()
    }
  })

  it('a line of invalid UTF-8 is a break (never read as U+FFFD)', async () => {
    const { s, lines } = await withLog()
    try {
      const bad = Buffer.from(lines[1].replace('local user', 'local us\u00e9r'), 'latin1')
      await writeFile(
        s.audit.path(),
        Buffer.concat([Buffer.from(lines[0] + '\n'), bad, Buffer.from('\n' + lines.slice(2).join('\n') + '\n')]),
      )
      expect(await s.audit.verifyChain()).toMatchObject({
        ok: false,
        brokenAt: 1,
        reason: expect.stringMatching(/not a readable/),
      })
    } finally {
      await s.close()
    }
  })

  it('a log changed on disk while the app runs is verified again before the next append', async () => {
    const { s, lines, rewrite } = await withLog()
    try {
      await s.audit.append({ action: 'edited', target: 'z' })
      await rewrite(lines.slice(0, 2))
      await expect(s.audit.append({ action: 'edited', target: 'z' })).rejects.toMatchObject({ code: 'CORRUPT' })
    } finally {
      await s.close()
    }
  })
})

describe('the audit append counts its bytes', () => {
  it('a short write is continued: the entry is whole', async () => {
    const { s } = await withLog()
    try {
      await withFault({ step: 'write', fault: 'short', match: (p) => p.endsWith('audit.log.jsonl') }, async (inj) => {
        await s.audit.append({ action: 'edited', target: 'x', detail: { text: 'z'.repeat(5_000) } })
        expect(inj.hits).toBe(1)
      })
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 6 })
    } finally {
      await s.close()
    }
  })

  for (const step of ['open', 'write', 'sync'] as const)
    for (const fault of [...ERRNOS, 'full'] as const) {
      if (fault === 'full' && step !== 'write') continue
      it(`${fault} at ${step}: the append fails, the head stays, and the log is whole again at the next append`, async () => {
        const { s } = await withLog()
        const root = join(s.audit.path(), '..')
        try {
          const head = await headOf(root)
          await withFault({ step, fault, match: (p) => p.endsWith('audit.log.jsonl') }, async () => {
            await expect(
              s.audit.append({ action: 'edited', target: 'x', detail: { t: 'q'.repeat(3_000) } }),
            ).rejects.toMatchObject({
              code: fault === 'full' ? 'ENOSPC' : fault,
            })
          })
          expect(await headOf(root)).toEqual(head)
          await s.audit.append({ action: 'edited', target: 'after' })
          expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
        } finally {
          await s.close()
        }
      })
    }
})
