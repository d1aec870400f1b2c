/**
 * The real app in Electron, where an Electron runtime exists. Availability is
 * read from node_modules/electron/path.txt and dist/ (what the electron package's
 * own index.js does) so that nothing here ever triggers the runtime download.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const main = join(ROOT, 'out/main/index.js')

const NO_BINARY = 'skipped: no Electron binary on this machine (node_modules/electron has not downloaded its runtime)'
const NO_BUILD = 'skipped: out/main/index.js is missing; run `npx electron-vite build` first'

test.describe('Electron app', () => {
  test('starts with the demo workspace and shows the demo case', async () => {
    // Said on stdout too, so a plain test log shows why nothing ran.
    const reason = !binary ? NO_BINARY : !existsSync(main) ? NO_BUILD : null
    if (reason) console.log(reason)
    test.skip(!!reason, reason ?? '')
    const userData = await mkdtemp(join(tmpdir(), 'casefile-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [main, `--user-data-dir=${userData}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    })
    try {
      const window = await app.firstWindow()
      await expect(window.locator('.shell')).toBeVisible()
      await expect(window.getByRole('navigation', { name: 'Cases' })).toContainText('ECU-USA-2026-001')
      // The preload's bridge, not a test stand-in, answers.
      const channels = await window.evaluate(
        () => Object.keys((globalThis as unknown as { casefile: { api: object } }).casefile.api).length,
      )
      expect(channels).toBeGreaterThan(0)
    } finally {
      await app.close()
      await rm(userData, { recursive: true, force: true })
    }
  })
})
