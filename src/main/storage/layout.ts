/**
 * The workspace's own housekeeping folders. Each service names its own files
 * (cases/…, blobs/…, statutes.json …) in its own module; nothing else builds them.
 */
export const layout = {
  quarantineDir: 'quarantine',
  backupsDir: 'backups',
  lockFile: '.casefile.lock',
  cacheDir: 'cache',
  /** Intents of changes that span two files (custody and its audit twin), replayed on open. */
  journalDir: 'journal',
} as const

/** Ids become path segments; refuse anything that could leave its folder. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/
