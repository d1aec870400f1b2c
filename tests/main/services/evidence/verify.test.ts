/**
 * `evidence verify` and what check and export ask of it: every stored file
 * re-hashed, each result recorded as custody only when the record can be
 * trusted, and every problem reported, a damaged case among them, without
 * stopping at the first.
 */
import { createHash, randomBytes } from 'node:crypto'
import { appendFile, chmod, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BlobCheck, CustodyGap } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { describeGap } from '@main/services/evidence/custodyGaps'
import { describeBlobProblem } from '@main/services/evidence/verify'
import { openWorkspace } from '@main/services/index'
import { editCaseFileOnDisk } from '../../../helpers/storedFiles'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function fileOf(name: string, bytes: Buffer): Promise<string> {
  const path = join(await tempDir(), name)
  await writeFile(path, bytes)
  return path
}

/** A workspace with two cases: A holds two items of different files, B one item sharing A's first file. */
async function twoCases() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const a = await s.cases.create({ title: 'A' })
  const b = await s.cases.create({ title: 'B' })
  const door = randomBytes(300_000)
  const memo = randomBytes(7_000)
  const a1 = await s.evidence.importFile(a.id, await fileOf('door.mp4', door), { title: 'Door' })
  const a2 = await s.evidence.importFile(a.id, await fileOf('memo.pdf', memo), { title: 'Memo' })
  const b1 = await s.evidence.importFile(b.id, await fileOf('copy.mp4', door), { title: 'Door again' })
  return { root, s, a: a.id, b: b.id, a1, a2, b1, door, memo }
}

const actions = async (s: Awaited<ReturnType<typeof openWorkspace>>, caseId: string, id: string) =>
  (await s.evidence.get(caseId, id)).custody.map((c) => c.action)

describe('verify', () => {
  it('re-hashes every file of every case, counts the bytes it read and records each result', async () => {
    const { s, a, b, a1, a2, b1, door, memo } = await twoCases()
    try {
      const seen: [number, number][] = []
      const report = await s.evidence.verify({ onProgress: (done, total) => seen.push([done, total]) })
      expect(report).toMatchObject({ ok: true, checked: 3, problems: [], custodyGaps: [], unreadableCases: [] })
      expect(report).not.toHaveProperty('notRecorded')
      expect(report.items.map((i) => [i.caseId, i.evidenceId, i.status, i.actual]).sort()).toEqual([
        [a, a1.id, 'ok', sha(door)],
        [a, a2.id, 'ok', sha(memo)],
        [b, b1.id, 'ok', sha(door)],
      ])
      const total = 2 * door.length + memo.length
      expect(seen.at(-1)).toEqual([total, total])
      expect(seen.every(([d, t]) => t === total && d >= 0 && d <= total)).toBe(true)
      for (const [c, i] of [
        [a, a1],
        [a, a2],
        [b, b1],
      ] as const) {
        const last = (await s.evidence.get(c, i.id)).custody.at(-1)!
        expect(last).toMatchObject({
          action: 'hash verified',
          sha256: i.file!.sha256,
          detail: 'Stored file re-hashed; SHA-256 matches the one recorded at import.',
        })
      }
      expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
    } finally {
      await s.close()
    }
  })

  it('verifies only the case asked for', async () => {
    const { s, a, b, b1 } = await twoCases()
    try {
      const report = await s.evidence.verify({ caseId: b })
      expect(report.items.map((i) => i.evidenceId)).toEqual([b1.id])
      expect(await actions(s, b, b1.id)).toContain('hash verified')
      const inA = (await s.caseDetail.get(a)).evidence
      expect(inA).toHaveLength(2)
      expect(inA.every((i) => !i.custody.some((c) => c.action === 'hash verified'))).toBe(true)
    } finally {
      await s.close()
    }
  })

  it('records a missing file with the hash that was expected, an altered one with the hash found', async () => {
    const { root, s, a, a1, a2 } = await twoCases()
    try {
      await unlink(join(root, 'blobs', a2.file!.sha256))
      const blob = join(root, 'blobs', a1.file!.sha256)
      await chmod(blob, 0o644)
      const altered = randomBytes(10)
      await writeFile(blob, altered)
      const report = await s.evidence.verify({ caseId: a })
      expect(report.ok).toBe(false)
      const missing = (await s.evidence.get(a, a2.id)).custody.at(-1)!
      expect(missing).toMatchObject({
        action: 'hash mismatch',
        sha256: a2.file!.sha256,
        detail: `The stored file blobs/${a2.file!.sha256} is missing.`,
      })
      const changed = (await s.evidence.get(a, a1.id)).custody.at(-1)!
      expect(changed).toMatchObject({
        action: 'hash mismatch',
        sha256: sha(altered),
        detail: `Stored file re-hashed; SHA-256 is ${sha(altered)}, not the ${a1.file!.sha256} recorded at import.`,
      })
    } finally {
      await s.close()
    }
  })

  it('reports a case it cannot read and verifies the others', async () => {
    const { root, s: first, a, b, b1 } = await twoCases()
    await first.close()
    const file = join(root, 'cases', a, 'case.json')
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40))
    const s = await openWorkspace(root, { newId: sequentialIds() })
    try {
      const report = await s.evidence.verify()
      expect(report.ok).toBe(false)
      expect(report.unreadableCases).toEqual([{ caseId: a, message: expect.stringMatching(/\S/) }])
      expect(report.items.map((i) => [i.caseId, i.evidenceId, i.status])).toEqual([[b, b1.id, 'ok']])
      expect(report.problems).toEqual([])
      expect(await actions(s, b, b1.id)).toContain('hash verified')
    } finally {
      await s.close()
    }
  })

  it('looks for custody gaps in the cases it could read only', async () => {
    const { root, s: first, a, b, b1 } = await twoCases()
    await first.close()
    await editCaseFileOnDisk(root, b, (f) => {
      f.evidence[0].custody.push({ ...f.evidence[0].custody[0], action: 'exported', at: '2026-02-01T10:00:00.000Z' })
    })
    const file = join(root, 'cases', a, 'case.json')
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40))
    const s = await openWorkspace(root, { newId: sequentialIds(), readOnly: true })
    try {
      const report = await s.evidence.verify()
      expect(report.custodyGaps.map((g) => [g.caseId, g.evidenceId, g.action])).toEqual([[b, b1.id, 'exported']])
    } finally {
      await s.close()
    }
  })

  it('records nothing in a workspace opened read-only, and says why', async () => {
    const { root, s: first, a, a1 } = await twoCases()
    await first.close()
    const before = await readFile(join(root, 'audit.log.jsonl'))
    const s = await openWorkspace(root, { newId: sequentialIds(), readOnly: true })
    try {
      const report = await s.evidence.verify()
      expect(report).toMatchObject({
        ok: true,
        checked: 3,
        notRecorded: 'the workspace is open read-only (opened read-only)',
      })
      expect(await actions(s, a, a1.id)).not.toContain('hash verified')
    } finally {
      await s.close()
    }
    expect((await readFile(join(root, 'audit.log.jsonl'))).equals(before)).toBe(true)
  })

  it('records nothing while the audit log is broken, and says so; an interrupted append is no break', async () => {
    const { root, s, a, a1 } = await twoCases()
    try {
      const log = join(root, 'audit.log.jsonl')
      await appendFile(log, '{"action":"imported","actor":"a","at":"2026-')
      const interrupted = await s.evidence.verify({ caseId: a })
      expect(interrupted).not.toHaveProperty('notRecorded')
      expect(await actions(s, a, a1.id)).toContain('hash verified')

      const lines = (await readFile(log, 'utf8')).split('\n')
      lines[2] = lines[2].slice(0, 20)
      await writeFile(log, lines.join('\n'))
      const recorded = (await s.evidence.get(a, a1.id)).custody.length
      const broken = await s.evidence.verify({ caseId: a })
      expect(broken).toMatchObject({
        ok: false,
        audit: { ok: false },
        custodyGaps: [],
        notRecorded: 'the audit log is broken, so nothing more is recorded in it until the break is acknowledged',
      })
      expect((await s.evidence.get(a, a1.id)).custody.length).toBe(recorded)
    } finally {
      await s.close()
    }
  })

  it('stops when cancelled, as a task the window can cancel by its id', async () => {
    const { s, a } = await twoCases()
    try {
      const stop = new AbortController()
      stop.abort()
      await expect(s.evidence.verify({ caseId: a, signal: stop.signal })).rejects.toMatchObject({ code: 'CANCELLED' })
      let cancelled = false
      const running = s.evidence.verify({
        caseId: a,
        taskId: 'v1',
        onProgress: () => {
          if (!cancelled) cancelled = s.tasks.cancel('v1')
        },
      })
      await expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
      expect(cancelled).toBe(true)
      // Through the task, and done: the id is free again.
      await expect(s.evidence.verify({ caseId: a, taskId: 'v1' })).resolves.toMatchObject({ ok: true })
    } finally {
      await s.close()
    }
  })

  it('blobProblems lists only what is wrong, of the items asked for, and records nothing', async () => {
    const { root, s, a, a1, a2 } = await twoCases()
    try {
      await unlink(join(root, 'blobs', a2.file!.sha256))
      const all = await s.evidence.blobProblems([a])
      expect(all.map((p) => [p.evidenceId, p.status])).toEqual([[a2.id, 'missing']])
      expect(await s.evidence.blobProblems([a], new Set([a1.id]))).toEqual([])
      expect(await s.evidence.blobProblems([a], new Set([a2.id]))).toHaveLength(1)
      expect(await actions(s, a, a2.id)).toEqual(['imported', 'hashed'])
    } finally {
      await s.close()
    }
  })
})

describe('the lines a person reads', () => {
  const base = { caseId: 'case_1', evidenceId: 'ev_2', title: 'Door', expected: 'a'.repeat(64) }
  it('name the item, the case and the file', () => {
    expect(describeBlobProblem({ ...base, status: 'missing' } as BlobCheck)).toBe(
      `The stored file of evidence "Door" (ev_2) in case case_1 is missing from the blob store (blobs/${'a'.repeat(64)}).`,
    )
    expect(describeBlobProblem({ ...base, status: 'mismatch', actual: 'b'.repeat(64) } as BlobCheck)).toBe(
      `The stored file of evidence "Door" (ev_2) in case case_1 was altered: its SHA-256 is ${'b'.repeat(64)}, not the ${'a'.repeat(64)} recorded at import.`,
    )
    const gap: CustodyGap = {
      caseId: 'case_1',
      evidenceId: 'ev_2',
      title: 'Door',
      action: 'exported',
      at: '2026-02-01T10:00:00.000Z',
    }
    expect(describeGap(gap)).toBe(
      'Custody entry "exported" of 2026-02-01T10:00:00.000Z on evidence "Door" (ev_2) in case case_1 has no entry in the audit log (the app may have stopped between the two writes).',
    )
  })
})

describe('custody gaps', () => {
  it('match each audit entry once: a second identical custody entry without its own twin is a gap', async () => {
    const { root, s: first, a, a1 } = await twoCases()
    await first.close()
    await editCaseFileOnDisk(root, a, (f) => {
      const item = f.evidence.find((e) => e.id === a1.id)!
      item.custody.push({ ...item.custody[1], at: '2026-03-01T10:00:00.000Z' })
    })
    const s = await openWorkspace(root, { newId: sequentialIds(), readOnly: true })
    try {
      const report = await s.evidence.verify({ caseId: a })
      expect(report.custodyGaps).toEqual([
        {
          caseId: a,
          evidenceId: a1.id,
          title: 'Door',
          action: 'hashed',
          at: '2026-03-01T10:00:00.000Z',
          sha256: a1.file!.sha256,
        },
      ])
    } finally {
      await s.close()
    }
  })

  it('tell an entry without a hash from one with it', async () => {
    const { root, s: first, a, a1 } = await twoCases()
    await first.close()
    await editCaseFileOnDisk(root, a, (f) => {
      const item = f.evidence.find((e) => e.id === a1.id)!
      const { sha256: _dropped, ...noHash } = item.custody[1]
      item.custody.push({ ...noHash, at: '2026-03-01T10:00:00.000Z' })
    })
    const s = await openWorkspace(root, { newId: sequentialIds(), readOnly: true })
    try {
      const report = await s.evidence.verify({ caseId: a })
      expect(report.custodyGaps).toEqual([
        { caseId: a, evidenceId: a1.id, title: 'Door', action: 'hashed', at: '2026-03-01T10:00:00.000Z' },
      ])
    } finally {
      await s.close()
    }
  })
})
