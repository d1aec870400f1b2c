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
  /**
   * Where each case's folder lives, and the trash that holds removed ones whole (trash/<entry>/<case id>/):
   * named here because sealing (crypto/convert.ts) seals a trashed case's files for their place in cases/.
   */
  casesDir: 'cases',
  trashDir: 'trash',
} as const

/** Ids become path segments; refuse anything that could leave its folder. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/
