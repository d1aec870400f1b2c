import { join } from 'node:path'

/** Where each file of a workspace lives, relative to its root. */
export const layout = {
  workspace: 'workspace.json',
  statutes: 'statutes.json',
  auditLog: 'audit.log.jsonl',
  casesDir: 'cases',
  caseFile: (caseId: string) => join('cases', caseId, 'case.json'),
  annotationsFile: (caseId: string, evidenceId: string) => join('cases', caseId, 'annotations', `${evidenceId}.json`),
  briefingsDir: (caseId: string) => join('cases', caseId, 'briefings'),
  briefingFile: (caseId: string, briefingId: string) => join('cases', caseId, 'briefings', `${briefingId}.json`),
  blobsDir: 'blobs',
  blob: (sha256: string) => join('blobs', sha256),
  quarantineDir: 'quarantine',
  backupsDir: 'backups',
  lockFile: '.casefile.lock',
  searchIndex: join('cache', 'search-index.json'),
  cacheDir: 'cache',
} as const

/** Ids become path segments; refuse anything that could leave its folder. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/
