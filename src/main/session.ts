import { appError } from '@shared/i18n/appError'
import { mkdir, readFile, realpath } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import { Preferences, PreferencesPatch, type EncryptionStatus, type Language } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import type { AppEvent, EventPayload } from '@shared/ipc/events'
import { openWorkspace, type OpenOptions, type Services } from './services/index'
import { isWorkspaceFolder } from './services/workspace/workspaceService'
import { recalledKey, RememberedKeys, osKeyState, rememberKey } from './rememberedKeys'
import { unlockKeyFile, type OsKeyStore, type Unlock } from './storage/crypto/keyfile'
import {
  changePassphrase,
  decryptWorkspace,
  encryptionState,
  encryptWorkspace,
  newRecoveryKey,
  readKeyFile,
  type MigrationProgress,
} from './storage/crypto/migrate'
import { keyOf } from './storage/crypto/vault'
import { durableWriteFile } from './storage/durableWrite'
import { withWorkspaceLock } from './storage/lock'

const Settings = z.object({
  lastWorkspace: z.string().optional(),
  recent: z.array(z.string()).default([]),
  preferences: Preferences.default(Preferences.parse({})),
  /** The idle lock, in minutes (null: never): the person's choice on this computer, like the theme. */
  idleLockMinutes: z
    .number()
    .min(1)
    .max(24 * 60)
    .nullable()
    .default(null),
  /** Data keys wrapped by the OS secure store, by workspace folder (rememberedKeys.ts). */
  osKeys: RememberedKeys,
})
type Settings = z.infer<typeof Settings>

/**
 * Where a workspace's kept key is filed: its real path, so a link to the folder (or another spelling
 * of it) finds the same entry and a lock taken through one suspends it for all.
 */
const keyPlace = (root: string) => realpath(resolve(root)).catch(() => resolve(root))

/**
 * The app's one open workspace and the user's recent list. The window's main
 * process and the browser test bridge both hold one of these; neither needs electron.
 */
export class AppSession {
  private services: Services | null = null
  /** An encrypted workspace waiting for its passphrase (after workspace:lock, or at start). */
  private lockedRoot: string | null = null
  private settings: Settings = Settings.parse({})
  /** The system's language (Electron's app.getLocale()), for what main words itself when the user chose none. */
  systemLanguage: Language = 'en'

  /** Set by the Electron glue: the menu is relabelled when the language changes. */
  onPreferencesChanged?: () => void

  /** The window's language: the user's choice, else the system's (native dialog titles are worded in it). */
  language(): Language {
    return this.settings.preferences.language ?? this.systemLanguage
  }

  constructor(
    /** Folder for settings.json (Electron's userData, or a temp folder in tests). */
    private readonly userDataDir: string,
    private readonly openOptions: OpenOptions = {},
    /** The OS secure store where it is real (Electron's glue; ready only after the app is): null elsewhere. */
    private readonly osKeyStore: () => OsKeyStore | null = () => null,
  ) {}

  get defaultWorkspace(): string {
    return join(this.userDataDir, 'Workspace')
  }

  private get settingsPath() {
    return join(this.userDataDir, 'settings.json')
  }

  async loadSettings(): Promise<void> {
    try {
      this.settings = Settings.parse(JSON.parse(await readFile(this.settingsPath, 'utf8')))
    } catch {
      // Missing or unreadable settings only cost the recent list.
      this.settings = Settings.parse({})
    }
    const minutes = this.settings.idleLockMinutes
    this.idleMs = minutes === null ? null : minutes * 60_000
  }

  private async saveSettings(): Promise<void> {
    await mkdir(dirname(this.settingsPath), { recursive: true })
    await durableWriteFile(this.settingsPath, JSON.stringify(this.settings, null, 2))
  }

  get recent(): string[] {
    return this.settings.recent
  }

  /** The user's own preferences (language, theme), kept in the user profile, not the workspace. */
  get preferences(): Preferences {
    return this.settings.preferences
  }

  async setPreferences(patch: PreferencesPatch): Promise<Preferences> {
    const p = PreferencesPatch.parse(patch)
    const next: Record<string, unknown> = { ...this.settings.preferences }
    for (const [k, v] of Object.entries(p)) {
      if (v === null) delete next[k]
      else if (v !== undefined) next[k] = v
    }
    this.settings.preferences = Preferences.parse(next)
    await this.saveSettings()
    this.onPreferencesChanged?.()
    return this.settings.preferences
  }

  /** The workspace to open at start: the last one used, or the default. */
  get initialRoot(): string {
    return this.settings.lastWorkspace ?? this.defaultWorkspace
  }

  /** Opens the initial workspace; on first run that is a new default workspace holding the demo case. */
  async openInitial(): Promise<Services> {
    await this.loadSettings()
    return this.open(this.initialRoot, { demoIfNew: !this.settings.lastWorkspace })
  }

  async open(
    root: string,
    { demoIfNew = false, unlock }: { demoIfNew?: boolean; unlock?: Unlock } = {},
  ): Promise<Services> {
    const abs = resolve(root)
    const fresh = !isWorkspaceFolder(abs)
    // No key given: the one this computer keeps for the workspace, if any (and not suspended by a lock).
    const place = await keyPlace(abs)
    const recalled = unlock ? null : recalledKey(this.osKeyStore(), this.settings.osKeys, place)
    let next: Services
    try {
      next = await openWorkspace(abs, {
        app: 'Casefile',
        ...this.openOptions,
        unlock: unlock ?? (recalled ? { dataKey: recalled } : undefined),
      })
    } catch (e) {
      // A kept key that no longer opens the workspace (its keys were replaced) is forgotten.
      if (recalled && e instanceof AppError && e.code === 'FORBIDDEN') delete this.settings.osKeys[place]
      recalled?.fill(0)
      // Encrypted and no (right) passphrase: remembered, so workspace:unlock knows what to open.
      if (
        e instanceof AppError &&
        (e.code === 'LOCKED' || e.code === 'FORBIDDEN') &&
        (await encryptionState(abs)) !== 'plain'
      )
        this.lockedRoot = abs
      throw e
    }
    recalled?.fill(0)
    this.lockedRoot = null
    // The passphrase (or recovery key) was given: a kept key suspended by a lock is good again.
    const kept = this.settings.osKeys[place]
    if (kept && unlock && !('dataKey' in unlock)) kept.suspended = false
    // Decrypted meanwhile (from the command line, say): nothing left to keep.
    if (kept && !keyOf(abs)) delete this.settings.osKeys[place]
    if (demoIfNew && fresh && !next.readOnly) {
      await next.demo.install()
    }
    const previous = this.services
    this.services = next
    await previous?.close()
    // The idle lock counts from every open, an unlock included (close() stopped the last count).
    this.touch()
    // Load (or build) the search index in its worker now, so the first Ctrl+K does not wait for it.
    void next.search.start().catch(() => undefined)
    this.settings.lastWorkspace = abs
    this.settings.recent = [abs, ...this.settings.recent.filter((r) => r !== abs)].slice(0, 8)
    await this.saveSettings().catch(() => undefined)
    return next
  }

  /** After a lock or load failure: look, but never write. */
  async openReadOnly(root: string): Promise<Services> {
    const next = await openWorkspace(resolve(root), { ...this.openOptions, readOnly: true })
    const previous = this.services
    this.services = next
    await previous?.close()
    return next
  }

  /** Whether the open (or locked) workspace is encrypted, and whether it is locked now. */
  async encryptionStatus(): Promise<EncryptionStatus> {
    const root = this.lockedRoot ?? this.services?.root ?? this.initialRoot
    const state = await encryptionState(root).catch(() => 'plain' as const)
    return {
      root,
      encrypted: state !== 'plain',
      locked: this.lockedRoot !== null,
      idleLockMinutes: this.settings.idleLockMinutes,
      osKey: osKeyState(this.osKeyStore(), this.settings.osKeys, await keyPlace(root)),
    }
  }

  /**
   * Keeps the open workspace's data key on this computer, wrapped by the OS secure store, so the next
   * start opens it without the passphrase (or forgets it). Only where the store is real.
   */
  async rememberKey(remember: boolean): Promise<void> {
    const root = resolve(this.current().root)
    const place = await keyPlace(root)
    if (!remember) delete this.settings.osKeys[place]
    else {
      const store = this.osKeyStore()
      if (!store) throw appError('CONFLICT', 'errStorage:noOsKeyStore')
      const key = keyOf(root)
      if (!key) throw appError('CONFLICT', 'errStorage:onlyEncryptedKeyKept')
      rememberKey(store, this.settings.osKeys, place, key)
    }
    await this.saveSettings()
  }

  /**
   * Encrypts the open workspace in place: it is closed, sealed under its own lock, and opened
   * again with the new passphrase (also after a failure, which the reopen finishes).
   */
  async encrypt(passphrase: string, progress?: MigrationProgress): Promise<{ recoveryKey: string; files: number }> {
    const root = this.current().root
    await this.close()
    try {
      return await withWorkspaceLock(root, 'Casefile', (r) => encryptWorkspace(r, passphrase, { progress }))
    } finally {
      await this.open(root, { unlock: { passphrase } })
    }
  }

  /**
   * Decrypts the open workspace in place and opens it again, plain. The passphrase (or recovery key) is
   * checked before anything closes, so a wrong one leaves the window as it was.
   */
  async decrypt(unlock: Unlock, progress?: MigrationProgress): Promise<{ files: number }> {
    const root = this.current().root
    const keys = await readKeyFile(root)
    if (!keys) throw appError('CONFLICT', 'errStorage:workspaceEncrypted')
    ;(await unlockKeyFile(keys, unlock)).fill(0)
    await this.close()
    try {
      const done = await withWorkspaceLock(root, 'Casefile', (r) => decryptWorkspace(r, unlock, { progress }))
      // Plain now: no key left to keep.
      delete this.settings.osKeys[await keyPlace(root)]
      return done
    } finally {
      // Plain after a success; still encrypted (and opened with the same key) after a refusal.
      await this.open(root, { unlock })
    }
  }

  private idleMs: number | null = null
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  /** Told when the idle lock closed the workspace (the window shows its lock screen). */
  onIdleLocked: () => void = () => undefined

  /** Locks an encrypted workspace after `ms` without a call (null: never); for this run only (tests use ms). */
  setIdleLock(ms: number | null): void {
    this.idleMs = ms
    this.touch()
  }

  /** The person's idle lock, kept in settings.json so it holds after a restart too. */
  async setIdleLockMinutes(minutes: number | null): Promise<void> {
    this.settings.idleLockMinutes = minutes
    this.setIdleLock(minutes === null ? null : minutes * 60_000)
    await this.saveSettings()
  }

  /** Native dialogs open now: the person is at the computer, answering one. */
  private asking = 0

  /**
   * Runs a native dialog: the idle lock waits until it closes (else it could lock the workspace under
   * the dialog, and what the person chose would meet a closed workspace), then counts from then.
   */
  async whileAsking<T>(ask: () => Promise<T>): Promise<T> {
    this.asking++
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    try {
      return await ask()
    } finally {
      this.asking--
      this.touch()
    }
  }

  /** Any use of the workspace (every channel that reads it) starts the idle time again. */
  touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (this.idleMs === null || !this.services || this.asking > 0) return
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      void this.lock().then(this.onIdleLocked, () => undefined) // a plain workspace is simply not locked
    }, this.idleMs)
    this.idleTimer.unref?.()
  }

  /** The app lock: the workspace is closed and main drops its data key. */
  async lock(): Promise<void> {
    const root = this.current().root
    if ((await encryptionState(root)) === 'plain') throw appError('CONFLICT', 'errStorage:onlyEncryptedWorkspaceLocked')
    // A restart, or another workspace opened from the lock screen, must not get past the lock: every kept
    // key waits for its workspace's next passphrase unlock. Written down before anything closes, so a
    // crash during the close cannot leave one usable.
    const kept = Object.values(this.settings.osKeys).filter((k) => !k.suspended)
    if (kept.length) {
      for (const k of kept) k.suspended = true
      await this.saveSettings()
    }
    await this.close({ stopExaminations: true })
    this.lockedRoot = root
  }

  async unlock(unlock: Unlock): Promise<Services> {
    // Already open (a second window's unlock, a double submit): nothing to unlock, and reopening would meet our own lock.
    if (this.services && !this.lockedRoot) return this.services
    return this.open(this.lockedRoot ?? this.services?.root ?? this.initialRoot, { unlock })
  }

  /** keys.json rewritten under the open workspace's lock, which this session holds. */
  async changePassphrase(current: string, next: string): Promise<void> {
    await changePassphrase(this.current().root, { passphrase: current }, next)
  }

  /** A new recovery key for the open workspace, for its passphrase; the one it replaces stops working. */
  newRecoveryKey(passphrase: string): Promise<string> {
    return newRecoveryKey(this.current().root, { passphrase })
  }

  current(): Services {
    if (this.services && this.idleTimer) this.touch()
    if (!this.services)
      throw this.lockedRoot
        ? appError('LOCKED', 'errStorage:workspaceLockedUnlockPassphrase')
        : new Error('no workspace is open')
    return this.services
  }

  async close(opts: { stopExaminations?: boolean } = {}): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    await this.services?.close(opts)
    this.services = null
  }
}

/** What only the desktop shell can do; the test bridge supplies its own. */
export interface Platform {
  /** Where the page loads blobs from: casefile-blob://blob/ in the window (protocol.ts). */
  blobUrlBase: string
  chooseFolder(title: string): Promise<string | null>
  openExternal(url: string): Promise<void>
  notifyWorkspaceChanged(): void
  /** Pushes an app event (progress of long work, say) to the renderer. */
  emit<E extends AppEvent>(event: E, payload: EventPayload<E>): void
  /** The open-file dialog, several files allowed; null when the user cancels. */
  chooseFiles(title: string): Promise<string[] | null>
  /** The save dialog; null when the user cancels. */
  chooseSavePath(title: string, defaultName: string): Promise<string | null>
  /** Opens a file in the system's default viewer (an exported PDF). */
  openPath(path: string): Promise<void>
}
