/**
 * The audit log service at the edges the broad tests pass over: what counts as a head, a log
 * path that is not a file, the head moved up when it lagged, the folder synced once, where a torn
 * fragment is kept, and the filters of list().
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { fsio, replaceFsIo } from '@main/storage/fsio'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const realSyncDir = fsio.syncDir

async function withEntries(n: number) {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  for (let i = 0; i < n; i++) await s.audit.append({ action: 'hash verified', target: `evidence:c/e${i}` })
  const entries = async () =>
    (await readFile(join(root, 'audit.log.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; hash: string; target: string; action: string })
  return { root, s, entries, headPath: join(root, 'audit.head.json') }
}

describe('the audit head', () => {
  it('is damaged unless it holds a whole, non-negative sequence number and a hash', async () => {
    const { s, headPath, entries } = await withEntries(3)
    try {
      const last = (await entries())[2]
      for (const bad of [
        'null',
        '[]',
        JSON.stringify({ seq: -1, hash: last.hash }),
        JSON.stringify({ seq: 1.5, hash: last.hash }),
        JSON.stringify({ seq: '2', hash: last.hash }),
        JSON.stringify({ seq: 2 }),
        JSON.stringify({ seq: 2, hash: 7 }),
        Buffer.from([0xff, 0xfe]).toString('latin1'),
      ]) {
        await writeFile(headPath, bad, 'latin1')
        expect(await s.audit.verifyChain(), bad).toMatchObject({
          ok: false,
          reason: expect.stringMatching(/audit\.head\.json is damaged/),
        })
      }
      // Not a file at all: damaged as well, never taken for "no head yet".
      await rm(headPath)
      await mkdir(headPath)
      expect(await s.audit.verifyChain()).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged/) })
      await rm(headPath, { recursive: true })
      await writeFile(headPath, JSON.stringify({ seq: 2, hash: last.hash }))
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 3 })
      // A head naming the first entry is a lagging head, not a damaged one.
      await writeFile(headPath, JSON.stringify({ seq: 0, hash: (await entries())[0].hash }))
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 3 })
    } finally {
      await s.close()
    }
  })

  // Each opened afresh: a running app trusts the log it last appended to until its bytes change.
  it('is moved up to the last entry when it lagged (a stop between a line and its head), before anything is recorded', async () => {
    const { root, s, headPath, entries } = await withEntries(3)
    await s.close()
    const es = await entries()
    await writeFile(headPath, JSON.stringify({ seq: 1, hash: es[1].hash }))
    const again = await openWorkspace(root)
    try {
      await again.audit.assertAppendable()
      expect(JSON.parse(await readFile(headPath, 'utf8'))).toEqual({ seq: 2, hash: es[2].hash })
    } finally {
      await again.close()
    }
  })

  it('a broken log is refused with its reason, in words, and reported to check', async () => {
    const { root, s, headPath, entries } = await withEntries(3)
    await s.close()
    await writeFile(headPath, JSON.stringify({ seq: 7, hash: (await entries())[2].hash }))
    const again = await openWorkspace(root)
    try {
      const refused = again.audit.append({ action: 'edited', target: 'x' })
      await expect(refused).rejects.toMatchObject({ code: 'CORRUPT' })
      await expect(refused).rejects.toThrow(/entry 7 was written: entries were cut off the end/)
      expect((await again.check.run()).problems.map((p) => `${p.file}: ${p.message}`)).toContainEqual(
        expect.stringMatching(/^audit\.log\.jsonl: .*entries were cut off the end/),
      )
    } finally {
      await again.close()
    }
  })
})

describe('the audit file', () => {
  it('a log path that is not a file is an error, never an empty log to start again', async () => {
    const { root, s } = await withEntries(0)
    try {
      await mkdir(join(root, 'audit.log.jsonl'))
      await expect(s.audit.verifyChain()).rejects.toMatchObject({ code: 'ENOTREGULAR' })
    } finally {
      await s.close()
    }
  })

  it('syncs the folder when the first entry creates the file, and only then', async () => {
    const { root, s } = await withEntries(0)
    let synced = 0
    const restore = replaceFsIo({
      syncDir: async (dir) => {
        if (dir === root) synced++
        return realSyncDir(dir)
      },
    })
    try {
      // The head's durable write syncs the same folder once per append; the first append adds one.
      await s.audit.append({ action: 'first', target: 'x' })
      expect(synced).toBe(2)
      await s.audit.append({ action: 'second', target: 'x' })
      expect(synced).toBe(3)
      expect(await s.audit.verifyChain()).toEqual({ ok: true, entries: 2 })
    } finally {
      restore()
      await s.close()
    }
  })

  it('keeps the fragment of an interrupted append under a name that says what and when, and records where', async () => {
    const { root, s } = await withEntries(2)
    try {
      await writeFile(join(root, 'audit.log.jsonl'), '{"seq":2,"at":"2026', { flag: 'a' })
      const recovered = await s.audit.append({ action: 'edited', target: 'x' })
      const [entry] = await s.audit.list({ target: 'audit:audit.log.jsonl' })
      expect(entry).toMatchObject({ action: 'interrupted append set aside', detail: { entry: 2, bytes: 19 } })
      const kept = (entry.detail as { keptAs: string }).keptAs
      expect(kept).toMatch(/^quarantine\/[^/]+\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z__audit\.log\.jsonl\.torn-2$/)
      expect(await readFile(join(root, kept), 'utf8')).toBe('{"seq":2,"at":"2026')
      expect(await readdir(join(root, kept, '..'))).toHaveLength(1)
      expect(recovered.seq).toBe(3)
    } finally {
      await s.close()
    }
  })
})

describe('list', () => {
  it('filters by target and the things under it, and keeps the last entries under a limit', async () => {
    const root = await tempDir()
    const s = await openWorkspace(root, { newId: sequentialIds() })
    try {
      for (const target of ['case:c1', 'case:c1/e1', 'case:c10', 'other/case:c1', 'case:c1/e2'])
        await s.audit.append({ action: 'edited', target })
      const targets = async (f: { target?: string; limit?: number }) => (await s.audit.list(f)).map((e) => e.target)
      expect(await targets({ target: 'case:c1' })).toEqual(['case:c1', 'case:c1/e1', 'case:c1/e2'])
      expect(await targets({ target: 'case:c1', limit: 2 })).toEqual(['case:c1/e1', 'case:c1/e2'])
      expect(await targets({ limit: 1 })).toEqual(['case:c1/e2'])
      expect(await targets({})).toHaveLength(5)
    } finally {
      await s.close()
    }
  })
})
