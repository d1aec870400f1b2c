/** menu.ts against the Electron stand-in: commands reach the window, and a packaged app has no developer tools. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron } from '../helpers/fakeElectron'
import { buildMenu, type MenuActions } from '@main/menu'

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electron)
beforeEach(() => resetFakeElectron())

interface Item {
  label?: string
  role?: string
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

describe('the application menu', () => {
  it('offers developer tools only in a development run', () => {
    expect(menu(true).items.some((i) => i.role === 'toggleDevTools')).toBe(true)
    fake.app.isPackaged = true
    expect(menu(true).items.some((i) => i.role === 'toggleDevTools')).toBe(false)
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
