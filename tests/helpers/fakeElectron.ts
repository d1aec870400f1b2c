/**
 * A stand-in for the part of Electron's main-process API that the window glue
 * (window.ts, protocol.ts, menu.ts, ipc/register.ts) uses, for Node tests on
 * machines without the Electron binary. It keeps Electron's calling
 * conventions (events with preventDefault, handler callbacks, ipcMain.handle
 * refusing a second handler for a channel) and records what the glue asked for,
 * so tests can play the browser's side: navigate, open a window, ask a
 * permission, send a response, invoke a channel from a frame.
 * Inject with: vi.mock('electron', async () => (await import('../../helpers/fakeElectron')).electron)
 */
import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/** Electron's event object for cancellable events (will-navigate and friends). */
export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}
const cancellable = (): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true
  },
})

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export class FakeWebContents extends EventEmitter {
  readonly loaded: string[] = []
  readonly sent: { channel: string; payload: unknown }[] = []
  windowOpenHandler: WindowOpenHandler | null = null
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  /** What Chromium does before leaving the page: true when the app let it go. */
  navigate(url: string, event = 'will-navigate'): boolean {
    const e = cancellable()
    this.emit(event, e, url)
    return !e.defaultPrevented
  }
  /** window.open or a target=_blank link: Electron allows it when no handler is set. */
  open(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }).action : 'allow'
  }
  /** A <webview> about to attach: true when the app let it. */
  attachWebview(): boolean {
    const e = cancellable()
    this.emit('will-attach-webview', e, {}, {})
    return !e.defaultPrevented
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  visible = false
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super()
    FakeBrowserWindow.created.push(this)
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  show(): void {
    this.visible = true
  }
}

type PermissionRequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean
interface HeadersDetails {
  url: string
  responseHeaders?: Record<string, string[]>
}
type HeadersListener = (
  details: HeadersDetails,
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void

const defaultSession = {
  permissionRequest: null as PermissionRequestHandler | null,
  permissionCheck: null as PermissionCheckHandler | null,
  headersListener: null as HeadersListener | null,
  setPermissionRequestHandler(h: PermissionRequestHandler) {
    this.permissionRequest = h
  },
  setPermissionCheckHandler(h: PermissionCheckHandler) {
    this.permissionCheck = h
  },
  webRequest: {
    onHeadersReceived(listener: HeadersListener) {
      defaultSession.headersListener = listener
    },
  },
  /** A page asks for a permission: what the app answers (Electron grants everything without a handler). */
  askPermission(permission: string): Promise<boolean> {
    const h = this.permissionRequest
    if (!h) return Promise.resolve(true)
    return new Promise((resolve) => h({}, permission, resolve, { requestingUrl: 'app://casefile/' }))
  },
  checkPermission(permission: string): boolean {
    return this.permissionCheck ? this.permissionCheck({}, permission, 'app://casefile', {}) : true
  },
  /** A response arrives: the headers the page will see. */
  receive(details: HeadersDetails): Promise<Record<string, string[]> | undefined> {
    const l = this.headersListener
    if (!l) return Promise.resolve(details.responseHeaders)
    return new Promise((resolve) => l(details, (r) => resolve(r.responseHeaders ?? details.responseHeaders)))
  },
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>
const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    this.privileged.push(...schemes)
  },
  handle(scheme: string, handler: ProtocolHandler) {
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`)
    this.handlers.set(scheme, handler)
  },
  /** The page requests a URL of a handled scheme. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1))
    if (!handler) throw new Error(`no handler for ${url}`)
    return handler(new Request(url, init))
  },
}

/** net.fetch of a file: URL reads the file (following links, as Chromium does). */
const net = {
  async fetch(url: string): Promise<Response> {
    if (!url.startsWith('file:')) throw new Error(`the stand-in fetches only file: URLs, not ${url}`)
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'Content-Type': 'text/html' } })
    } catch {
      return new Response('', { status: 404 })
    }
  },
}

interface IpcEvent {
  senderFrame: FakeFrame | null
}
type IpcHandler = (event: IpcEvent, ...args: unknown[]) => unknown
const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle(channel: string, handler: IpcHandler) {
    // Electron throws on a second handler for a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  },
  /** ipcRenderer.invoke from a frame; rejects like Electron when nothing handles the channel. */
  async invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel)
    if (!h) throw new Error(`No handler registered for '${channel}'`)
    return h({ senderFrame: frame }, ...args)
  },
}

const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url)
  },
}

const app = {
  isPackaged: false,
  getPath: (name: string) => `/tmp/fake-electron/${name}`,
}

const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ items: template }),
}

export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession },
  protocol,
  net,
  ipcMain,
  shell,
  Menu,
}
export const fake = electron

/** A clean stand-in for each test. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.created = []
  defaultSession.permissionRequest = null
  defaultSession.permissionCheck = null
  defaultSession.headersListener = null
  protocol.privileged = []
  protocol.handlers.clear()
  ipcMain.handlers.clear()
  shell.opened = []
  app.isPackaged = false
}
