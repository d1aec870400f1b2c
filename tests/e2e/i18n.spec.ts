/**
 * The window in its languages: every main screen of the case list, a case
 * (overview, actors, timeline, statutes), search, settings and trash shown in
 * the pseudo-language with nothing left untranslated; and Spanish switched on
 * from the settings screen, kept after a reload, and back to English.
 */
import { test, expect } from './fixtures'
import { expectAllTranslated, usePseudoLanguage } from './untranslated'

const CASE = 'case_ecu_mpls_2026'

test.describe('in the pseudo-language', () => {
  test.beforeEach(async ({ app }) => {
    await usePseudoLanguage(app.page)
  })

  test('the case list, a case and its tabs', async ({ app }) => {
    const { page } = app
    await app.open()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectAllTranslated(app)

    await app.open(`#/case/${CASE}/overview`)
    await expect(page.locator('#case-summary-input')).toBeVisible()
    await expectAllTranslated(app)

    await app.open(`#/case/${CASE}/actors`)
    await expect(page.getByRole('table')).toBeVisible()
    await expectAllTranslated(app)

    await app.open(`#/case/${CASE}/timeline`)
    await expect(page.locator('.event').first()).toBeVisible()
    await expectAllTranslated(app)

    await app.open(`#/case/${CASE}/statutes`)
    await expect(page.locator('.statute-row').first()).toBeVisible()
    await page.locator('.statute-row summary').first().click()
    await expectAllTranslated(app)
  })

  test('dialogs: new case, event, actor removal, statute form and import, shortcuts, about', async ({ app }) => {
    const { page } = app
    await app.open(`#/case/${CASE}/timeline`)
    await expect(page.locator('.event').first()).toBeVisible()

    await page.locator('.timeline .toolbar .button--primary').click()
    const form = page.getByRole('dialog')
    await form.locator('button[type=submit]').click()
    await expect(form.locator('.field-error').first()).toBeVisible()
    await expectAllTranslated(app)
    await page.keyboard.press('Escape')

    await page.locator('.event').first().locator('.button--link-danger').click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAllTranslated(app)
    await page.keyboard.press('Escape')

    await app.open(`#/case/${CASE}/statutes`)
    await page.locator('.statutes__bar .button--primary').click()
    await page.getByRole('dialog').locator('button[type=submit]').click()
    await expect(page.getByRole('dialog').locator('.field-error').first()).toBeVisible()
    await expectAllTranslated(app)
    await page.keyboard.press('Escape')

    await page.locator('.statutes__bar button:not(.button--primary)').click()
    await page
      .getByRole('dialog')
      .locator('textarea')
      .fill('Instrument: Test Convention\nArt. 1 — Scope\nIt applies.\n')
    await page.getByRole('dialog').locator('.form-actions button').nth(1).click()
    await expect(page.getByRole('dialog').locator('.import-preview')).toBeVisible()
    await expectAllTranslated(app, { data: ['Test Convention', 'Scope', 'It applies.'] })
    await page.keyboard.press('Escape')

    await page.locator('.sidebar__head .button--primary').click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAllTranslated(app)
    await page.keyboard.press('Escape')

    await page.locator('body').press('?')
    await expect(page.locator('.shortcut-sheet')).toBeVisible()
    await expectAllTranslated(app)
    await page.keyboard.press('Escape')

    await app.emit('menu:command', { name: 'about' })
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAllTranslated(app)
  })

  test('search, with results and filters', async ({ app }) => {
    const { page } = app
    await app.open()
    await page.keyboard.press('Control+k')
    const search = page.getByRole('dialog')
    await expectAllTranslated(app)
    await search.locator('input[type=search]').fill('consulate')
    await expect(search.locator('.search-hit').first()).toBeVisible()
    await expectAllTranslated(app)
    // A filter narrows the results; what it shows is translated too.
    await search.locator('select').first().selectOption('event')
    await expect(search.locator('.search-hit__kind--event').first()).toBeVisible()
    await expect(search.locator('.search-hit__kind:not(.search-hit__kind--event)')).toHaveCount(0)
    await expectAllTranslated(app)
  })

  test('settings and the trash', async ({ app }) => {
    const { page } = app
    await app.open('#/settings')
    await expect(page.locator('.settings__section').nth(2)).toBeVisible()
    await expectAllTranslated(app)

    await app.open('#/trash')
    await expect(page.locator('.trash .empty-state')).toBeVisible()
    await expectAllTranslated(app)
    await app.services().trashBin.removeCase(CASE)
    await app.open('#/trash')
    await expect(page.locator('.trash-table')).toBeVisible()
    await expectAllTranslated(app)
  })

  test('the bundles dialog, and an error from main worded in the window', async ({ app }) => {
    const { page } = app
    await app.open(`#/case/${CASE}/overview`)
    await page.locator('.sidebar button', { hasText: '⟦Bundles…⟧' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByText(/⟦This workspace signs with /)).toBeVisible()
    await expect(dialog.locator('.bundle-leave-out')).toBeVisible()
    await expectAllTranslated(app)
    // A fingerprint that is not one: main refuses it, and the window words main's error from the catalogue.
    await dialog.locator('.field input').fill('not-a-fingerprint')
    await dialog.locator('.field + button').click()
    await expect(dialog.getByRole('alert')).toBeVisible()
    await expectAllTranslated(app, { data: ['not-a-fingerprint'] })
  })

  test.describe('first run', () => {
    test.use({ userName: null })
    test('asks for the name', async ({ app }) => {
      await app.open()
      await expect(app.page.getByRole('dialog')).toBeVisible()
      await expectAllTranslated(app)
    })
  })
})

test('Spanish from the settings screen, kept after a reload, and back to English', async ({ app }) => {
  const { page } = app
  await app.open(`#/case/${CASE}/timeline`)
  await expect(page.getByRole('link', { name: /^Timeline/ })).toBeVisible()
  await expect(page.locator('.event').first()).toContainText('27 January 2026')

  await page.keyboard.press('Control+,')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused()
  await page.getByLabel('Language of the window').selectOption('es')
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  expect((await app.dispatch('preferences:get', {})).ok && app.session.preferences.language).toBe('es')

  await app.open(`#/case/${CASE}/timeline`)
  await expect(page.getByRole('link', { name: /^Cronología/ })).toBeVisible()
  await expect(page.locator('.event').first()).toContainText('27 de enero de 2026')
  await expect(page.getByText('Las horas se muestran en la zona donde ocurrió cada hecho.')).toBeVisible()

  await page.keyboard.press('Control+,')
  await page.getByLabel('Idioma de la ventana').selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
