import { appError, worded } from '@shared/i18n/appError'
import { copyFile, mkdir, rename, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { z } from 'zod'
import { CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { say } from '@shared/i18n'
import { AppError, type MessageRef } from '@shared/ipc/result'
import { Backups } from './backups'
import type { Unlock } from './crypto/keyfile'
import { resealTrashedFolder } from './crypto/convert'
import { unlockOnOpen } from './crypto/migrate'
import { dropVault } from './crypto/vault'
import { DurableJsonAdapter, Low, StoredDocument } from './document'
import { durableWriteFile, FileWriteQueue, fsyncDir } from './durableWrite'
import { layout } from './layout'
import { acquireWorkspaceLock } from './lock'
import type { FileKind, Migration } from './migrations'
import { ProblemLog } from './problemLog'
import { loadProblem, readProblem, reasonOf, type LoadReason } from './problems'
import { listQuarantined, quarantineFile, resolveQuarantined } from './quarantine'
import { NotRegularFileError, readRegularFile } from './safeRead'
import { parseStoredJson, type AnySchema } from './storedJson'

export interface StoreOptions {
  /** Open without taking the lock and refuse every write. */
  readOnly?: boolean
  /** Who holds the lock, as a second instance will be told. */
  app?: string
  now?: () => Date
  backupIntervalMs?: number
  backupGenerations?: number
  migrations?: Record<FileKind, Record<number, Migration>>
  /** Pretty-print JSON (readable files); large generated workspaces turn it off. */
  pretty?: boolean
  /** The passphrase (or recovery key) of an encrypted workspace; without it one opens as LOCKED. */
  unlock?: Unlock
  /** What a stored file is, from its path (the services know): a file set aside in an earlier session is judged by it. */
  storedFile?: (relPath: string) => StoredFileInfo | undefined
}

/** A stored file's kind and schema. */
export interface StoredFileInfo {
  kind: FileKind
  schema: AnySchema
}

/**
 * The files of one workspace folder. Services ask it for documents by relative
 * path; it validates on load, quarantines what fails, migrates forward after a
 * backup, queues durable writes, and holds the workspace lock.
 */
/** Why a store is read-only: opened so, its lock lost, its index written by a newer version, or closed. */
export type ReadOnlyWhy =
  { why: 'opened' | 'closed' } | { why: 'lockLost'; detail: string } | { why: 'newer'; version: number }

/** Whether bytes are at least a stored file of some kind: a versioned JSON object. */
function looksStored(bytes: Uint8Array): boolean {
  try {
    const raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { schemaVersion?: unknown }
    return !!raw && typeof raw === 'object' && typeof raw.schemaVersion === 'number'
  } catch {
    return false
  }
}

const readOnlyValues = (w: ReadOnlyWhy) => ({ detail: '', version: 0, ...w })

export class WorkspaceStore {
  /** What went wrong with its files, said once each (problemLog.ts). */
  readonly problems = new ProblemLog()
  /** What each file that was loaded (or failed to) is, so a restored backup can be validated as that. */
  private readonly kinds = new Map<string, { kind: FileKind; schema: AnySchema }>()
  private readonly docs = new Map<string, Promise<StoredDocument<unknown>>>()
  private readonly queues = new Map<string, FileWriteQueue>()
  /** Document updates under way (their backup, then their write): closing waits for them. */
  private readonly updating = new Set<Promise<unknown>>()
  private releaseLock: (() => Promise<void>) | null = null
  /** This store holds the workspace's data key (crypto/vault.ts) until close. */
  private sealed = false
  private lockLost: Error | null = null
  readonly backups: Backups
  readonly now: () => Date
  private _readOnly: boolean
  private _readOnlyWhy: ReadOnlyWhy | undefined

  private constructor(
    readonly root: string,
    private readonly options: StoreOptions,
  ) {
    this.now = options.now ?? (() => new Date())
    this._readOnly = !!options.readOnly
    this._readOnlyWhy = options.readOnly ? { why: 'opened' } : undefined
    this.backups = new Backups(
      root,
      layout.backupsDir,
      options.backupGenerations ?? 5,
      options.backupIntervalMs ?? 10 * 60_000,
      this.now,
    )
  }

  static async open(root: string, options: StoreOptions = {}): Promise<WorkspaceStore> {
    const abs = resolve(root)
    if (options.readOnly) {
      // A reader never creates anything, not even the folder.
      const isDir = await stat(abs).then(
        (s) => s.isDirectory(),
        () => false,
      )
      if (!isDir) throw appError('NOT_FOUND', 'errStorage:thereNoWorkspaceFolder', { abs })
    } else await mkdir(abs, { recursive: true })
    const store = new WorkspaceStore(abs, options)
    if (!options.readOnly) {
      store.releaseLock = await acquireWorkspaceLock(abs, layout.lockFile, options.app ?? 'Casefile', (e) => {
        store.lockLost = e
        store.setReadOnly({ why: 'lockLost', detail: e.message })
      })
    }
    // Under the lock: an interrupted encrypt or decrypt is finished before anything is read.
    store.sealed = await unlockOnOpen(abs, options.unlock, !!options.readOnly, (p) => store.problems.report(p)).catch(
      async (e) => {
        throw await store.close().then(() => e)
      },
    )
    for (const q of await listQuarantined(abs, layout.quarantineDir)) {
      // Judged as the kind its path names; a path no owner names: a backup that is at least a stored file counts.
      const info = options.storedFile?.(q.original)
      if (info) store.kinds.set(q.original, info)
      const good = await store.backups.newestGood(
        q.original,
        info ? store.loadsAs(info.kind, info.schema) : looksStored,
      )
      const backup = good ? relative(abs, good.path) : undefined
      store.problems.report({
        file: q.original,
        kind: 'quarantined',
        ...worded('errStorage:failedLoadEarlierSet', { original: q.original, file: q.file, backup: backup ?? 'none' }),
        quarantinedTo: q.file,
        backupAvailable: backup,
      })
    }
    return store
  }

  get readOnly(): boolean {
    return this._readOnly
  }
  /** Why the workspace is read-only, in English (a log, a reason inside another English sentence). */
  get readOnlyReason(): string | undefined {
    return this._readOnlyWhy && say('en', 'errStorage:readOnlyBecause', readOnlyValues(this._readOnlyWhy))
  }
  /** The same, as the catalogue words it in the window's or the command line's language. */
  get readOnlyText(): MessageRef | undefined {
    return this._readOnlyWhy && { key: 'errStorage:readOnlyBecause', values: readOnlyValues(this._readOnlyWhy) }
  }

  /** The first reason stays: it is the one a person can act on. */
  setReadOnly(why: ReadOnlyWhy): void {
    this._readOnly = true
    this._readOnlyWhy ??= why
  }

  assertWritable(): void {
    if (this._readOnly)
      throw appError(
        'READ_ONLY',
        'errStorage:workspaceReadOnly',
        readOnlyValues(this._readOnlyWhy ?? { why: 'opened' }),
      )
  }

  /** Absolute path of a file inside the workspace; refuses paths that leave it. */
  resolve(relPath: string): string {
    const abs = resolve(this.root, relPath)
    if (abs !== this.root && !abs.startsWith(this.root + sep)) {
      throw appError('FORBIDDEN', 'errStorage:outsideWorkspace', { relPath })
    }
    return abs
  }

  rel(absPath: string): string {
    return relative(this.root, absPath)
  }

  queueFor(relPath: string): FileWriteQueue {
    let q = this.queues.get(relPath)
    if (!q) {
      q = new FileWriteQueue(this.resolve(relPath))
      this.queues.set(relPath, q)
    }
    return q
  }

  exists(relPath: string): Promise<boolean> {
    return stat(this.resolve(relPath)).then(
      () => true,
      () => false,
    )
  }

  /**
   * Opens (once) the document at relPath. A missing file is created from
   * `create` when given, else NOT_FOUND. A file that does not parse or validate
   * is moved to quarantine/ and reported, never overwritten. A file set aside so
   * (this session or an earlier one) is not made again from `create` while a good
   * backup of it waits to be restored, unless `overSetAside` (the index, rebuilt
   * from the case folders, which hold more than its backup).
   */
  document<S extends AnySchema>(
    relPath: string,
    kind: FileKind,
    schema: S,
    create?: () => z.input<S>,
    opts: { overSetAside?: boolean } = {},
  ): Promise<StoredDocument<z.output<S>>> {
    let p = this.docs.get(relPath) as Promise<StoredDocument<z.output<S>>> | undefined
    if (!p) {
      p = this.load(relPath, kind, schema, create, opts)
      this.docs.set(relPath, p as Promise<StoredDocument<unknown>>)
      p.catch(() => this.docs.delete(relPath))
    }
    return p
  }

  /**
   * Whether the document loads and validates; a damaged or unreadable one is recorded in `problems`
   * (and set aside when writable). Never throws for what the file holds, so a check goes on.
   */
  async loads<S extends AnySchema>(
    relPath: string,
    kind: FileKind,
    schema: S,
    create?: () => z.input<S>,
  ): Promise<boolean> {
    try {
      await this.document(relPath, kind, schema, create)
      return true
    } catch (e) {
      if (e instanceof AppError && (e.code === 'CORRUPT' || e.code === 'IO')) return false
      throw e
    }
  }

  /**
   * For a reader only: a document held in memory in place of a file that is missing or damaged
   * (the workspace index rebuilt from the case folders), so reading goes on; nothing is written.
   */
  standIn<S extends AnySchema>(relPath: string, kind: FileKind, schema: S, data: z.input<S>): void {
    if (!this._readOnly) throw appError('INTERNAL', 'errStorage:onlyReadOnlyOpener')
    const low = new Low<z.output<S>>(
      new DurableJsonAdapter<z.output<S>>(this.resolve(relPath), this.queueFor(relPath), false),
      schema.parse(data),
    )
    this.docs.set(
      relPath,
      Promise.resolve(this.wrap(relPath, low, true, kind, schema)) as Promise<StoredDocument<unknown>>,
    )
  }

  /** Forgets a cached document (after a restore, or when its file is removed). */
  forget(relPath: string): void {
    this.docs.delete(relPath)
  }

  private async load<S extends AnySchema>(
    relPath: string,
    kind: FileKind,
    schema: S,
    create: (() => z.input<S>) | undefined,
    opts: { overSetAside?: boolean },
  ): Promise<StoredDocument<z.output<S>>> {
    type T = z.output<S>
    const abs = this.resolve(relPath)
    const queue = this.queueFor(relPath)
    const adapter = new DurableJsonAdapter<T>(abs, queue, this.options.pretty ?? true)
    // lowdb insists on default data; ours is always replaced by the validated file below.
    const low = new Low<T>(adapter, {} as T)

    this.kinds.set(relPath, { kind, schema })
    const loads = this.loadsAs(kind, schema, relPath)
    let bytes: Buffer
    try {
      bytes = await readRegularFile(abs)
    } catch (e) {
      // A sealed file that does not open with the key (changed, or moved from another path): set aside.
      if (e instanceof AppError && e.code === 'CORRUPT')
        throw await this.reject(relPath, 'unreadable', { reason: 'sealed' }, loads)
      // A folder, FIFO, device or link where the file should be: never opened (a FIFO would block for ever).
      if (e instanceof NotRegularFileError)
        throw await this.reject(relPath, 'unreadable', { reason: 'notRegular', entry: e.kind }, loads)
      const code = (e as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') throw this.unreadable(relPath, e as NodeJS.ErrnoException)
      if (!opts.overSetAside) await this.assertNotSetAside(relPath, loads, !!create)
      if (!create) throw appError('NOT_FOUND', 'errStorage:doesExist2', { relPath })
      low.data = schema.parse(create())
      // A reader sees an optional file that was never written as its empty form, and writes nothing.
      if (this._readOnly) return this.wrap(relPath, low, false, kind, schema)
      await mkdir(dirname(abs), { recursive: true })
      await low.write()
      return this.wrap(relPath, low, false, kind, schema)
    }

    const parsed = parseStoredJson(bytes, kind, schema, this.options.migrations)
    if (parsed.ok === false) throw await this.reject(relPath, parsed.kind, reasonOf(parsed), loads)
    if (parsed.ok === 'newer') {
      this.problems.report({
        file: relPath,
        kind: 'newer-version',
        ...worded('errStorage:writtenNewerCasefileSchema', {
          relPath,
          version: parsed.version,
          CURRENT_SCHEMA_VERSION,
        }),
      })
      if (kind === 'workspace') this.setReadOnly({ why: 'newer', version: parsed.version })
      low.data = parsed.data as T
      return this.wrap(relPath, low, true, kind, schema)
    }
    if (parsed.migratedFrom !== null && !this._readOnly) {
      // The original goes to backups/ before the migrated form replaces it.
      try {
        await this.backups.take(relPath, `before-migration-v${parsed.migratedFrom}`)
      } catch (e) {
        const why = { reason: 'migration' as const, version: parsed.migratedFrom, detail: (e as Error).message }
        throw await this.reject(relPath, 'invalid', why, loads)
      }
    }
    low.data = parsed.data as T
    if (parsed.migratedFrom !== null && !this._readOnly) await low.write()
    return this.wrap(relPath, low, false, kind, schema)
  }

  private wrap<S extends AnySchema>(
    relPath: string,
    low: Low<z.output<S>>,
    readOnly: boolean,
    kind: FileKind,
    schema: S,
  ): StoredDocument<z.output<S>> {
    return new StoredDocument(
      relPath,
      low,
      readOnly,
      () => this.backups.maybeTake(relPath).catch(() => undefined),
      async () => {
        // The same strict read as the first load: a reload must never take U+FFFD for the file's text.
        const parsed = parseStoredJson(
          await readRegularFile(this.resolve(relPath)),
          kind,
          schema,
          this.options.migrations,
        )
        if (parsed.ok !== true) throw appError('CORRUPT', 'errStorage:noLongerLoads', { relPath })
        return parsed.data as z.output<S>
      },
      () => {
        this.assertWritable()
        if (readOnly) throw appError('READ_ONLY', 'errStorage:writtenNewerVersionCasefile', { relPath })
      },
      (update) => {
        this.updating.add(update)
        update.then(
          () => this.updating.delete(update),
          () => this.updating.delete(update),
        )
      },
    )
  }

  /** Moves the bad file aside, records the problem, and returns the error to throw. */
  private async reject(
    relPath: string,
    kind: 'unreadable' | 'invalid',
    why: LoadReason,
    loads: (bytes: Uint8Array) => boolean = looksStored,
  ): Promise<AppError> {
    const backup = (await this.backups.newestGood(relPath, loads))?.path
    let quarantinedTo: string | undefined
    // A read-only opener (the check command, a second instance) reports but never moves files.
    if (!this._readOnly) {
      try {
        quarantinedTo = await quarantineFile(this.root, layout.quarantineDir, relPath, this.now())
      } catch {
        // Could not move it (read-only medium): it stays where it is, still untouched.
      }
    }
    const problem = loadProblem(relPath, kind, why, quarantinedTo, backup && relative(this.root, backup))
    this.problems.report(problem)
    return new AppError('CORRUPT', problem.message, problem, problem.text)
  }

  /**
   * CORRUPT, saying where it went, for a missing file that was set aside as damaged: a file that is
   * made again when missing (`remade`) only while a good backup of it waits, since an empty one in
   * its place would hide what the backup holds, and would load, so the backup could not be put back.
   */
  private async assertNotSetAside(
    relPath: string,
    loads: (bytes: Uint8Array) => boolean,
    remade: boolean,
  ): Promise<void> {
    const quarantined = this.problems.setAsideAs(relPath)
    if (!quarantined) return
    const good = await this.backups.newestGood(relPath, loads)
    if (remade && !good) return
    const backup = good ? relative(this.root, good.path) : 'none'
    throw appError('CORRUPT', 'errStorage:setAsideRestoreFirst', {
      relPath,
      quarantined,
      backup,
    })
  }

  /** A file that exists but cannot be read: reported, left where it is, never quarantined. */
  private unreadable(relPath: string, e: NodeJS.ErrnoException): AppError {
    const problem = readProblem(relPath, e)
    this.problems.report(problem)
    return new AppError(e.code === 'ENOTDIR' ? 'CORRUPT' : 'IO', problem.message, problem, problem.text)
  }

  /**
   * Puts the newest good backup of relPath back in place (one that parses and validates as the
   * file's kind when that is known, else one that is at least a versioned JSON object). The
   * damaged copy stays in quarantine, moved to quarantine/resolved/ so it is no longer reported.
   * Returns the backup used. `as`: the file's kind and schema, when the caller knows them and this
   * session has not opened the file. `takenBy`: none taken after it (a case back from the trash takes
   * none of what lived at its path while it was away).
   */
  async restoreBackup(relPath: string, as?: { kind: FileKind; schema: AnySchema }, takenBy?: Date): Promise<string> {
    this.assertWritable()
    // Only a file that failed to load: otherwise any caller (a compromised renderer) could roll a
    // healthy case or the index back to an older backup and silently drop every edit since.
    if (!this.problems.failedToLoad(relPath)) throw appError('NOT_FOUND', 'errStorage:hasNoLoadProblem', { relPath })
    const known = as ?? this.kinds.get(relPath)
    const loads = known ? this.loadsAs(known.kind, known.schema, relPath) : looksStored
    const abs = this.resolve(relPath)
    // A problem recorded once (set aside in an earlier session) does not make the file there now damaged:
    // a good copy the person put back must not be rolled back over.
    const now = await readRegularFile(abs).catch(() => null)
    if (now && loads(now)) throw appError('CONFLICT', 'errStorage:loadsAsItIsNow', { relPath })
    const good = await this.backups.newestGood(relPath, loads, takenBy)
    if (!good) throw appError('NOT_FOUND', 'errStorage:thereNoGoodBackup', { relPath })
    await this.queueFor(relPath).idle()
    // Whatever is at the path now (a damaged file a reader left in place) goes to quarantine first; when it
    // cannot go, nothing is written over it.
    if (await this.exists(relPath))
      await quarantineFile(this.root, layout.quarantineDir, relPath, this.now()).catch((e: Error) => {
        throw appError('IO', 'errStorage:couldNotSetAsideNothingRestored', { relPath, reason: e.message })
      })
    await mkdir(dirname(abs), { recursive: true })
    await durableWriteFile(abs, good.bytes)
    this.forget(relPath)
    await resolveQuarantined(this.root, layout.quarantineDir, relPath)
    this.problems.clear(relPath)
    return relative(this.root, good.path)
  }

  /**
   * A damaged file lying outside its place (a case's file in the trash) set aside as the file at relPath:
   * moved to quarantine/ under relPath's name, its problem waiting with its folder (`bringBackUnder`). The
   * caller puts `backup` in its place next; the record says so.
   * Throws when it cannot be moved, and then nothing has changed.
   */
  async setAsideAway(heldRel: string, relPath: string, backup: string): Promise<string> {
    this.assertWritable()
    const quarantinedTo = await quarantineFile(this.root, layout.quarantineDir, relPath, this.now(), undefined, heldRel)
    this.problems.reportAway({
      file: relPath,
      kind: 'quarantined',
      ...worded('errStorage:setAsideAwayBackupInItsPlace', { original: relPath, file: quarantinedTo, backup }),
      quarantinedTo,
    })
    return quarantinedTo
  }

  /**
   * The backup `backupRel` of relPath written durably at atRel, where nothing is, sealed (in an encrypted
   * workspace) for relPath, where it will be read: a file put back before its folder returns to its place (a
   * case in the trash), so a failure on the way leaves the folder where it was.
   */
  async copyBackupTo(backupRel: string, relPath: string, atRel: string): Promise<void> {
    this.assertWritable()
    if (await this.exists(atRel)) throw appError('CONFLICT', 'errStorage:alreadyExists', { toRel: atRel })
    const bytes = await readRegularFile(this.resolve(backupRel))
    await durableWriteFile(this.resolve(atRel), bytes, { sealAs: this.resolve(relPath) })
  }

  /**
   * A folder in the trash moved there as it was: in an encrypted workspace, any of its files sealed for its
   * place in the trash (by an older version) is sealed again for the place a restore puts it back.
   */
  async resealTrashed(relDir: string): Promise<void> {
    this.assertWritable()
    await resealTrashedFolder(this.root, relDir)
  }

  /**
   * A file set aside as damaged that loads now (a good copy was put in its place): its set-aside copies
   * move to quarantine/resolved/, kept, and its problems go. Only when it does load, as `kind`.
   */
  async settleSetAside(relPath: string, kind: FileKind, schema: AnySchema): Promise<void> {
    this.assertWritable()
    const now = await readRegularFile(this.resolve(relPath)).catch(() => null)
    if (!now || !this.loadsAs(kind, schema, relPath)(now)) return
    await resolveQuarantined(this.root, layout.quarantineDir, relPath)
    this.problems.clear(relPath)
  }

  /**
   * Whether relPath holds a file, or held one this session or an earlier one set aside as damaged: for
   * owners that read an optional file only when there is one, so a set-aside file is not taken for none
   * (its document then says what happened to it).
   */
  async existsOrSetAside(relPath: string): Promise<boolean> {
    return !!this.problems.setAsideAs(relPath) || (await this.exists(relPath))
  }

  /**
   * The newest backup of relPath that loads as its kind (with `takenBy`, none taken after it), relative to the
   * root; undefined when none does.
   */
  async goodBackup(relPath: string, kind: FileKind, schema: AnySchema, takenBy?: Date): Promise<string | undefined> {
    const good = await this.backups.newestGood(relPath, this.loadsAs(kind, schema, relPath), takenBy)
    return good ? relative(this.root, good.path) : undefined
  }

  /** Whether `backupRel` names a backup of relPath as this store names them (a name read from a file is checked so). */
  isBackupOf(relPath: string, backupRel: string): boolean {
    return this.backups.names(relPath, backupRel)
  }

  /**
   * Whether bytes load as `kind`; with relPath, also as what that path names (`storedFile`: a case's file
   * must be that case's), so no backup of another file is taken for one of relPath.
   */
  private loadsAs(kind: FileKind, schema: AnySchema, relPath?: string): (bytes: Uint8Array) => boolean {
    const own = relPath === undefined ? undefined : this.options.storedFile?.(relPath)
    const as = (k: FileKind, sc: AnySchema, bytes: Uint8Array) =>
      parseStoredJson(bytes, k, sc, this.options.migrations).ok === true
    return (bytes) => as(kind, schema, bytes) && (!own || as(own.kind, own.schema, bytes))
  }

  /**
   * Retires every open document under a folder (a case about to be moved away):
   * writes already queued land first, later ones are refused, and the cache
   * forgets them so the next open reads whatever is then on disk.
   */
  async retireUnder(relDir: string): Promise<void> {
    const prefix = relDir.endsWith(sep) ? relDir : relDir + sep
    for (const [rel, p] of [...this.docs]) {
      if (!rel.startsWith(prefix)) continue
      const doc = await p.catch(() => null)
      doc?.retire()
      await this.queueFor(rel).idle()
      this.forget(rel)
    }
  }

  /**
   * Writes a stored file durably under a staging folder inside the workspace,
   * formatted as the store formats it, without opening it as a document. The
   * owner of the file's kind validates `data` first; the staged folder is later
   * moved into place whole (see `move`).
   */
  async writeStaged(stagingRoot: string, relPath: string, data: unknown): Promise<void> {
    this.assertWritable()
    const root = this.resolve(relative(this.root, stagingRoot))
    const abs = resolve(root, relPath)
    if (!abs.startsWith(root + sep)) throw appError('FORBIDDEN', 'errStorage:outsideStagingFolder', { relPath })
    await mkdir(dirname(abs), { recursive: true })
    const pretty = this.options.pretty ?? true
    // Sealed (in an encrypted workspace) for the path it will have once the staged folder is moved in.
    await durableWriteFile(abs, pretty ? JSON.stringify(data, null, 1) : JSON.stringify(data), {
      sealAs: this.resolve(relPath),
    })
  }

  /**
   * Renames a file or folder to another place in the workspace (the target must
   * not exist), then syncs both folders so the move survives a power cut.
   */
  async move(fromAbs: string, toRel: string): Promise<void> {
    this.assertWritable()
    const from = this.resolve(relative(this.root, fromAbs))
    const to = this.resolve(toRel)
    if (
      await stat(to).then(
        () => true,
        () => false,
      )
    )
      throw appError('CONFLICT', 'errStorage:alreadyExists', { toRel })
    await mkdir(dirname(to), { recursive: true })
    await rename(from, to)
    await fsyncDir(dirname(to))
    if (dirname(from) !== dirname(to)) await fsyncDir(dirname(from))
  }

  async copyIn(srcAbs: string, relPath: string): Promise<void> {
    await mkdir(dirname(this.resolve(relPath)), { recursive: true })
    await copyFile(srcAbs, this.resolve(relPath))
  }

  /** Waits for every queued write, then releases the lock. */
  async close(): Promise<void> {
    // Nothing may start writing once the lock is about to go: another process may take it next.
    this.setReadOnly({ why: 'closed' })
    // An update taking its backup has not queued its write yet: it is waited for, failed or not.
    await Promise.allSettled([...this.updating])
    await Promise.all([...this.queues.values()].map((q) => q.idle()))
    const release = this.releaseLock
    this.releaseLock = null
    if (release && !this.lockLost) await release().catch(() => undefined)
    if (this.sealed) dropVault(this.root) // the data key goes with the last store holding it (close, app lock)
    this.sealed = false
  }

  join(...parts: string[]): string {
    return this.resolve(join(...parts))
  }
}
