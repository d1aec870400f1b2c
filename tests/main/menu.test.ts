/** menu.ts against the Electron stand-in: commands reach the window, and a packaged app has no developer tools. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron } from '../helpers/fakeElectron'
import { buildMenu, type MenuActions } from '@main/menu'

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electron)
beforeEach(() => resetFakeElectron())

interface Item {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  enabled?: boolean
  click?: () => void
  submenu?: Item[]
}
const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])])

function menu(hasWindow: boolean, recent: string[] = []) {
  const calls: string[] = []
  const actions: MenuActions = {
    openWorkspace: () => calls.push('open'),
    openRecent: (p) => calls.push(`recent:${p}`),
    command: (n) => calls.push(`command:${n}`),
  }
  const built = buildMenu(() => (hasWindow ? ({} as never) : null), recent, actions) as unknown as { items: Item[] }
  return { items: flat(built.items), calls }
}

/** The menu as names: a role, a separator, or a label with its shortcut; submenus nested. */
type Skeleton = string | [string, Skeleton[]]
const skeleton = (items: Item[]): Skeleton[] =>
  items.map((i) => {
    const name = i.role ?? (i.type === 'separator' ? '---' : `${i.label}${i.accelerator ? ` (${i.accelerator})` : ''}`)
    return i.submenu ? [name, skeleton(i.submenu)] : name
  })

function withPlatform<T>(platform: string, fn: () => T): T {
  const was = Object.getOwnPropertyDescriptor(process, 'platform')!
  Object.defineProperty(process, 'platform', { value: platform })
  try {
    return fn()
  } finally {
    Object.defineProperty(process, 'platform', was)
  }
}

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, with the standard roles and shortcuts', () => {
    const built = (platform: string) =>
      withPlatform(platform, () => {
        const actions = { openWorkspace: () => undefined, openRecent: () => undefined, command: () => undefined }
        return skeleton((buildMenu(() => null, ['/w/a'], actions) as unknown as { items: Item[] }).items)
      })
    const view: Skeleton = [
      '&View',
      [
        'Search (CmdOrCtrl+K)',
        'Trash',
        '---',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        '---',
        'togglefullscreen',
        'toggleDevTools',
      ],
    ]
    const file = (last: string): Skeleton => [
      '&File',
      [
        'New Case (CmdOrCtrl+N)',
        '---',
        'Settings… (CmdOrCtrl+,)',
        '---',
        'Open Workspace… (CmdOrCtrl+O)',
        ['Open Recent', ['a — /w/a']],
        '---',
        last,
      ],
    ]
    const rest: Skeleton[] = ['windowMenu', ['help', ['Keyboard Shortcuts (?)', '---', 'About Casefile']]]
    expect(built('linux')).toEqual([file('quit'), 'editMenu', view, ...rest])
    expect(built('win32')).toEqual([file('quit'), 'editMenu', view, ...rest])
    // macOS: the app menu first, and File closes the window rather than quitting.
    expect(built('darwin')).toEqual(['appMenu', file('close'), 'editMenu', view, ...rest])
  })

  it('offers developer tools only in a development run', () => {
    expect(menu(true).items.some((i) => i.role === 'toggleDevTools')).toBe(true)
    fake.app.isPackaged = true
    expect(menu(true).items.some((i) => i.role === 'toggleDevTools')).toBe(false)
    const view = menu(true).items.find((i) => i.label === '&View')!
    expect(view.submenu!.map((i) => i.role ?? i.type ?? i.label)).toEqual([
      'Search',
      'Trash',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ])
  })

  it('sends its commands to the window, About only when there is one', () => {
    const { items, calls } = menu(true, ['/work/a'])
    for (const label of ['New Case', 'Search', 'About Casefile', 'Open Workspace…', 'a — /work/a'])
      items.find((i) => i.label === label)!.click!()
    expect(calls).toEqual(['command:new-case', 'command:search', 'command:about', 'open', 'recent:/work/a'])
    const none = menu(false)
    none.items.find((i) => i.label === 'About Casefile')!.click!()
    expect(none.calls).toEqual([])
    expect(none.items.find((i) => i.label === 'No recent workspaces')?.enabled).toBe(false)
  })
})

describe('the application menu in Spanish', () => {
  it("is labelled in the window's language, shortcuts and roles unchanged", () => {
    const actions = { openWorkspace: () => undefined, openRecent: () => undefined, command: () => undefined }
    const items = flat((buildMenu(() => null, [], actions, 'es') as unknown as { items: Item[] }).items)
    const labels = items.map((i) => i.label).filter(Boolean)
    expect(labels).toEqual(
      expect.arrayContaining([
        '&Archivo',
        'Nuevo expediente',
        'Configuración…',
        'Abrir espacio de trabajo…',
        'Abrir reciente',
        'No hay espacios de trabajo recientes',
        '&Ver',
        'Buscar',
        'Papelera',
        'Atajos de teclado',
        'Acerca de Casefile',
      ]),
    )
    expect(items.find((i) => i.label === 'Nuevo expediente')?.accelerator).toBe('CmdOrCtrl+N')
    expect(labels.some((l) => /New Case|Open Recent|Search/.test(l!))).toBe(false)
  })
})
