import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'
import { MENU_COMMANDS, WINDOW_HANDLES, type MenuCommand } from '@shared/ipc/events'

export interface MenuActions {
  openWorkspace(): void
  openRecent(path: string): void
  command(name: MenuCommand): void
}

/** A menu item that sends its command to the window. */
const item = (
  name: MenuCommand,
  actions: MenuActions,
  when: () => boolean = () => true,
): MenuItemConstructorOptions => ({
  label: MENU_COMMANDS[name].label,
  accelerator: MENU_COMMANDS[name].accelerator,
  registerAccelerator: !WINDOW_HANDLES.includes(name),
  click: () => when() && actions.command(name),
})

export function buildMenu(getWindow: () => BrowserWindow | null, recent: string[], actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('new-case', actions),
        { type: 'separator' },
        item('settings', actions),
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
        item('search', actions),
        item('trash', actions),
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
      submenu: [item('shortcuts', actions), { type: 'separator' }, item('about', actions, () => !!getWindow())],
    },
  ]
  return Menu.buildFromTemplate(template)
}
