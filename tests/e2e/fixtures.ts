/**
 * End-to-end fixture: the built renderer in Chromium, talking to the real
 * main-process handlers in this test process. Nothing below the bridge is mocked.
 *
 *   import { test, expect } from './fixtures'
 *
 *   test('demo case is listed', async ({ app }) => {
 *     await app.open()                                    // loads http://casefile.test/index.html
 *     await expect(app.page.getByText('ECU-USA-2026-001')).toBeVisible()
 *     const cases = await app.services().cases.list()      // the same services the window drives
 *     expect(cases).toHaveLength(1)
 *   })
 *
 *   test.describe('empty workspace', () => {
 *     test.use({ workspace: 'empty' })                     // default 'demo' (the consulate case)
 *     test('…', async ({ app }) => { await app.open('#/'); … })
 *   })
 *
 * The workspace records the user name 'Ana Tester' (so the window does not ask
 * for one); `test.use({ userName: null })` keeps "local user", the first run.
 *
 * `test.use({ openOptions: { … } })` passes OpenOptions (a fixed clock, an id
 * source) to the AppSession.
 *
 * What `app` gives each test (see CasefileApp below): a fresh temp userData and
 * workspace folder, a real AppSession opened on it, `app.page` with
 * window.casefile installed like the preload does, `app.services()`,
 * `app.dispatch(channel, input)` (the IPC path, Result and all), `app.emit(event, payload)`
 * (push to the page, as main does), `app.setNextFolder(path)` / `setNextFiles(paths)` /
 * `setNextSavePath(path)` (what the next native dialog answers; nothing queued =
 * cancelled), `app.dialogs`, `app.openedUrls` (links sent to the system browser),
 * `app.openedPaths` (files sent to the system viewer), `app.readWorkspaceJson(rel)`.
 *
 * Every response carries the production Content-Security-Policy (src/main/csp.ts).
 * A CSP violation or an uncaught page error fails the test at teardown; console
 * errors are collected in `app.consoleErrors`. Call `app.allowErrors(/pattern/)`
 * when a test provokes one on purpose. Temp folders are kept when a test fails
 * (their paths are attached to the report).
 *
 * The renderer must be built (playwright.config.ts's globalSetup does it).
 * src/main is loaded through tsx (backend.ts), because Playwright's own loader
 * rejects the JSON import of the demo case.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import type { AppSession } from '@main/session'
import type { OpenOptions, Services } from '@main/services/index'
import type { AppEvent, Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { Backend, createBackend as CreateBackend } from './backend'
import { installBridge } from './bridge'

export const ORIGIN = 'http://casefile.test'
export const RENDERER_DIR = resolve(
  process.env.CASEFILE_RENDERER_DIR ?? join(import.meta.dirname, '../../out/renderer'),
)

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
}

export interface CasefileApp {
  page: Page
  origin: string
  userDataDir: string
  workspaceDir: string
  session: AppSession
  /** The services of the workspace that is open now (changes after workspace:choose). */
  services(): Services
  /** A call exactly as the page makes it: input parsed against the contract, answer a Result. */
  dispatch<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>
  /** Loads the app at a hash route ('#/case/<id>/timeline') and waits until the shell is ready. */
  open(hash?: string): Promise<void>
  /** Pushes an app event to the page, as main does (menu:command, progress, workspace:changed). */
  emit(event: AppEvent, payload?: unknown): Promise<void>
  /** The answer of the next folder picker (workspace:choose); null = the user cancelled. */
  setNextFolder(path: string | null): void
  /** The answer of the next open-file dialog (Platform.chooseFiles); null = cancelled. */
  setNextFiles(paths: string[] | null): void
  /** The answer of the next save dialog (Platform.chooseSavePath); null = cancelled. */
  setNextSavePath(path: string | null): void
  /** Every native dialog main asked for so far, in order. */
  dialogs: { kind: 'folder' | 'files' | 'save'; title: string; defaultName?: string }[]
  /** URLs handed to the system browser through Platform.openExternal. */
  openedUrls: string[]
  /** Files handed to the system viewer through Platform.openPath. */
  openedPaths: string[]
  /** Parsed JSON of a file in the workspace, e.g. `cases/<id>/case.json`. */
  readWorkspaceJson<T = unknown>(relativePath: string): Promise<T>
  consoleErrors: string[]
  pageErrors: string[]
  cspViolations: string[]
  /** Errors matching this are neither failures nor reported. */
  allowErrors(pattern: RegExp): void
}

interface Options {
  workspace: 'demo' | 'empty'
  openOptions: OpenOptions
  userName: string | null
}

/** Runs in the page: hands a push to the listeners bridge.ts keeps. */
const pushInPage = ([event, payload]: readonly [string, unknown]) =>
  (globalThis as unknown as { __casefileEmit?: (e: string, p: unknown) => void }).__casefileEmit?.(event, payload)

let backendModule: Promise<{ createBackend: typeof CreateBackend }> | null = null
const loadBackend = () =>
  (backendModule ??= tsImport('./backend.ts', import.meta.url) as Promise<{ createBackend: typeof CreateBackend }>)

async function serveRenderer(page: Page, backend: Backend) {
  const csp = backend.csp
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url())
    if (url.pathname.startsWith('/blob/')) {
      const res = await backend.serveBlob(
        url.pathname.slice('/blob/'.length) + url.search,
        await route.request().allHeaders(),
      )
      return route.fulfill({
        status: res.status,
        headers: Object.fromEntries(res.headers.entries()),
        body: Buffer.from(await res.arrayBuffer()),
      })
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = normalize(join(RENDERER_DIR, rel))
    if (!file.startsWith(RENDERER_DIR + sep)) return route.fulfill({ status: 403, body: 'outside the renderer' })
    try {
      const body = await readFile(file)
      await route.fulfill({
        status: 200,
        body,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
          'Cache-Control': 'no-store',
        },
      })
    } catch {
      await route.fulfill({ status: 404, body: `not found: ${rel}`, headers: { 'Content-Security-Policy': csp } })
    }
  })
}

export const test = base.extend<Options & { app: CasefileApp }>({
  workspace: ['demo', { option: true }],
  openOptions: [{}, { option: true }],
  userName: ['Ana Tester', { option: true }],

  app: [
    async ({ page, workspace, openOptions, userName }, use, testInfo) => {
      const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-e2e-user-'))
      const workspaceDir = join(await mkdtemp(join(tmpdir(), 'casefile-e2e-ws-')), 'Workspace')
      const consoleErrors: string[] = []
      const pageErrors: string[] = []
      const cspViolations: string[] = []
      const allowed: RegExp[] = []
      const isAllowed = (text: string) => allowed.some((r) => r.test(text))

      const emitToPage = (event: AppEvent, payload: unknown) => {
        // The page may be navigating or closed; main would drop the push too.
        void page.evaluate(pushInPage, [event, payload ?? {}] as const).catch(() => undefined)
      }

      const { createBackend } = await loadBackend()
      const backend: Backend = await createBackend({
        userDataDir,
        workspaceDir,
        workspace,
        openOptions,
        userName,
        emit: emitToPage,
        origin: ORIGIN,
      })

      page.on('console', (msg) => {
        if (msg.type() !== 'error') return
        const text = msg.text()
        if (isAllowed(text)) return
        consoleErrors.push(text)
        // Chromium logs blocked loads as console errors too; the DOM event may not fire for all of them.
        if (/Content Security Policy/i.test(text)) cspViolations.push(text)
      })
      page.on('pageerror', (e) => {
        const text = `${e.name}: ${e.message}`
        if (!isAllowed(text)) pageErrors.push(`${text}\n${e.stack ?? ''}`)
      })
      await page.exposeBinding('__casefileInvoke', (_source, channel: unknown, input: unknown) =>
        backend.dispatch(channel, input),
      )
      await page.exposeBinding(
        '__casefileReport',
        (_source, v: { directive: string; blockedURI: string; source: string }) => {
          const text = `CSP violation: ${v.directive} blocked ${v.blockedURI || 'inline'} at ${v.source}`
          if (!isAllowed(text) && !cspViolations.includes(text)) cspViolations.push(text)
        },
      )
      await page.addInitScript(installBridge, { channels: backend.channels, events: backend.events })
      await serveRenderer(page, backend)

      const app: CasefileApp = {
        page,
        origin: ORIGIN,
        userDataDir,
        workspaceDir,
        session: backend.session,
        services: () => backend.session.current(),
        dispatch: (channel, input) => backend.dispatch(channel, input) as never,
        async open(hash = '') {
          // Going to the URL the page is on only changes the fragment (no new document); reload then, so
          // every open() starts the window afresh from what the workspace holds.
          const url = `${ORIGIN}/index.html${hash}`
          if (page.url() === url) await page.reload()
          else await page.goto(url)
          // .shell[data-ready]: the workspace info is shown and the app listens for pushes (app.emit);
          // .lock-screen[data-ready]: the workspace is locked (encrypted, waiting for its passphrase).
          await expect(page.locator('.shell[data-ready], .lock-screen[data-ready], .fatal')).toBeVisible()
        },
        async emit(event, payload = {}) {
          await page.evaluate(pushInPage, [event, payload] as const)
        },
        setNextFolder: (path) => void backend.next.folders.push(path),
        setNextFiles: (paths) => void backend.next.files.push(paths),
        setNextSavePath: (path) => void backend.next.savePaths.push(path),
        dialogs: backend.dialogs,
        openedUrls: backend.openedUrls,
        openedPaths: backend.openedPaths,
        readWorkspaceJson: async (rel) => JSON.parse(await readFile(join(backend.session.current().root, rel), 'utf8')),
        consoleErrors,
        pageErrors,
        cspViolations,
        allowErrors: (pattern) => void allowed.push(pattern),
      }

      try {
        await use(app)
      } finally {
        await page.close().catch(() => undefined)
        await backend.close().catch(() => undefined)
        const failed = testInfo.status !== testInfo.expectedStatus
        if (failed) {
          await testInfo.attach('temp folders', { body: `userData: ${userDataDir}\nworkspace: ${workspaceDir}` })
        } else {
          await rm(userDataDir, { recursive: true, force: true })
          await rm(resolve(workspaceDir, '..'), { recursive: true, force: true })
        }
        if (consoleErrors.length) await testInfo.attach('console errors', { body: consoleErrors.join('\n') })
      }
      const problems = [...cspViolations, ...pageErrors]
      if (problems.length) throw new Error(`The page reported ${problems.length} problem(s):\n${problems.join('\n')}`)
    },
    // Its own time: loading src/main through tsx and installing the demo take a minute on busy cores.
    { timeout: 300_000 },
  ],
})

export { expect }
