/**
 * Where a case lives on disk, and a validated read-only reader of its file for
 * readers outside the service's process state (the search worker). Only the
 * cases area builds these paths; annotations and briefings name their own
 * subfolders through `caseDir`.
 */
import { join } from 'node:path'
import { CaseFile } from '@shared/domain'
import { namesIn } from '@main/storage/folders'
import { layout, SAFE_ID } from '@main/storage/layout'
import { readStoredFile } from '@main/storage/storedJson'

export const CASES_DIR = layout.casesDir
export const caseDir = (caseId: string) => join(CASES_DIR, caseId)
export const caseFilePath = (caseId: string) => join(CASES_DIR, caseId, 'case.json')

/** The case whose file `rel` names (`cases/<id>/case.json`), or null for any other file. */
export function caseIdOfFile(rel: string): string | null {
  const [dir, id, name, ...rest] = rel.split(/[\\/]/)
  return dir === CASES_DIR && name === 'case.json' && !rest.length && SAFE_ID.test(id) ? id : null
}

/** The case whose folder holds `rel` (any file under cases/<id>/), or null. */
export function caseIdUnder(rel: string): string | null {
  const [dir, id, ...rest] = rel.split(/[\\/]/)
  return dir === CASES_DIR && rest.length > 0 && SAFE_ID.test(id) ? id : null
}

/** Case folders on disk (not what the index says): names that can be case ids. */
export async function caseFolders(root: string): Promise<string[]> {
  return (await namesIn(root, CASES_DIR)).filter((n) => SAFE_ID.test(n))
}

/** The validated case file, or null when it is missing or damaged (the cases service reports that). */
export async function readCaseFile(root: string, caseId: string): Promise<CaseFile | null> {
  return SAFE_ID.test(caseId) ? readStoredFile(join(root, caseFilePath(caseId)), 'case', CaseFile) : null
}
