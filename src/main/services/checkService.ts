import { readdir } from 'node:fs/promises'
import { AnnotationsFile, BriefingFile, CaseFile, type WorkspaceProblem } from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { layout } from '../storage/layout'
import { custodyGaps, describeGap } from './evidence/custodyGaps'
import type { Services } from './index'

export interface CheckReport {
  filesChecked: number
  problems: WorkspaceProblem[]
}

async function names(dir: string, suffix = ''): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(suffix)).sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}

/**
 * Loads and validates every stored file of the workspace: the index, the
 * statute library, each case with its annotations and briefings, the audit
 * log's hash chain, and that every custody entry has its audit entry. Problems
 * are collected, not thrown, so one bad file does not hide the others.
 */
export async function checkWorkspace(s: Services): Promise<CheckReport> {
  const { store } = s
  let filesChecked = 0
  /** Loads one file; false when it is damaged (the store has recorded the problem). */
  const attempt = async (fn: () => Promise<unknown>): Promise<boolean> => {
    filesChecked++
    try {
      await fn()
      return true
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CORRUPT')) throw e
      return false
    }
  }
  const readable: string[] = []

  await attempt(() => s.workspace.listCases())
  await attempt(() => s.statutes.list())
  const indexed = new Set((await s.workspace.listCases().catch(() => [])).map((c) => c.id))
  const onDisk = await names(store.resolve(layout.casesDir))
  for (const caseId of onDisk) {
    if (!indexed.has(caseId)) {
      store.problems.push({
        file: layout.caseFile(caseId),
        kind: 'missing',
        message: `cases/${caseId} is on disk but not in the workspace index.`,
      })
    }
    if (await attempt(() => store.document(layout.caseFile(caseId), 'case', CaseFile))) readable.push(caseId)
    for (const n of await names(store.resolve(`${layout.casesDir}/${caseId}/annotations`), '.json')) {
      await attempt(() =>
        store.document(layout.annotationsFile(caseId, n.slice(0, -5)), 'annotations', AnnotationsFile),
      )
    }
    for (const n of await names(store.resolve(layout.briefingsDir(caseId)), '.json')) {
      await attempt(() => store.document(layout.briefingFile(caseId, n.slice(0, -5)), 'briefing', BriefingFile))
    }
  }
  for (const id of indexed) {
    if (!onDisk.includes(id))
      store.problems.push({
        file: layout.caseFile(id),
        kind: 'missing',
        message: `The index lists case ${id} but its folder is missing.`,
      })
  }
  filesChecked++
  const chain = await s.audit.verifyChain()
  const audit: WorkspaceProblem[] = chain.ok
    ? (await custodyGaps(store, s.audit, readable)).map((g): WorkspaceProblem => ({
        file: layout.caseFile(g.caseId),
        kind: 'inconsistent',
        message: describeGap(g),
      }))
    : [{ file: layout.auditLog, kind: 'invalid', message: `The audit log's hash chain is broken: ${chain.reason}.` }]
  return { filesChecked, problems: [...store.problems, ...audit] }
}
