import { languageOf, say } from '@shared/i18n'
import { appError } from '@shared/i18n/appError'
import { app, BrowserWindow, dialog, Menu, safeStorage, shell } from 'electron'
import { extname, join } from 'node:path'
import { registerIpc } from './ipc/register'
import { buildMenu } from './menu'
import { handleProtocols, registerSchemes } from './protocol'
import { osKeyStoreOf } from './rememberedKeys'
import { AppSession, type Platform } from './session'
import { BLOB_URL_PREFIX } from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import { createMainWindow, hardenSession, isTrustedFrame, openExternalSafely } from './window'

// Lifecycle only: everything else lives in services that run without Electron too.

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerSchemes()
  // The OS secure store answers only once the app is ready (and on Linux only with a real secret service).
  const session = new AppSession(app.getPath('userData'), {}, () => (app.isReady() ? osKeyStoreOf(safeStorage) : null))
  session.systemLanguage = languageOf(app.getLocale())
  let win: BrowserWindow | null = null

  const platform: Platform = {
    blobUrlBase: BLOB_URL_PREFIX,
    // Each native dialog holds the idle lock off while it is open (session.whileAsking).
    async chooseFolder(title) {
      const result = await session.whileAsking(() =>
        dialog.showOpenDialog(win ?? undefined!, { title, properties: ['openDirectory', 'createDirectory'] }),
      )
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    openExternal: openExternalSafely,
    async chooseFiles(title) {
      const result = await session.whileAsking(() =>
        dialog.showOpenDialog(win ?? undefined!, { title, properties: ['openFile', 'multiSelections'] }),
      )
      return result.canceled || !result.filePaths.length ? null : result.filePaths
    },
    async chooseSavePath(title, defaultName) {
      // The filter follows the file offered: .pdf, .docx, .csv, .json, .casefile.
      const ext = extname(defaultName).slice(1).toLowerCase() || 'pdf'
      const result = await session.whileAsking(() =>
        dialog.showSaveDialog(win ?? undefined!, {
          title,
          defaultPath: join(app.getPath('documents'), defaultName),
          filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
        }),
      )
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async openPath(path) {
      // shell.openPath resolves to an error message rather than rejecting.
      const failure = await shell.openPath(path)
      if (failure) throw appError('IO', 'errStorage:couldOpen', { path, failure })
    },
    emit(event, payload) {
      win?.webContents.send(event, payload)
    },
    notifyWorkspaceChanged() {
      refreshMenu()
      win?.webContents.send('workspace:changed', {})
    },
  }

  // The idle lock (kept in the user's settings) may fire before the window sets it again: the window shows its lock screen.
  session.onIdleLocked = () => platform.notifyWorkspaceChanged()

  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(
        () => win,
        session.recent,
        {
          openWorkspace: async () => {
            const folder = await platform.chooseFolder(say(session.language(), 'errRecords:dialog.openWorkspace'))
            if (folder) await switchTo(folder)
          },
          openRecent: (path) => void switchTo(path),
          command: (name) => win?.webContents.send('menu:command', { name }),
        },
        session.language(),
      ),
    )
  // A language chosen in Settings relabels the menu at once.
  session.onPreferencesChanged = () => refreshMenu()

  async function switchTo(folder: string) {
    try {
      await session.open(folder)
      platform.notifyWorkspaceChanged()
    } catch (e) {
      // An encrypted workspace waits for its passphrase: the window shows its lock screen for it.
      if ((await session.encryptionStatus()).locked) platform.notifyWorkspaceChanged()
      else dialog.showErrorBox('Could not open the workspace', messageOf(e))
    }
  }

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  app.whenReady().then(async () => {
    hardenSession()
    try {
      await session.openInitial()
    } catch (e) {
      // An encrypted workspace waits for its passphrase (workspace:unlock); anything else opens read-only.
      if (!(await session.encryptionStatus()).locked) {
        const locked = e instanceof AppError && e.code === 'LOCKED'
        dialog.showErrorBox(
          locked ? 'Workspace in use' : 'Could not open the workspace',
          `${messageOf(e)}\n\nCasefile will open the workspace read-only.`,
        )
        await session.openReadOnly(session.initialRoot)
      }
    }
    handleProtocols(join(__dirname, '../renderer'), session)
    // services is read only by the handlers that need an open workspace: lock and unlock work without one.
    registerIpc(
      () => ({
        get services() {
          return session.current()
        },
        session,
        platform,
      }),
      isTrustedFrame,
    )
    refreshMenu()
    win = createMainWindow()
    win.on('closed', () => (win = null))
  })

  app.on('window-all-closed', async () => {
    await session.close()
    app.quit()
  })
}
