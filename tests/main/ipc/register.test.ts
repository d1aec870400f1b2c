/**
 * ipc/register.ts against the Electron stand-in's ipcMain, with the window's
 * real sender check and the real handlers on a temp workspace: a foreign frame
 * gets FORBIDDEN on every channel and its request never reaches a service.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron, type FakeFrame } from '../../helpers/fakeElectron'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'
import { registerIpc } from '@main/ipc/register'
import type { HandlerContext } from '@main/ipc/types'
import { isTrustedFrame } from '@main/window'
import { CHANNELS } from '@shared/ipc/contract'

vi.mock('electron', async () => (await import('../../helpers/fakeElectron')).electron)

const tempDir = useTempDirs()
beforeEach(() => resetFakeElectron())

const top: FakeFrame = { url: 'app://casefile/index.html#/cases', parent: null }
const FOREIGN: [string, FakeFrame | null][] = [
  ['another origin', { url: 'https://evil.example/', parent: null }],
  ['a subframe of our page', { url: 'app://casefile/index.html', parent: top }],
  ['a file: page', { url: 'file:///tmp/index.html', parent: null }],
  ['the dev server in a build', { url: 'http://localhost:5173/', parent: null }],
  ['a destroyed frame', null],
]

async function setup() {
  const workspace = await tempDir()
  const h = await ipcHarness({ userData: await tempDir(), workspace })
  let contexts = 0
  const context = (): HandlerContext => {
    contexts++
    return { services: h.session.current(), session: h.session, platform: {} as HandlerContext['platform'] }
  }
  const unregister = registerIpc(context, isTrustedFrame as never)
  return { ...h, workspace, unregister, contexts: () => contexts }
}

describe('IPC registration', () => {
  it('registers every channel of the contract, and removes them all again', async () => {
    const { session, unregister } = await setup()
    try {
      expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
      unregister()
      expect(fake.ipcMain.handlers.size).toBe(0)
      await expect(fake.ipcMain.invoke('cases:list', top, {})).rejects.toThrow(/No handler/)
    } finally {
      await session.close()
    }
  })

  it('serves the top frame of the app', async () => {
    const { session, unregister } = await setup()
    try {
      const created = await fake.ipcMain.invoke('cases:create', top, { title: 'From the window' })
      expect(created).toMatchObject({ ok: true, value: { title: 'From the window' } })
      expect(await fake.ipcMain.invoke('cases:list', top, {})).toMatchObject({
        ok: true,
        value: [{ title: 'From the window' }],
      })
      // Invalid input from the right frame is the dispatcher's to refuse, as a Result.
      expect(await fake.ipcMain.invoke('cases:create', top, { title: 42 })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    } finally {
      unregister()
      await session.close()
    }
  })

  it.each(FOREIGN)('refuses %s on every channel before any service is reached', async (_what, frame) => {
    const { session, unregister, workspace, contexts } = await setup()
    try {
      const before = (await readdir(join(workspace, 'cases')).catch(() => [])).length
      for (const channel of CHANNELS) {
        const r = await fake.ipcMain.invoke(channel, frame, { title: 'Forged', caseId: 'x' })
        expect(r, channel).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This request did not come from the Casefile window.' },
        })
      }
      expect(contexts()).toBe(0)
      expect((await readdir(join(workspace, 'cases')).catch(() => [])).length).toBe(before)
    } finally {
      unregister()
      await session.close()
    }
  })
})
