/**
 * The window glue run against the Electron stand-in (tests/helpers/fakeElectron.ts):
 * what the BrowserWindow is built with, what it lets the page do, and what the
 * session answers. The code under test is the real window.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, FakeBrowserWindow, resetFakeElectron } from '../helpers/fakeElectron'
import { contentSecurityPolicy } from '@main/csp'
import {
  createMainWindow,
  devServerUrl,
  hardenSession,
  isTrustedFrame,
  openExternalSafely,
  rendererOrigin,
} from '@main/window'

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electron)

const DEV = 'http://localhost:5173/'
const resourcesPath = (process as { resourcesPath?: string }).resourcesPath

beforeEach(() => {
  resetFakeElectron()
  delete process.env['ELECTRON_RENDERER_URL']
})
afterEach(() => {
  delete process.env['ELECTRON_RENDERER_URL']
  ;(process as { resourcesPath?: string }).resourcesPath = resourcesPath
})

function packaged() {
  fake.app.isPackaged = true
  ;(process as { resourcesPath?: string }).resourcesPath = '/opt/Casefile/resources'
}

describe('the main window', () => {
  it('is built with every hardened web preference', () => {
    createMainWindow()
    const [win] = FakeBrowserWindow.created
    const prefs = win.options.webPreferences!
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    // Anything that would widen the page's reach stays at Electron's safe default (absent) or off.
    for (const key of [
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'additionalArguments',
    ])
      expect(prefs[key], key).toBeUndefined()
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(prefs.spellcheck).toBe(true)
    // Hidden until painted (no white flash), titled, with its menu bar and icon.
    expect(win.options).toMatchObject({ show: false, title: 'Casefile', autoHideMenuBar: false })
    expect(String(win.options.icon)).toMatch(/resources[\\/]icon\.png$/)
  })

  it('takes its icon from the resources folder of a packaged app', () => {
    packaged()
    createMainWindow()
    expect(FakeBrowserWindow.created[0].options.icon).toBe('/opt/Casefile/resources/icon.png')
  })

  it('loads the built renderer from app:// and is shown only when ready', () => {
    createMainWindow()
    const [win] = FakeBrowserWindow.created
    expect(win.webContents.loaded).toEqual(['app://casefile/index.html'])
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)
  })

  it('denies navigation away from the app, every new window and every webview', () => {
    createMainWindow()
    const wc = FakeBrowserWindow.created[0].webContents
    expect(wc.navigate('app://casefile/index.html#/case/x')).toBe(true)
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,<script>1</script>',
      'javascript:alert(1)',
      'app://other/index.html',
      'casefile-blob://blob/' + 'a'.repeat(64),
      'not a url',
    ])
      expect(wc.navigate(url), url).toBe(false)
    for (const url of ['https://example.org/', 'app://casefile/index.html', 'about:blank'])
      expect(wc.open(url), url).toBe('deny')
    expect(wc.attachWebview()).toBe(false)
  })

  it('uses the dev server only in a development run', () => {
    process.env['ELECTRON_RENDERER_URL'] = DEV
    expect(devServerUrl()).toBe(DEV)
    expect(rendererOrigin()).toBe('http://localhost:5173')
    createMainWindow()
    expect(FakeBrowserWindow.created[0].webContents.loaded).toEqual([DEV])
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app: that page would get the IPC bridge', async () => {
    packaged()
    process.env['ELECTRON_RENDERER_URL'] = 'https://evil.example/'
    expect(devServerUrl()).toBeUndefined()
    expect(rendererOrigin()).toBe('app://casefile')
    createMainWindow()
    const wc = FakeBrowserWindow.created[0].webContents
    expect(wc.loaded).toEqual(['app://casefile/index.html'])
    expect(wc.navigate('https://evil.example/')).toBe(false)
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null } as never)).toBe(false)
    hardenSession()
    const headers = await fake.session.defaultSession.receive({ url: 'app://casefile/index.html', responseHeaders: {} })
    expect(headers!['Content-Security-Policy']).toEqual([contentSecurityPolicy()])
  })
})

describe('the session', () => {
  it('denies every permission request and check', async () => {
    hardenSession()
    const ses = fake.session.defaultSession
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid'])
      expect(await ses.askPermission(p), p).toBe(false)
    for (const p of ['media', 'clipboard-sanitized-write', 'usb']) expect(ses.checkPermission(p), p).toBe(false)
  })

  it('puts the CSP on every response, replacing any the response brought', async () => {
    hardenSession()
    const ses = fake.session.defaultSession
    const responses: { url: string; responseHeaders?: Record<string, string[]> }[] = [
      { url: 'app://casefile/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      { url: 'app://casefile/assets/x.js' },
      {
        url: 'casefile-blob://blob/' + 'a'.repeat(64),
        responseHeaders: { 'Content-Security-Policy': ['default-src *'] },
      },
      { url: 'https://evil.example/', responseHeaders: { 'content-type': ['text/html'] } },
    ]
    for (const details of responses) {
      const headers = await ses.receive(details)
      expect(headers!['Content-Security-Policy'], details.url).toEqual([contentSecurityPolicy()])
      if (details.responseHeaders?.['Content-Type']) expect(headers!['Content-Type']).toEqual(['text/html'])
    }
  })

  it('serves the dev policy (inline preamble, ws:) only in a development run', async () => {
    process.env['ELECTRON_RENDERER_URL'] = DEV
    hardenSession()
    const headers = await fake.session.defaultSession.receive({ url: DEV, responseHeaders: {} })
    expect(headers!['Content-Security-Policy']).toEqual([contentSecurityPolicy({ dev: true })])
  })
})

describe('the IPC sender check', () => {
  it('trusts only the top frame of the app origin', () => {
    const top = { url: 'app://casefile/index.html#/case/1', parent: null }
    expect(isTrustedFrame(top as never)).toBe(true)
    expect(isTrustedFrame({ url: 'app://casefile/index.html', parent: top } as never)).toBe(false)
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null } as never)).toBe(false)
    expect(isTrustedFrame({ url: 'file:///tmp/index.html', parent: null } as never)).toBe(false)
    expect(isTrustedFrame(null)).toBe(false)
  })
})

describe('external links', () => {
  it('open in the system browser for http(s) only', async () => {
    await openExternalSafely('https://example.org/a')
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://casefile/'])
      await expect(openExternalSafely(url), url).rejects.toThrow()
    expect(fake.shell.opened).toEqual(['https://example.org/a'])
  })
})
