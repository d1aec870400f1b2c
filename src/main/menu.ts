import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'

export interface MenuActions {
  openWorkspace(): void
  openRecent(path: string): void
  command(name: string): void
}

export function buildMenu(getWindow: () => BrowserWindow | null, recent: string[], actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Case', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-case') },
        { type: 'separator' },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((path) => ({ label: `${basename(path)} — ${path}`, click: () => actions.openRecent(path) }))
            : [{ label: 'No recent workspaces', enabled: false }],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Search', accelerator: 'CmdOrCtrl+K', click: () => actions.command('search') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'About Casefile', click: () => getWindow() && actions.command('about') }],
    },
  ]
  return Menu.buildFromTemplate(template)
}
