import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CaseFile } from '@shared/domain'

/**
 * Changes a case file on disk behind the app's back, as a crash between two
 * writes or an outside edit would leave it. The workspace must be closed.
 */
export async function editCaseFileOnDisk(root: string, caseId: string, fn: (file: CaseFile) => void): Promise<void> {
  const path = join(root, 'cases', caseId, 'case.json')
  const file = JSON.parse(await readFile(path, 'utf8')) as CaseFile
  fn(file)
  await writeFile(path, JSON.stringify(file, null, 1))
}
