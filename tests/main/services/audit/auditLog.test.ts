import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { canonicalJson, entryHash } from '@main/services/audit/auditLog'
import { openWorkspace } from '@main/services/index'
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

  it('after a torn append (crash mid-write), the next entry starts on its own line and stays readable', async () => {
    const { s } = await withLog()
    try {
      const path = s.audit.path()
      await appendFile(path, '{"action":"imported","actor":"a","at":"2026-')
      await s.close()
      const again = await openWorkspace(join(path, '..'))
      try {
        const e = await again.audit.append({ action: 'exported', target: 'case:after' })
        expect(e.seq).toBe(5)
        expect(await again.audit.list({ target: 'case:after' })).toEqual([e])
        // The fragment is kept and reported, not hidden.
        expect(await again.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: 5 })
        expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(8)
      } finally {
        await again.close()
      }
    } catch (err) {
      await s.close().catch(() => undefined)
      throw err
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
