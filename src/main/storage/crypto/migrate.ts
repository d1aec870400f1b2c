/**
 * Encrypting a workspace in place, decrypting it, changing its passphrase, and
 * finishing any of those a stop interrupted.
 *
 * The journal (encryption-migration.json, plain) says which way a migration
 * runs; it is written before the first change and removed after the last:
 *
 *   encrypt: (leftovers cleared) -> journal -> keys.json -> every file sealed, one at a time -> journal removed
 *   decrypt: (leftovers cleared, every sealed file checked) -> journal -> every file opened -> keys.json removed -> journal removed
 *
 * Every file is converted atomically (convert.ts) and says for itself which state
 * it is in, so a migration resumes from wherever it stopped:
 *   - journal "encrypt" without keys.json: nothing was sealed yet; the journal goes, the workspace is plain.
 *   - journal "encrypt" with keys.json: the key opens it and sealing goes on.
 *   - journal "decrypt" with keys.json: the key opens it and opening goes on.
 *   - journal "decrypt" without keys.json: every file was already plain; the journal goes.
 * Whatever the point, the workspace opens (given its passphrase while keys.json exists) and nothing is lost.
 */
import { appError, worded } from '@shared/i18n/appError'
import type { WorkspaceProblem } from '@shared/domain'
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { durableWriteFile, fsyncDir } from '../durableWrite'
import { entriesIn } from '../folders'
import { fsio } from '../fsio'
import { stampOf } from '../fileNames'
import { layout } from '../layout'
import { leftoverOf, setAside } from '../leftovers'
import { SET_ASIDE_DIR } from '../quarantine'
import { NotRegularFileError, openRegularFile, readHead, readRawFile } from '../safeRead'
import { convertFile, kindOfStored, placesOf } from './convert'
import {
  createKeyFile,
  KEYS_FILE,
  KeyFile,
  rewrapPassphrase,
  rewrapRecovery,
  unlockKeyFile,
  type ScryptCost,
  type Unlock,
} from './keyfile'
import { FILE_MAGIC, LINE_PREFIX, looksSealed, openBytes, openLine } from './seal'
import { BLOB_MAGIC, isSealedBlob } from './segments'
import { MIGRATION_FILE, registerVault } from './vault'

const Journal = z.object({ direction: z.enum(['encrypt', 'decrypt']), startedAt: z.string() })
type Journal = z.infer<typeof Journal>

/**
 * Never converted: the keys, the journal, the lock and its holder file, and the derived cache. The search
 * cache seals each record of its document store on its own (services/search/docstore.ts), so a whole-file
 * conversion cannot read it; it is dropped instead (dropCache) and rebuilt from the sources on open.
 */
const skipped = (rel: string) =>
  rel === KEYS_FILE ||
  rel === MIGRATION_FILE ||
  rel.startsWith('.casefile.lock') ||
  rel === layout.cacheDir ||
  rel.startsWith(`${layout.cacheDir}/`)

/** The cache holds nothing that is not in the sources; in the other state it would be unreadable or plain. */
const dropCache = (root: string) => rm(join(root, layout.cacheDir), { recursive: true, force: true })

/** Every regular file of the workspace, relative, '/'-separated. Links and special files are left alone. */
export async function storedFiles(root: string, dir = ''): Promise<string[]> {
  const out: string[] = []
  for (const e of await entriesIn(root, dir)) {
    const rel = dir ? `${dir}/${e.name}` : e.name
    if (skipped(rel)) continue
    if (e.type === 'folder') out.push(...(await storedFiles(root, rel)))
    else if (e.type === 'file') out.push(rel)
  }
  return out
}

async function readJson(abs: string): Promise<unknown | null> {
  try {
    return JSON.parse((await readRawFile(abs)).toString('utf8'))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

export async function readKeyFile(root: string): Promise<KeyFile | null> {
  const raw = await readJson(join(root, KEYS_FILE)).catch(() => {
    throw appError('CORRUPT', 'errStorage:damagedJsonRestoreCopy', { KEYS_FILE })
  })
  if (raw === null) return null
  const parsed = KeyFile.safeParse(raw)
  if (!parsed.success) throw appError('CORRUPT', 'errStorage:damagedExpectedShapeRestore', { KEYS_FILE })
  return parsed.data
}

/**
 * A journal that does not read as one (it cannot be cut short: durable write) resumes as encrypt, the safe
 * way: a decryption it stopped is undone, nothing is lost, and decrypting again finishes it. Something
 * other than a file at its path is no journal of ours.
 */
const DAMAGED_JOURNAL: Journal = { direction: 'encrypt', startedAt: '' }

async function readJournal(root: string): Promise<Journal | null> {
  let raw: unknown
  try {
    raw = await readJson(join(root, MIGRATION_FILE))
  } catch (e) {
    return e instanceof NotRegularFileError ? null : DAMAGED_JOURNAL
  }
  if (raw === null) return null
  const parsed = Journal.safeParse(raw)
  return parsed.success ? parsed.data : DAMAGED_JOURNAL
}

const writeJournal = (root: string, direction: Journal['direction']) =>
  durableWriteFile(join(root, MIGRATION_FILE), JSON.stringify({ direction, startedAt: new Date().toISOString() }))

async function removeFile(root: string, rel: string): Promise<void> {
  await fsio.unlink(join(root, rel)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e
  })
  await fsyncDir(dirname(join(root, rel)))
}

/**
 * What a stopped run or a killed write left, dealt with before anything is converted (converting it
 * as a stored file would keep a stopped conversion's partial copy for good, as junk). A conversion's
 * copy and an import's copy are removed: the file each copied is still whole, in place or outside.
 * A write's temp file is set aside under quarantine/, which is converted with the rest, so a plain
 * leftover is sealed too. A write of this process may still be in flight and is left alone; a
 * conversion of this process cannot be (the caller holds the lock and converts one file at a time).
 */
async function clearLeftovers(root: string, now: Date): Promise<void> {
  for (const rel of await storedFiles(root)) {
    if (rel.startsWith(`${layout.quarantineDir}/`)) continue
    const left = leftoverOf(basename(rel))
    if (!left || (left.kind !== 'conversion' && left.pid === process.pid)) continue
    // One that cannot be moved or removed is converted where it is, as any file: never a migration stuck on it.
    if (left.kind === 'write') await setAside(root, layout.quarantineDir, rel, now).catch(() => undefined)
    else await removeFile(root, rel).catch(() => undefined)
  }
}

export interface MigrationProgress {
  (done: number, total: number, file: string): void
}

async function convertAll(root: string, key: Buffer, to: 'seal' | 'open', progress?: MigrationProgress) {
  await dropCache(root)
  const files = await storedFiles(root)
  for (const [i, rel] of files.entries()) {
    await convertFile(key, root, rel, to)
    progress?.(i + 1, files.length, rel)
  }
  return { files: files.length }
}

/** Whether a file starts as something sealed does (a whole file, a blob's segments, a sealed log line). */
async function startsSealed(abs: string): Promise<boolean> {
  const start = await readHead(abs, LINE_PREFIX.length)
  return looksSealed(start) || start.subarray(0, 4).equals(BLOB_MAGIC) || start.toString('latin1') === LINE_PREFIX
}

/**
 * What stays sealed under quarantine/ after decrypting (damaged, cut short: it opened nowhere) would be
 * lost for good with keys.json. A copy of keys.json is kept beside it, so the old passphrase or the
 * recovery key can still open it.
 */
async function keepKeysForSealedLeftovers(root: string): Promise<void> {
  for (const rel of await storedFiles(root)) {
    if (!rel.startsWith(`${layout.quarantineDir}/`) || !(await startsSealed(join(root, rel)).catch(() => false)))
      continue
    const dir = join(root, layout.quarantineDir, SET_ASIDE_DIR)
    await mkdir(dir, { recursive: true })
    await copyFile(join(root, KEYS_FILE), join(dir, `${stampOf(new Date())}__${KEYS_FILE}`))
    await fsyncDir(dir)
    return
  }
}

/**
 * The state of an existing workspace folder as the keys and journal say. A journal without keys.json is a
 * change that sealed nothing yet, or opened everything already: the workspace is plain, and the next
 * writable open drops the journal.
 */
export async function encryptionState(root: string): Promise<'plain' | 'encrypted' | 'migrating'> {
  if (!(await readKeyFile(root))) return 'plain'
  return (await readJournal(root)) ? 'migrating' : 'encrypted'
}

/**
 * Seals every file of a plain workspace. The caller holds the workspace lock.
 * Returns the recovery key, to be shown once: it is stored nowhere.
 */
export async function encryptWorkspace(
  root: string,
  passphrase: string,
  opts: {
    cost?: ScryptCost
    progress?: MigrationProgress
    /** The recovery key as soon as keys.json holds it, before a file is sealed: shown then, it survives a stop. */
    onRecoveryKey?: (recoveryKey: string) => void
  } = {},
): Promise<{ recoveryKey: string; files: number }> {
  const state = await encryptionState(root)
  if (state === 'encrypted') throw appError('CONFLICT', 'errStorage:workspaceEncryptedAlready')
  if (state === 'migrating') throw appError('CONFLICT', 'errStorage:encryptionChangeInterruptedOpen')
  await refuseSealedWithoutKeys(root)
  const { file, dataKey, recoveryKey } = await createKeyFile(passphrase, opts.cost)
  // Before the journal: nothing that could stop the clearing leaves a migration half begun.
  await clearLeftovers(root, new Date())
  await writeJournal(root, 'encrypt')
  await durableWriteFile(join(root, KEYS_FILE), JSON.stringify(file, null, 2))
  opts.onRecoveryKey?.(recoveryKey)
  const done = await convertAll(root, dataKey, 'seal', opts.progress)
  await removeFile(root, MIGRATION_FILE)
  dataKey.fill(0)
  return { recoveryKey, files: done.files }
}

/** Sealed files that would not open: decrypting stops before it starts rather than lose them. */
async function damagedSealed(root: string, key: Buffer): Promise<string[]> {
  const bad: string[] = []
  for (const rel of await storedFiles(root)) {
    // Quarantined and set-aside files are damaged or partial already: opened when they open, else kept.
    if (rel.startsWith(`${layout.quarantineDir}/`)) continue
    const abs = join(root, rel)
    const kind = kindOfStored(rel)
    if (kind === 'blob') {
      const fh = await openRegularFile(abs)
      try {
        if (!(await isSealedBlob(key, rel, fh))) bad.push(rel)
      } finally {
        await fh.close()
      }
      continue
    }
    const bytes = await readRawFile(abs)
    if (kind === 'lines') {
      const lines = bytes.toString('utf8').split('\n')
      if (lines.some((l) => l.startsWith(LINE_PREFIX) && openLine(key, rel, l) === null)) bad.push(rel)
    } else if (looksSealed(bytes)) {
      // Sealed for its own place, or for the place it was moved from as it was (a trashed case's file).
      const opens = (place: string) => {
        try {
          openBytes(key, place, bytes)
          return true
        } catch {
          return false
        }
      }
      if (!placesOf(rel).some(opens)) bad.push(rel)
    } else bad.push(rel)
  }
  return bad
}

/** Opens every sealed file, then removes the keys. The caller holds the workspace lock. */
export async function decryptWorkspace(
  root: string,
  unlock: Unlock,
  opts: { progress?: MigrationProgress } = {},
): Promise<{ files: number }> {
  const keys = await requireKeyFile(root)
  if (await readJournal(root)) throw appError('CONFLICT', 'errStorage:encryptionChangeInterruptedOpen')
  const key = await unlockKeyFile(keys, unlock)
  // A killed write's partial temp file would not open, and would stop the decryption for nothing.
  await clearLeftovers(root, new Date())
  const bad = await damagedSealed(root, key)
  if (bad.length)
    throw appError('CORRUPT', 'errStorage:decryptedFileDoOpen', {
      badCount: bad.length,
      badList: bad.slice(0, 5).join(', '),
      value: bad.length > 5 ? ' …' : '',
    })
  await writeJournal(root, 'decrypt')
  const done = await finishDecrypt(root, key, opts.progress)
  key.fill(0)
  return done
}

async function finishDecrypt(root: string, key: Buffer, progress?: MigrationProgress) {
  const done = await convertAll(root, key, 'open', progress)
  await keepKeysForSealedLeftovers(root)
  await removeFile(root, KEYS_FILE)
  await removeFile(root, MIGRATION_FILE)
  return { files: done.files }
}

/**
 * Finishes a migration a stop interrupted (called on a writable open, under the lock).
 * Returns the data key when the workspace ends up encrypted, null when plain.
 */
export async function resumeMigration(
  root: string,
  unlock: Unlock | undefined,
  report: (problem: WorkspaceProblem) => void = () => undefined,
): Promise<Buffer | null> {
  // Both read at once (every open pays for them); a damaged journal is still the error said first.
  const [journalRead, keysRead] = await Promise.allSettled([readJournal(root), readKeyFile(root)])
  const journal = settled(journalRead)
  const keys = settled(keysRead)
  if (!journal) return keys ? unlockKeyFile(keys, requireUnlock(unlock)) : null
  if (!keys) {
    // encrypt: nothing was sealed before keys.json existed; decrypt: everything was opened before it went.
    await removeFile(root, MIGRATION_FILE)
    return null
  }
  const key = await unlockKeyFile(keys, requireUnlock(unlock))
  // The stopped run's own partial copy, or a write it cut short, is cleared before converting resumes.
  await clearLeftovers(root, new Date())
  if (journal.direction === 'decrypt') {
    await finishDecrypt(root, key)
    key.fill(0)
    return null
  }
  await convertAll(root, key, 'seal')
  await removeFile(root, MIGRATION_FILE)
  // A decryption it stopped was undone: the person who asked for it must hear so, or would think it done.
  if (journal === DAMAGED_JOURNAL)
    report({ file: MIGRATION_FILE, kind: 'inconsistent', ...worded('errStorage:damagedJournalSealedAgain') })
  // The encryption's recovery key may never have been shown: the person must hear how to get one.
  else report({ file: MIGRATION_FILE, kind: 'inconsistent', ...worded('errStorage:stoppedEncryptionFinished') })
  return key
}

function settled<T>(r: PromiseSettledResult<T>): T {
  if (r.status === 'rejected') throw r.reason
  return r.value
}

export function requireUnlock(unlock: Unlock | undefined): Unlock {
  if (!unlock) throw appError('LOCKED', 'errStorage:workspaceEncryptedGivePassphrase')
  return unlock
}

/**
 * A new recovery key for the same data key, shown once (the one it replaces stops working): for a key lost,
 * or never seen because the encryption that made it was stopped before it could be shown. keys.json is
 * rewritten; no stored file is touched.
 */
export async function newRecoveryKey(root: string, unlock: Unlock): Promise<string> {
  // A stopped encryption is finished first: its notice ("make a new recovery key") must not follow this one.
  if ((await encryptionState(root)) === 'migrating') (await resumeMigration(root, unlock))?.fill(0)
  const keys = await requireKeyFile(root)
  const key = await unlockKeyFile(keys, unlock)
  try {
    const { file, recoveryKey } = rewrapRecovery(keys, key)
    await durableWriteFile(join(root, KEYS_FILE), JSON.stringify(file, null, 2))
    return recoveryKey
  } finally {
    key.fill(0)
  }
}

/** A new passphrase for the same data key: keys.json is rewritten, no stored file is touched. */
export async function changePassphrase(root: string, unlock: Unlock, next: string, cost?: ScryptCost): Promise<void> {
  // A stopped migration is finished first, as by the next open: a stopped decryption leaves nothing to protect.
  if ((await encryptionState(root)) === 'migrating') (await resumeMigration(root, unlock))?.fill(0)
  const keys = await requireKeyFile(root)
  const key = await unlockKeyFile(keys, unlock)
  try {
    // The same passphrase again would be told "changed" while nothing did (however the current one was given).
    if (await opensWith(keys, next)) throw appError('VALIDATION', 'errStorage:newPassphraseIsCurrent')
    await durableWriteFile(
      join(root, KEYS_FILE),
      JSON.stringify(await rewrapPassphrase(keys, key, next, cost), null, 2),
    )
  } finally {
    key.fill(0)
  }
}

const opensWith = (keys: KeyFile, passphrase: string) =>
  unlockKeyFile(keys, { passphrase }).then(
    (k) => (k.fill(0), true),
    () => false,
  )

/**
 * What the store does on open: finishes an interrupted migration (writable opens only), unlocks an
 * encrypted workspace and registers its key (crypto/vault.ts). True when the workspace is encrypted.
 */
export async function unlockOnOpen(
  root: string,
  unlock: Unlock | undefined,
  readOnly: boolean,
  report?: (problem: WorkspaceProblem) => void,
): Promise<boolean> {
  let key: Buffer | null
  if (readOnly) {
    const keys = await readKeyFile(root)
    if (keys && (await readJournal(root))) throw appError('LOCKED', 'errStorage:encryptionChangeWorkspaceInterrupted')
    key = keys ? await unlockKeyFile(keys, requireUnlock(unlock)) : null
  } else key = await resumeMigration(root, unlock, report)
  if (!key) {
    await refuseSealedWithoutKeys(root)
    return false
  }
  registerVault(root, key)
  key.fill(0)
  return true
}

/**
 * The keys of an encrypted workspace, for a command that needs them (decrypt, passphrase, recovery key):
 * "not encrypted" only when it is not; sealed files without keys.json are said to be so.
 */
export async function requireKeyFile(root: string): Promise<KeyFile> {
  const keys = await readKeyFile(root)
  if (keys) return keys
  await refuseSealedWithoutKeys(root)
  throw appError('CONFLICT', 'errStorage:workspaceEncrypted')
}

/** Case files looked at when workspace.json is gone too: a few tell sealed from plain, and a plain open pays nothing. */
const CASES_PROBED = 3

/**
 * Without keys.json a workspace counts as plain; but if its own files are sealed, keys.json was lost,
 * and opening it as plain would set every sealed file aside as damaged and write new ones in the clear
 * beside them. workspace.json tells; when it is gone as well, the statute library and a few case files do.
 */
async function refuseSealedWithoutKeys(root: string): Promise<void> {
  const sealedAt = async (rel: string) => {
    const head = await readHead(join(root, rel), FILE_MAGIC.length).catch(() => null)
    return head === null ? null : looksSealed(head)
  }
  const refuse = () => appError('CORRUPT', 'errStorage:workspaceEncryptedButKey', { KEYS_FILE })
  const index = await sealedAt('workspace.json')
  if (index !== null) {
    if (index) throw refuse()
    return
  }
  const probes = ['statutes.json']
  for (const e of (await entriesIn(root, 'cases')).filter((x) => x.type === 'folder').slice(0, CASES_PROBED))
    probes.push(join('cases', e.name, 'case.json'))
  for (const rel of probes) if (await sealedAt(rel)) throw refuse()
}
