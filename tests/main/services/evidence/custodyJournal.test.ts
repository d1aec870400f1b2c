/**
 * A custody entry and its audit twin are one step: whatever the moment a stop
 * (simulated here by a failing audit append, a failing case write, or an intent
 * left on disk as a SIGKILL leaves it) cuts the change, the next writable open
 * leaves the case file and the audit log agreeing, with nothing acknowledged lost.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { withFault } from '../../../helpers/faults'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const isLog = (p: string) => p.endsWith('audit.log.jsonl')

async function setup() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const c = await s.cases.create({ title: 'Consulate incident' })
  return { root, s, caseId: c.id }
}

async function checkClean(root: string) {
  const ro = await openWorkspace(root, { readOnly: true })
  try {
    return (await ro.check.run()).problems
  } finally {
    await ro.close()
  }
}

describe('custody and its audit twin in one step', () => {
  it('leaves no intent behind, and each twin names its change', async () => {
    const { root, s, caseId } = await setup()
    try {
      const item = await s.evidence.add(caseId, { kind: 'web page', title: 'Post', sourceUrl: 'https://e.org/1' })
      await s.evidence.update(caseId, item.id, { verification: { status: 'verified' }, title: 'Post (archived)' })
      const twins = await s.audit.list({ target: `evidence:${caseId}/${item.id}` })
      expect(twins.map((t) => t.action)).toEqual(['referenced', 'status changed', 'edited'])
      expect(twins.every((t) => typeof t.detail.txn === 'string' && typeof t.detail.part === 'number')).toBe(true)
      expect(await readdir(join(root, 'journal'))).toEqual([])
    } finally {
      await s.close()
    }
    expect(await checkClean(root)).toEqual([])
  })

  it('a stop after the case write and before the audit append: check reports it, the next open completes it', async () => {
    const { root, s, caseId } = await setup()
    let itemId = ''
    try {
      await withFault({ step: 'open', fault: 'EIO', match: isLog, sticky: true }, async () => {
        await expect(
          s.evidence.add(caseId, { kind: 'web page', title: 'Post', sourceUrl: 'https://e.org/1' }),
        ).rejects.toMatchObject({ code: 'EIO' })
      })
      itemId = (await s.caseDetail.get(caseId)).evidence[0].id
    } finally {
      await s.close()
    }
    const problems = await checkClean(root)
    expect(problems.map((p) => p.message).join('\n')).toMatch(/was interrupted before its audit entries were written/)
    const again = await openWorkspace(root)
    try {
      const twins = await again.audit.list({ target: `evidence:${caseId}/${itemId}` })
      expect(twins.map((t) => t.action)).toEqual(['referenced'])
      expect(await readdir(join(root, 'journal'))).toEqual([])
    } finally {
      await again.close()
    }
    expect(await checkClean(root)).toEqual([])
  })

  it('a stop between two twins appends only the missing one', async () => {
    const { root, s, caseId } = await setup()
    try {
      const item = await s.evidence.add(caseId, { kind: 'web page', title: 'Post', sourceUrl: 'https://e.org/1' })
      // The second audit line of the update fails (each append opens the log once).
      await withFault({ step: 'open', fault: 'ENOSPC', match: isLog, nth: 2, sticky: true }, async () => {
        await expect(
          s.evidence.update(caseId, item.id, { verification: { status: 'disputed' }, title: 'Renamed' }),
        ).rejects.toMatchObject({ code: 'ENOSPC' })
      })
    } finally {
      await s.close()
    }
    const again = await openWorkspace(root)
    try {
      expect((await again.audit.list()).map((e) => e.action)).toEqual(['referenced', 'status changed', 'edited'])
    } finally {
      await again.close()
    }
    expect(await checkClean(root)).toEqual([])
  })

  it('a case write that never landed drops the intent: no audit entry for a change that did not happen', async () => {
    const { root, s, caseId } = await setup()
    try {
      await withFault({ step: 'rename', fault: 'EIO', match: (p) => p.endsWith('case.json') }, async () => {
        await expect(
          s.evidence.add(caseId, { kind: 'web page', title: 'Post', sourceUrl: 'https://e.org/1' }),
        ).rejects.toMatchObject({ code: 'EIO' })
      })
      expect(await readdir(join(root, 'journal'))).toEqual([])
      expect(await s.audit.list()).toEqual([])
    } finally {
      await s.close()
    }
    // An intent left on disk by a SIGKILL before the case write: dropped on open.
    await mkdir(join(root, 'journal'), { recursive: true })
    const intent = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'killed-before-write',
      createdAt: '2026-02-01T10:00:00.000Z',
      op: 'custody',
      caseId,
      evidenceId: 'ev_never',
      custody: [{ at: '2026-02-01T10:00:00.000Z', actor: 'x', action: 'referenced', detail: '' }],
      audit: [{ action: 'referenced', target: `evidence:${caseId}/ev_never`, actor: 'x', detail: {} }],
    }
    await writeFile(join(root, 'journal', 'killed-before-write.json'), JSON.stringify(intent))
    expect((await checkClean(root)).map((p) => p.file)).toEqual(['journal/killed-before-write.json'])
    const again = await openWorkspace(root)
    try {
      expect(await again.audit.list()).toEqual([])
      expect(await readdir(join(root, 'journal'))).toEqual([])
    } finally {
      await again.close()
    }
    expect(await checkClean(root)).toEqual([])
  })

  it('a removal cut after the case write: the next open removes the annotations and records "removed"', async () => {
    const { root, s, caseId } = await setup()
    let itemId = ''
    try {
      const item = await s.evidence.add(caseId, {
        kind: 'document',
        title: 'Note verbale',
        sourceUrl: 'https://e.org/2',
      })
      itemId = item.id
      await s.annotations.add(caseId, item.id, { target: { type: 'page', page: 1 }, text: 'p. 1' })
      await withFault({ step: 'open', fault: 'EIO', match: isLog, sticky: true }, async () => {
        await expect(s.evidence.remove(caseId, item.id)).rejects.toMatchObject({ code: 'EIO' })
      })
      expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
    } finally {
      await s.close()
    }
    const again = await openWorkspace(root)
    try {
      expect((await again.audit.list()).map((e) => e.action)).toEqual(['referenced', 'removed'])
      expect(await readdir(join(root, 'cases', caseId, 'annotations')).catch(() => [])).toEqual([])
      expect(JSON.parse(await readFile(join(root, 'cases', caseId, 'case.json'), 'utf8')).evidence).toEqual([])
      expect(itemId).toBeTruthy()
    } finally {
      await again.close()
    }
    expect(await checkClean(root)).toEqual([])
  })

  it('refuses a custody change before writing anything while the audit log is broken', async () => {
    const { root, s, caseId } = await setup()
    try {
      await s.evidence.add(caseId, { kind: 'web page', title: 'One', sourceUrl: 'https://e.org/1' })
      await s.evidence.add(caseId, { kind: 'web page', title: 'Two', sourceUrl: 'https://e.org/2' })
      const log = join(root, 'audit.log.jsonl')
      await writeFile(log, (await readFile(log, 'utf8')).split('\n')[0] + '\n')
      const before = await readFile(join(root, 'cases', caseId, 'case.json'), 'utf8')
      await expect(
        s.evidence.add(caseId, { kind: 'web page', title: 'Three', sourceUrl: 'https://e.org/3' }),
      ).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/acknowledge/) })
      expect(await readFile(join(root, 'cases', caseId, 'case.json'), 'utf8')).toBe(before)
    } finally {
      await s.close()
    }
  })
})
