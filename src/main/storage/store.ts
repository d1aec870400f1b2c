import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { z } from 'zod'
import { CURRENT_SCHEMA_VERSION, type WorkspaceProblem } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { Backups } from './backups'
import { DurableJsonAdapter, Low, StoredDocument } from './document'
import { durableWriteFile, FileWriteQueue, fsyncDir } from './durableWrite'
import { layout } from './layout'
import { acquireWorkspaceLock } from './lock'
import type { FileKind, Migration } from './migrations'
import { listQuarantined, quarantineFile } from './quarantine'
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
}

/**
 * The files of one workspace folder. Services ask it for documents by relative
 * path; it validates on load, quarantines what fails, migrates forward after a
 * backup, queues durable writes, and holds the workspace lock.
 */
export class WorkspaceStore {
  readonly problems: WorkspaceProblem[] = []
  private readonly docs = new Map<string, Promise<StoredDocument<unknown>>>()
  private readonly queues = new Map<string, FileWriteQueue>()
  private releaseLock: (() => Promise<void>) | null = null
  private lockLost: Error | null = null
  readonly backups: Backups
  readonly now: () => Date
  private _readOnly: boolean
  private _readOnlyReason: string | undefined

  private constructor(
    readonly root: string,
    private readonly options: StoreOptions,
  ) {
    this.now = options.now ?? (() => new Date())
    this._readOnly = !!options.readOnly
    this._readOnlyReason = options.readOnly ? 'opened read-only' : undefined
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
      if (!isDir) throw new AppError('NOT_FOUND', `There is no workspace folder at ${abs}.`)
    } else await mkdir(abs, { recursive: true })
    const store = new WorkspaceStore(abs, options)
    if (!options.readOnly) {
      store.releaseLock = await acquireWorkspaceLock(abs, layout.lockFile, options.app ?? 'Casefile', (e) => {
        store.lockLost = e
        store.setReadOnly(`the workspace lock was lost (${e.message}); reopen the workspace to keep editing`)
      })
    }
    for (const q of await listQuarantined(abs, layout.quarantineDir)) {
      store.problems.push({
        file: q.original,
        kind: 'quarantined',
        message: `${q.original} failed to load earlier and was set aside as ${q.file}.`,
        quarantinedTo: q.file,
        backupAvailable: await store.backups.newest(q.original),
      })
    }
    return store
  }

  get readOnly(): boolean {
    return this._readOnly
  }
  get readOnlyReason(): string | undefined {
    return this._readOnlyReason
  }

  setReadOnly(reason: string): void {
    this._readOnly = true
    this._readOnlyReason ??= reason
  }

  assertWritable(): void {
    if (this._readOnly) throw new AppError('READ_ONLY', `The workspace is read-only: ${this._readOnlyReason}.`)
  }

  /** Absolute path of a file inside the workspace; refuses paths that leave it. */
  resolve(relPath: string): string {
    const abs = resolve(this.root, relPath)
    if (abs !== this.root && !abs.startsWith(this.root + sep)) {
      throw new AppError('FORBIDDEN', `${relPath} is outside the workspace`)
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

  async exists(relPath: string): Promise<boolean> {
    try {
      await stat(this.resolve(relPath))
      return true
    } catch {
      return false
    }
  }

  /**
   * Opens (once) the document at relPath. A missing file is created from
   * `create` when given, else NOT_FOUND. A file that does not parse or validate
   * is moved to quarantine/ and reported, never overwritten.
   */
  document<S extends AnySchema>(
    relPath: string,
    kind: FileKind,
    schema: S,
    create?: () => z.input<S>,
  ): Promise<StoredDocument<z.output<S>>> {
    let p = this.docs.get(relPath) as Promise<StoredDocument<z.output<S>>> | undefined
    if (!p) {
      p = this.load(relPath, kind, schema, create)
      this.docs.set(relPath, p as Promise<StoredDocument<unknown>>)
      p.catch(() => this.docs.delete(relPath))
    }
    return p
  }

  /** Whether the document loads and validates; a damaged one is recorded in `problems` (and set aside when writable). */
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
      if (e instanceof AppError && e.code === 'CORRUPT') return false
      throw e
    }
  }

  /** Forgets a cached document (after a restore, or when its file is removed). */
  forget(relPath: string): void {
    this.docs.delete(relPath)
  }

  private async load<S extends AnySchema>(
    relPath: string,
    kind: FileKind,
    schema: S,
    create?: () => z.input<S>,
  ): Promise<StoredDocument<z.output<S>>> {
    type T = z.output<S>
    const abs = this.resolve(relPath)
    const queue = this.queueFor(relPath)
    const adapter = new DurableJsonAdapter<T>(abs, queue, this.options.pretty ?? true)
    // lowdb insists on default data; ours is always replaced by the validated file below.
    const low = new Low<T>(adapter, {} as T)

    let bytes: Buffer
    try {
      bytes = await readFile(abs)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new AppError('IO', `Could not read ${relPath}: ${(e as Error).message}`)
      if (!create) throw new AppError('NOT_FOUND', `${relPath} does not exist`)
      low.data = schema.parse(create())
      // A reader sees an optional file that was never written as its empty form, and writes nothing.
      if (this._readOnly) return this.wrap(relPath, low, false, kind, schema)
      await mkdir(dirname(abs), { recursive: true })
      await low.write()
      return this.wrap(relPath, low, false, kind, schema)
    }

    const parsed = parseStoredJson(bytes, kind, schema, this.options.migrations)
    if (parsed.ok === false) throw await this.reject(relPath, parsed.kind, parsed.why)
    if (parsed.ok === 'newer') {
      this.problems.push({
        file: relPath,
        kind: 'newer-version',
        message: `${relPath} was written by a newer Casefile (schema ${parsed.version}; this version knows ${CURRENT_SCHEMA_VERSION}). It is open read-only.`,
      })
      if (kind === 'workspace')
        this.setReadOnly(`it was written by a newer version of Casefile (schema ${parsed.version})`)
      low.data = parsed.data as T
      return this.wrap(relPath, low, true, kind, schema)
    }
    if (parsed.migratedFrom !== null && !this._readOnly) {
      // The original goes to backups/ before the migrated form replaces it.
      try {
        await this.backups.take(relPath, `before-migration-v${parsed.migratedFrom}`)
      } catch (e) {
        throw await this.reject(
          relPath,
          'invalid',
          `it could not be migrated from schema ${parsed.migratedFrom} (${(e as Error).message})`,
        )
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
      async () => schema.parse(JSON.parse(await readFile(this.resolve(relPath), 'utf8'))) as z.output<S>,
      () => {
        this.assertWritable()
        if (readOnly)
          throw new AppError(
            'READ_ONLY',
            `${relPath} was written by a newer version of Casefile and is open read-only.`,
          )
      },
    )
  }

  /** Moves the bad file aside, records the problem, and returns the error to throw. */
  private async reject(relPath: string, kind: 'unreadable' | 'invalid', why: string): Promise<AppError> {
    const backup = await this.backups.newest(relPath)
    let quarantinedTo: string | undefined
    // A read-only opener (the check command, a second instance) reports but never moves files.
    if (!this._readOnly) {
      try {
        quarantinedTo = await quarantineFile(this.root, layout.quarantineDir, relPath, this.now())
      } catch {
        // Could not move it (read-only medium): it stays where it is, still untouched.
      }
    }
    const message =
      `${relPath} could not be loaded: ${why}. ` +
      (quarantinedTo ? `The file was set aside unchanged as ${quarantinedTo}. ` : 'The file was left untouched. ') +
      (backup ? `A backup is available (${relative(this.root, backup)}).` : 'No backup of it exists yet.')
    const problem: WorkspaceProblem = {
      file: relPath,
      kind,
      message,
      quarantinedTo,
      backupAvailable: backup ? relative(this.root, backup) : undefined,
    }
    this.problems.push(problem)
    return new AppError('CORRUPT', message, problem)
  }

  /** Puts the newest backup of relPath back in place; the quarantined copy stays. */
  async restoreBackup(relPath: string): Promise<void> {
    this.assertWritable()
    // Only a file that failed to load: otherwise any caller (a compromised renderer) could roll a
    // healthy case or the index back to an older backup and silently drop every edit since.
    if (!this.problems.some((p) => p.file === relPath && p.kind !== 'newer-version'))
      throw new AppError('NOT_FOUND', `${relPath} has no load problem to repair; nothing was restored.`)
    const backup = await this.backups.newest(relPath)
    if (!backup) throw new AppError('NOT_FOUND', `There is no backup of ${relPath}.`)
    await mkdir(dirname(this.resolve(relPath)), { recursive: true })
    await this.queueFor(relPath).idle()
    await durableWriteFile(this.resolve(relPath), await readFile(backup))
    this.forget(relPath)
    for (let i = this.problems.length - 1; i >= 0; i--)
      if (this.problems[i].file === relPath) this.problems.splice(i, 1)
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
      throw new AppError('CONFLICT', `${toRel} already exists.`)
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
    this.setReadOnly('the workspace was closed')
    await Promise.all([...this.queues.values()].map((q) => q.idle()))
    const release = this.releaseLock
    this.releaseLock = null
    if (release && !this.lockLost) await release().catch(() => undefined)
  }

  join(...parts: string[]): string {
    return this.resolve(join(...parts))
  }
}
