import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppSession } from '@main/session'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()

describe('AppSession', () => {
  it('on first run opens the default workspace with the demo case', async () => {
    const userData = await tempDir()
    const session = new AppSession(userData)
    try {
      const s = await session.openInitial()
      expect(s.root).toBe(join(userData, 'Workspace'))
      expect((await s.cases.list()).map((c) => c.reference)).toEqual(['ECU-USA-2026-001'])
    } finally {
      await session.close()
    }
  })

  it('remembers the last workspace and keeps a recent list', async () => {
    const userData = await tempDir()
    const other = await tempDir()
    const first = new AppSession(userData)
    await first.openInitial()
    await first.open(other)
    expect(first.recent[0]).toBe(other)
    await first.close()
    const settings = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))
    expect(settings.lastWorkspace).toBe(other)

    const second = new AppSession(userData)
    try {
      const s = await second.openInitial()
      expect(s.root).toBe(other)
      // A workspace opened by choice gets no demo case: only first run does.
      expect(await s.cases.list()).toEqual([])
    } finally {
      await second.close()
    }
  })
})
