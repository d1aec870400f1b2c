/**
 * Screenshots of the main screens for a person to look at, not assertions:
 *   CASEFILE_SHOTS=/tmp/shots npx playwright test tests/e2e/screenshots.spec.ts
 * playwright.config.ts ignores this file unless CASEFILE_SHOTS names a folder.
 */
import { join } from 'node:path'
import { test, expect } from './fixtures'

const dir = process.env.CASEFILE_SHOTS
const CASE = 'case_ecu_mpls_2026'

test.describe('screenshots', () => {
  test.skip(!dir, 'set CASEFILE_SHOTS=/folder to take screenshots')

  test('main screens', async ({ app }) => {
    const { page } = app
    const shot = (name: string) => page.screenshot({ path: join(dir!, `${name}.png`) })
    await app.open()
    await expect(page.getByText('ECU-USA-2026-001')).toBeVisible()
    await shot('01-case-list')

    await app.open(`#/case/${CASE}/overview`)
    await expect(page.getByLabel('Summary')).toBeVisible()
    await shot('02-overview')

    await app.open(`#/case/${CASE}/actors`)
    await expect(page.getByRole('table')).toBeVisible()
    await shot('03-actors')
    await page.getByRole('button', { name: /^Edit ICE officer/ }).click()
    await shot('03b-actor-editing')

    await app.open(`#/case/${CASE}/timeline`)
    await expect(page.locator('.event').first()).toBeVisible()
    await shot('04-timeline')
    await page.getByRole('button', { name: 'Add event' }).click()
    await page.getByRole('button', { name: 'Add event' }).last().click()
    await shot('05-event-form-errors')
    await page.keyboard.press('Escape')

    await app.open(`#/case/${CASE}/overview`)
    await page.getByLabel('Title').fill('')
    await page.getByLabel('Title').blur()
    await expect(page.getByText(/Save failed/)).toBeVisible()
    await shot('06-overview-save-failed')

    await page.getByRole('button', { name: 'New case' }).first().click()
    await shot('07-new-case-dialog')
    await page.keyboard.press('Escape')

    await app.emit('menu:command', { name: 'about' })
    await shot('07b-about')
    await page.keyboard.press('Escape')

    await page.keyboard.press('Control+k')
    await shot('08-search')
    await page.keyboard.press('Escape')

    await app.open(`#/case/${CASE}/evidence`)
    await shot('09-evidence')
    await page.getByRole('tab', { name: 'Details & verification' }).click()
    await page.getByLabel('Dates below are in').selectOption('America/Chicago')
    await page.getByLabel('Event date').scrollIntoViewIfNeeded()
    await shot('09b-evidence-details-zone')
  })

  test('read-only workspace', async ({ app }) => {
    // What a second instance sees: the first holds the lock.
    await app.session.openReadOnly(app.workspaceDir)
    await app.open(`#/case/${CASE}/timeline`)
    await expect(app.page.getByText('Read-only.')).toBeVisible()
    await app.page.screenshot({ path: join(dir!, '11-read-only.png') })
  })

  test('a damaged case file', async ({ app }) => {
    const { writeFile } = await import('node:fs/promises')
    // Damage the file while the workspace is closed, as a crash or a sync tool would.
    await app.session.close()
    await writeFile(join(app.workspaceDir, 'cases', CASE, 'case.json'), '{ "schemaVersion": 1, "case": { broken')
    await app.session.open(app.workspaceDir)
    app.allowErrors(/./)
    await app.open(`#/case/${CASE}/overview`)
    await app.page.waitForTimeout(500)
    await app.page.screenshot({ path: join(dir!, '12-damaged-case.png') })
    await app.open()
    await app.page.waitForTimeout(300)
    await app.page.screenshot({ path: join(dir!, '13-damaged-list.png') })
  })

  test.describe('empty workspace', () => {
    test.use({ workspace: 'empty' })
    test('empty states', async ({ app }) => {
      await app.open()
      await expect(app.page.getByText('No cases yet')).toBeVisible()
      await app.page.screenshot({ path: join(dir!, '10-empty-workspace.png') })
    })
  })
})
