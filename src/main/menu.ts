import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'
import type { Language } from '@shared/domain'
import { say } from '@shared/i18n'
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
  lang: Language,
  when: () => boolean = () => true,
): MenuItemConstructorOptions => ({
  label: say(lang, `errRecords:menu.${name}`),
  accelerator: MENU_COMMANDS[name].accelerator,
  registerAccelerator: !WINDOW_HANDLES.includes(name),
  click: () => when() && actions.command(name),
})

/** The application menu in `lang` (the window's language; the roles are worded by the OS). */
export function buildMenu(
  getWindow: () => BrowserWindow | null,
  recent: string[],
  actions: MenuActions,
  lang: Language = 'en',
): Menu {
  const isMac = process.platform === 'darwin'
  const w = (key: 'file' | 'view' | 'openWorkspace' | 'openRecent' | 'noRecent') => say(lang, `errRecords:menu.${key}`)
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: w('file'),
      submenu: [
        item('new-case', actions, lang),
        { type: 'separator' },
        item('settings', actions, lang),
        { type: 'separator' },
        { label: w('openWorkspace'), accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
        {
          label: w('openRecent'),
          submenu: recent.length
            ? recent.map((path) => ({ label: `${basename(path)} — ${path}`, click: () => actions.openRecent(path) }))
            : [{ label: w('noRecent'), enabled: false }],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: w('view'),
      submenu: [
        item('search', actions, lang),
        item('trash', actions, lang),
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
      submenu: [
        item('shortcuts', actions, lang),
        { type: 'separator' },
        item('about', actions, lang, () => !!getWindow()),
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
