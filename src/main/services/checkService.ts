import { readdir } from 'node:fs/promises'
import { AnnotationsFile, BriefingFile, CaseFile, type WorkspaceProblem } from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { layout } from '../storage/layout'
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
 * statute library, each case with its annotations and briefings. Problems are
 * collected, not thrown, so one bad file does not hide the others.
 */
export async function checkWorkspace(s: Services): Promise<CheckReport> {
  const { store } = s
  let filesChecked = 0
  const attempt = async (fn: () => Promise<unknown>) => {
    filesChecked++
    try {
      await fn()
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CORRUPT')) throw e
    }
  }

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
    await attempt(() => store.document(layout.caseFile(caseId), 'case', CaseFile))
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
  return { filesChecked, problems: [...store.problems] }
}
