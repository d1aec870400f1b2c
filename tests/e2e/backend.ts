/**
 * The main-process side of the browser test bridge: a real AppSession, the real
 * handlers and the dispatcher that ipc/register.ts uses, and a Platform that
 * records instead of showing native UI. fixtures.ts loads this file through tsx
 * (not Playwright's loader) because src/main imports JSON and ESM-only packages;
 * everything src/main needs therefore comes from here, as one module graph.
 */
import { mkdir } from 'node:fs/promises'
import { contentSecurityPolicy } from '@main/csp'
import { serveBlobRequest } from '@main/http/blobResponse'
import { BLOB_URL_PREFIX } from '@shared/domain'
import { createDispatcher } from '@main/ipc/dispatch'
import { handlers } from '@main/ipc/handlers/index'
import { AppSession, type Platform } from '@main/session'
import type { OpenOptions } from '@main/services/index'
import { CHANNELS, EVENTS, type AppEvent } from '@shared/ipc/contract'

export interface BackendOptions {
  userDataDir: string
  workspaceDir: string
  /** 'demo' installs the consulate case like a first start; 'empty' opens a bare workspace. */
  workspace: 'demo' | 'empty'
  openOptions?: OpenOptions
  /**
   * The name the workspace records in custody entries; null leaves the default
   * ("local user"), for which the window asks on first run.
   */
  userName?: string | null
  /** Where pushes from main go (the page's window.casefile.on listeners). */
  emit: (event: AppEvent, payload: unknown) => void
  /** The page's origin; blobs are served under <origin>/blob/ (fixtures.ts routes them). */
  origin: string
}

export async function createBackend(o: BackendOptions) {
  await mkdir(o.workspaceDir, { recursive: true })
  const session = new AppSession(o.userDataDir, o.openOptions)
  await session.loadSettings()
  await session.open(o.workspaceDir, { demoIfNew: o.workspace === 'demo' })
  if (o.userName) await session.current().workspace.setUserName(o.userName)

  // What the next native dialogs answer; nothing queued behaves like the user cancelling.
  const next = {
    folders: [] as (string | null)[],
    files: [] as (string[] | null)[],
    savePaths: [] as (string | null)[],
  }
  const dialogs: { kind: 'folder' | 'files' | 'save'; title: string; defaultName?: string }[] = []
  const openedUrls: string[] = []
  const openedPaths: string[] = []
  const platform: Platform = {
    blobUrlBase: `${o.origin}/blob/`,
    async chooseFolder(title) {
      dialogs.push({ kind: 'folder', title })
      return next.folders.shift() ?? null
    },
    async chooseFiles(title) {
      dialogs.push({ kind: 'files', title })
      return next.files.shift() ?? null
    },
    async chooseSavePath(title, defaultName) {
      dialogs.push({ kind: 'save', title, defaultName })
      return next.savePaths.shift() ?? null
    },
    async openPath(path) {
      openedPaths.push(path)
    },
    async openExternal(url) {
      const parsed = new URL(url)
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new Error(`Refusing to open a ${parsed.protocol} link outside the app`)
      }
      openedUrls.push(parsed.toString())
    },
    notifyWorkspaceChanged() {
      o.emit('workspace:changed', {})
    },
    emit(event, payload) {
      o.emit(event, payload)
    },
  }

  session.onIdleLocked = () => platform.notifyWorkspaceChanged()
  // services is read lazily, as in the window (src/main/index.ts): reading it throws LOCKED while the
  // workspace is locked, and workspace:unlock must still reach its handler then.
  const dispatch = createDispatcher(handlers, () => ({
    get services() {
      return session.current()
    },
    session,
    platform,
  }))

  return {
    session,
    platform,
    dispatch,
    channels: [...CHANNELS] as string[],
    events: [...EVENTS] as string[],
    csp: contentSecurityPolicy(),
    /** Answers <origin>/blob/<sha>?type= with main's own protocol handler (Range requests and all). */
    serveBlob: (pathAndQuery: string, headers: Record<string, string>) =>
      serveBlobRequest(
        (sha) => session.current().evidence.blobPath(sha),
        new Request(BLOB_URL_PREFIX + pathAndQuery, { headers }),
      ),
    next,
    dialogs,
    openedUrls,
    openedPaths,
    close: () => session.close(),
  }
}
export type Backend = Awaited<ReturnType<typeof createBackend>>
