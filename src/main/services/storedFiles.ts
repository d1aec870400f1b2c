/**
 * What each stored file is, from its path alone: the store judges a file set
 * aside in an earlier session (and any backup offered for it) as that kind,
 * before its owner has opened it.
 */
import {
  AnnotationsFile,
  BriefingFile,
  CaseFile,
  KeysFile,
  StatuteLibraryFile,
  TrashFile,
  WorkspaceFile,
} from '@shared/domain'
import { SAFE_ID } from '@main/storage/layout'
import type { StoredFileInfo } from '@main/storage/store'
import { KEYS_FILE } from './bundles/keys'
import { CASES_DIR } from './cases/caseFiles'
import { STATUTES_FILE } from './statutes/statuteLibrary'
import { TRASH_FILE } from './trash/trashService'
import { WORKSPACE_FILE } from './workspace/workspaceService'

const topLevel = new Map<string, StoredFileInfo>([
  [WORKSPACE_FILE, { kind: 'workspace', schema: WorkspaceFile }],
  [STATUTES_FILE, { kind: 'statutes', schema: StatuteLibraryFile }],
  [TRASH_FILE, { kind: 'trash', schema: TrashFile }],
  [KEYS_FILE, { kind: 'keys', schema: KeysFile }],
])

export function storedFileOf(relPath: string): StoredFileInfo | undefined {
  const known = topLevel.get(relPath)
  if (known) return known
  const [dir, caseId, ...rest] = relPath.split(/[\\/]/)
  if (dir !== CASES_DIR || !SAFE_ID.test(caseId ?? '')) return undefined
  const [sub, name, ...deeper] = rest
  // Another case's file (a copy put in its backups) loads as a case file, yet is no copy of this one.
  if (sub === 'case.json' && name === undefined)
    return { kind: 'case', schema: CaseFile.refine((f) => f.case.id === caseId) }
  if (deeper.length || !name?.endsWith('.json')) return undefined
  if (sub === 'annotations') return { kind: 'annotations', schema: AnnotationsFile }
  if (sub === 'briefings') return { kind: 'briefing', schema: BriefingFile }
  return undefined
}
