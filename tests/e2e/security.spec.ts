/**
 * Encryption at rest and the app lock in the window (issue #14), against the real handlers: encrypt from
 * the settings (recovery key shown once), lock (the page then holds no case text at all), a wrong
 * passphrase told apart, unlock back to the same route, the idle lock pushed from main, passphrase change,
 * the recovery key, decrypt; and both screens in the pseudo-language. Uses the app's full scrypt cost
 * (the session offers no other), so each unlock takes a moment: every wait is on a state.
 *
 * Screenshots for a person to look at: CASEFILE_SHOTS=/tmp/shots npx playwright test tests/e2e/security.spec.ts
 */
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, type CasefileApp } from './fixtures'
import { expectAllTranslated, usePseudoLanguage } from './untranslated'

const CASE = 'case_ecu_mpls_2026'
const FIRST = 'consular premises 1963'
const SECOND = 'inviolable door, Art. 31'

/** Every title and reference the workspace holds, read from main before anything is locked. */
async function caseTexts(app: CasefileApp): Promise<string[]> {
  const cases = await app.services().cases.list()
  expect(cases.length).toBeGreaterThan(0)
  return cases.flatMap((c) => [c.title, c.reference].filter((s): s is string => !!s))
}

/** The lock screen is all there is: no shell, and not one case title or reference anywhere in the DOM. */
async function expectLockedPage(page: Page, texts: string[]) {
  await expect(page.getByRole('heading', { name: 'Casefile is locked' })).toBeVisible()
  await expect(page.locator('.shell')).toHaveCount(0)
  const html = await page.content()
  for (const text of texts) expect(html, `the locked page still holds "${text}"`).not.toContain(text)
}

async function unlockWith(page: Page, passphrase: string) {
  const field = page.getByLabel('Passphrase', { exact: true })
  await field.fill(passphrase)
  await field.press('Enter')
}

test('encrypt from the settings, lock, a wrong passphrase, unlock back to the same screen', async ({ app }) => {
  const { page } = app
  const texts = await caseTexts(app)
  await app.open('#/settings')
  const section = page.getByRole('region', { name: 'Security' })
  await expect(section).toContainText('Not encrypted')

  // The form says what is wrong before main is asked.
  const submit = section.getByRole('button', { name: 'Encrypt this workspace' })
  await submit.click()
  await expect(section.getByText('Enter the passphrase.')).toBeVisible()
  await expect(section.getByLabel('Passphrase', { exact: true })).toBeFocused()
  await section.getByLabel('Passphrase', { exact: true }).fill('short')
  await submit.click()
  await expect(section.getByText('A passphrase needs at least 8 characters.')).toBeVisible()
  await section.getByLabel('Passphrase', { exact: true }).fill(FIRST)
  await section.getByLabel('Passphrase again').fill(`${FIRST}!`)
  await submit.click()
  await expect(section.getByText('The two passphrases do not match.')).toBeVisible()
  await expect(section.getByLabel('Passphrase again')).toBeFocused()
  await section.getByLabel('Passphrase again').fill(FIRST)
  await section.getByLabel('Passphrase again').press('Enter')

  // The recovery key, once; the dialog stays until the person says it is stored.
  const dialog = page.getByRole('dialog', { name: 'Your recovery key' })
  await expect(dialog).toBeVisible()
  const recoveryKey = (await dialog.getByTestId('recovery-key').innerText()).trim()
  expect(recoveryKey).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){12}$/)
  await dialog.getByRole('button', { name: 'Copy recovery key' }).click()
  // Headless Chromium may refuse the clipboard here; either way the person is told what happened.
  await expect(dialog.getByRole('status')).toHaveText(
    /^(Copied\.|Could not copy; select the key and copy it by hand\.)$/,
  )
  const done = dialog.getByRole('button', { name: 'Done' })
  await expect(done).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('I have stored it safely').check()
  await done.click()
  await expect(dialog).toBeHidden()
  await expect(section).toContainText('Encrypted')
  expect(await app.session.encryptionStatus()).toMatchObject({ encrypted: true, locked: false })

  // Lock: main drops the key, the window unmounts everything that showed a case.
  await section.getByRole('button', { name: 'Lock now' }).click()
  await expectLockedPage(page, texts)
  await expect(page).toHaveURL(/#\/settings$/)
  expect(await app.session.encryptionStatus()).toMatchObject({ locked: true })
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused()

  // An empty field and a wrong passphrase, each said plainly; the workspace stays locked.
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('alert')).toHaveText('Enter the passphrase.')
  await unlockWith(page, 'not the passphrase')
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase. The workspace stays locked')
  await expectLockedPage(page, texts)

  await unlockWith(page, FIRST)
  await expect(page.locator('.shell[data-ready]')).toBeVisible()
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(page.getByRole('region', { name: 'Security' })).toContainText('Encrypted')
  await expect(page.getByRole('navigation', { name: 'Cases' })).toContainText('ECU-USA-2026-001')
})

test('idle lock pushed from main, passphrase change, the recovery key, and decrypt back', async ({ app }) => {
  const { page } = app
  const texts = await caseTexts(app)
  const enc = await app.dispatch('workspace:encrypt', { passphrase: FIRST })
  if (!enc.ok) throw new Error(enc.error.message)
  const { recoveryKey } = enc.value

  // The idle lock fires in main (a short time here, set on the session); the window follows its push.
  await app.open(`#/case/${CASE}/timeline`)
  await expect(page.locator('.event').first()).toBeVisible()
  app.session.setIdleLock(300)
  await expectLockedPage(page, texts)
  app.session.setIdleLock(null)
  await unlockWith(page, FIRST)
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/timeline$`))
  await expect(page.locator('.event').first()).toBeVisible()

  // The idle choice goes to main and comes back in the status.
  await app.open('#/settings')
  const section = page.getByRole('region', { name: 'Security' })
  await section.getByLabel('Lock automatically').selectOption({ label: 'After 15 minutes without use' })
  await expect.poll(async () => (await app.session.encryptionStatus()).idleLockMinutes).toBe(15)
  await section.getByLabel('Lock automatically').selectOption({ label: 'Never' })
  await expect.poll(async () => (await app.session.encryptionStatus()).idleLockMinutes).toBeNull()

  // Change the passphrase: a wrong current one is said at its field; nothing changes.
  await section.getByRole('button', { name: 'Change passphrase…' }).click()
  const change = page.getByRole('dialog', { name: 'Change the passphrase' })
  await change.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(change.getByText('Enter the current passphrase.')).toBeVisible()
  await change.getByLabel('Current passphrase').fill('not the passphrase')
  await change.getByLabel('New passphrase', { exact: true }).fill(SECOND)
  await change.getByLabel('New passphrase again').fill(SECOND)
  await change.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(change.getByText('The current passphrase is wrong. Nothing was changed.')).toBeVisible()
  await change.getByLabel('Current passphrase').fill(FIRST)
  await change.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(change).toBeHidden()
  await expect(section.getByText(/The passphrase was changed/)).toBeVisible()

  // A new recovery key, only for the passphrase: a wrong one makes none; the new key is shown once.
  await section.getByRole('button', { name: 'New recovery key…' }).click()
  const renew = page.getByRole('dialog', { name: 'Make a new recovery key' })
  await expect(renew).toContainText('will stop working')
  await renew.getByRole('button', { name: 'Make a new recovery key' }).click()
  await expect(renew.getByRole('alert')).toHaveText('Enter the passphrase.')
  await renew.getByLabel('Passphrase', { exact: true }).fill(FIRST)
  await renew.getByRole('button', { name: 'Make a new recovery key' }).click()
  await expect(renew.getByRole('alert')).toContainText('No new recovery key was made')
  await renew.getByLabel('Passphrase', { exact: true }).fill(SECOND)
  await renew.getByRole('button', { name: 'Make a new recovery key' }).click()
  await expect(renew).toBeHidden()
  const shown = page.getByRole('dialog', { name: 'Your recovery key' })
  const newKey = (await shown.getByTestId('recovery-key').innerText()).trim()
  expect(newKey).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){12}$/)
  expect(newKey).not.toBe(recoveryKey)
  await shown.getByLabel('I have stored it safely').check()
  await shown.getByRole('button', { name: 'Done' }).click()
  await expect(shown).toBeHidden()

  // Lock and unlock with the new one (the old one is wrong now).
  await section.getByRole('button', { name: 'Lock now' }).click()
  await expectLockedPage(page, texts)
  await unlockWith(page, FIRST)
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase')
  await unlockWith(page, SECOND)
  await expect(page.getByRole('region', { name: 'Security' })).toContainText('Encrypted')

  // The top bar's Lock, from the keyboard; then the recovery key: a mistyped shape, then the key in lower
  // case with spaces (both forgiven by main).
  await page.locator('.topbar').getByRole('button', { name: 'Lock', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expectLockedPage(page, texts)
  await page.getByRole('button', { name: 'Use the recovery key instead' }).click()
  const keyField = page.getByLabel('Recovery key', { exact: true })
  await expect(keyField).toBeFocused()
  await keyField.fill('ABCD-1111')
  await keyField.press('Enter')
  await expect(page.getByRole('alert')).toContainText('That is not a recovery key')
  // The first recovery key no longer opens it; the new one, in lower case with spaces, does.
  await keyField.fill(recoveryKey)
  await keyField.press('Enter')
  await expect(page.getByRole('alert')).toContainText('Wrong recovery key')
  await keyField.fill(newKey.toLowerCase().replaceAll('-', ' '))
  await keyField.press('Enter')
  await expect(page.locator('.shell[data-ready]')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Cases' })).toContainText('ECU-USA-2026-001')

  // Decrypt: asked again, with the warning; a wrong passphrase changes nothing.
  const security = page.getByRole('region', { name: 'Security' })
  await security.getByRole('button', { name: 'Decrypt…' }).click()
  const decrypt = page.getByRole('dialog', { name: 'Decrypt this workspace' })
  await expect(decrypt).toContainText('back to disk unencrypted')
  await decrypt.getByLabel('Passphrase', { exact: true }).fill(FIRST)
  await decrypt.getByRole('button', { name: 'Decrypt workspace' }).click()
  await expect(decrypt.getByRole('alert')).toContainText('Wrong passphrase')
  expect(await app.session.encryptionStatus()).toMatchObject({ encrypted: true, locked: false })
  await decrypt.getByLabel('Passphrase', { exact: true }).fill(SECOND)
  await decrypt.getByRole('button', { name: 'Decrypt workspace' }).click()
  await expect(page.getByRole('region', { name: 'Security' })).toContainText('Not encrypted')
  expect(await app.session.encryptionStatus()).toMatchObject({ encrypted: false, locked: false })
  // Plain JSON on disk again.
  expect(await app.readWorkspaceJson(`cases/${CASE}/case.json`)).toBeTruthy()
  await expect(page.getByRole('navigation', { name: 'Cases' })).toContainText('ECU-USA-2026-001')
})

test('opening an encrypted workspace asks for its passphrase first, then shows only its cases', async ({ app }) => {
  const { page } = app
  const first = app.session.current().root
  // A second workspace beside the first (the fixture removes both), encrypted through the same channels.
  const other = join(dirname(app.workspaceDir), 'Other')
  app.setNextFolder(other)
  expect(await app.dispatch('workspace:choose', {})).toMatchObject({ ok: true })
  expect(await app.dispatch('workspace:setUserName', { userName: 'Ana Tester' })).toMatchObject({ ok: true })
  expect(await app.dispatch('cases:create', { title: 'Door camera log, other workspace' })).toMatchObject({ ok: true })
  expect(await app.dispatch('workspace:encrypt', { passphrase: FIRST })).toMatchObject({ ok: true })
  app.setNextFolder(first)
  expect(await app.dispatch('workspace:choose', {})).toMatchObject({ ok: true })

  await app.open()
  const cases = page.getByRole('navigation', { name: 'Cases' })
  await expect(cases).toContainText('ECU-USA-2026-001')
  app.setNextFolder(other)
  await page.getByRole('button', { name: /^Open workspace/ }).click()
  await expect(page.getByRole('heading', { name: 'Casefile is locked' })).toBeVisible()
  await expect(page.locator('.lock-screen')).toContainText(other)
  await expect(page.locator('.shell')).toHaveCount(0)
  await unlockWith(page, FIRST)
  await expect(cases).toContainText('Door camera log, other workspace')
  await expect(cases).not.toContainText('ECU-USA-2026-001')
})

test('the security section, its dialogs and the lock screen are all translated', async ({ app }) => {
  const { page } = app
  await usePseudoLanguage(page)
  await app.open('#/settings')
  const within = '[data-testid="security-section"]'
  await expect(page.locator(within)).toBeVisible()
  await page.locator(`${within} button[type=submit]`).click()
  await expect(page.locator(`${within} .field-error`)).toBeVisible()
  await expectAllTranslated(app, { within })

  const enc = await app.dispatch('workspace:encrypt', { passphrase: FIRST })
  expect(enc.ok).toBe(true)
  await app.open('#/settings')
  await expect(page.locator(`${within} select`)).toBeVisible()
  await expectAllTranslated(app, { within })
  // The top bar's Lock (the workspace's name beside it is sealed data the check cannot read now).
  await expect(page.locator('.topbar__actions button')).toHaveCount(4)
  await expectAllTranslated(app, { within: '.topbar__actions' })
  await page.locator(`${within} .security__row button`).nth(1).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('dialog').locator('button[type=submit]').click()
  await expect(page.getByRole('dialog').locator('.field-error').first()).toBeVisible()
  await expectAllTranslated(app, { within: '[role=dialog]' })
  await page.keyboard.press('Escape')
  await page.locator(`${within} .button--danger`).click()
  await expect(page.getByRole('dialog')).toContainText('⟦')
  await expectAllTranslated(app, { within: '[role=dialog]' })
  await page.keyboard.press('Escape')

  // Locked at start: the window opens on the lock screen, in the person's language.
  expect((await app.dispatch('workspace:lock', {})).ok).toBe(true)
  await app.open('#/settings')
  await expect(page.locator('.lock-screen[data-ready]')).toBeVisible()
  await page.locator('.lock-screen input').fill('not the passphrase')
  await page.locator('.lock-screen input').press('Enter')
  await expect(page.getByRole('alert')).toBeVisible()
  await expectAllTranslated(app)
  await page.locator('.secret-field__toggle').click()
  await expectAllTranslated(app)
})

const shots = process.env.CASEFILE_SHOTS

test.describe('screenshots', () => {
  test.skip(!shots, 'set CASEFILE_SHOTS=/folder to take screenshots')

  for (const [language, theme] of [
    ['en', 'light'],
    ['es', 'dark'],
    ['es', 'light'],
    ['en', 'dark'],
  ] as const)
    test(`security section and lock screen, ${language}, ${theme}`, async ({ app }) => {
      const { page } = app
      const shot = (name: string) =>
        page.screenshot({ path: join(shots!, `security-${language}-${theme}-${name}.png`) })
      expect((await app.dispatch('preferences:set', { language, theme })).ok).toBe(true)
      await app.open('#/settings')
      const section = page.getByTestId('security-section')
      await section.locator('button[type=submit]').click()
      await expect(section.locator('.field-error')).toBeVisible()
      await section.scrollIntoViewIfNeeded()
      await shot('1-plain')
      await section.locator('input[type=password]').first().fill(FIRST)
      await section.locator('input[type=password]').nth(1).fill(FIRST)
      await section.locator('button[type=submit]').click()
      await expect(page.getByTestId('recovery-key')).toBeVisible()
      await shot('2-recovery-key')
      await page.getByRole('dialog').locator('input[type=checkbox]').check()
      await page.getByRole('dialog').locator('.button--primary').click()
      await expect(section.locator('select')).toBeVisible()
      await section.scrollIntoViewIfNeeded()
      await shot('3-encrypted')
      await section.locator('.button--danger').click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await shot('4-decrypt')
      await page.keyboard.press('Escape')
      // Change passphrase…, New recovery key…, Decrypt…: the second.
      await section.locator('.security__row').nth(1).locator('button').nth(1).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await shot('4b-new-recovery-key')
      await page.keyboard.press('Escape')
      await section.locator('.security__row .button--primary').click()
      await expect(page.locator('.lock-screen[data-ready]')).toBeVisible()
      await page.locator('.lock-screen input').fill('not the passphrase')
      await page.locator('.lock-screen input').press('Enter')
      await expect(page.getByRole('alert')).toBeVisible()
      await shot('5-lock-wrong')
      await page.locator('.secret-field__toggle').click()
      await shot('6-lock-recovery')
    })
})
