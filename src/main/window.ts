import { app, BrowserWindow, session, shell, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import { APP_SCHEME, contentSecurityPolicy, isTrustedSender, originOf } from './csp'
import { assertWebLink } from './externalLinks'

/**
 * electron-vite's dev server, only in a development run. A packaged app never
 * reads ELECTRON_RENDERER_URL: whoever sets it would have any page they name
 * loaded with the IPC bridge. Read at each call, so tests can vary it.
 */
export function devServerUrl(): string | undefined {
  if (app.isPackaged) return undefined
  return process.env['ELECTRON_RENDERER_URL'] || undefined
}

export function rendererOrigin(): string {
  const dev = devServerUrl()
  return dev ? (originOf(dev) ?? dev) : `${APP_SCHEME}://casefile`
}

/** Only the top frame of our own renderer may call IPC. */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return isTrustedSender(frame && { url: frame.url, isTopFrame: !frame.parent }, rendererOrigin())
}

/** http(s) links open in the system browser, and only these. */
export async function openExternalSafely(url: string): Promise<void> {
  await shell.openExternal(assertWebLink(url))
}

export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy({ dev: !!devServerUrl() })],
      },
    })
  })
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Casefile',
    icon: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(__dirname, '../../resources/icon.png'),
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  })

  win.once('ready-to-show', () => win.show())
  // No navigation away from the app and no new windows; links go to the system browser only on a click.
  win.webContents.on('will-navigate', (event, url) => {
    if (originOf(url) !== rendererOrigin()) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))

  const dev = devServerUrl()
  void win.loadURL(dev ?? `${APP_SCHEME}://casefile/index.html`)
  return win
}
