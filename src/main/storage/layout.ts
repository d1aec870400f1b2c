/**
 * The workspace's own housekeeping folders. Each service names its own files
 * (cases/…, blobs/…, statutes.json …) in its own module; nothing else builds them.
 */
export const layout = {
  quarantineDir: 'quarantine',
  backupsDir: 'backups',
  lockFile: '.casefile.lock',
  cacheDir: 'cache',
} as const

/** Ids become path segments; refuse anything that could leave its folder. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/
