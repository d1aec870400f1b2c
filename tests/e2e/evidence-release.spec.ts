/**
 * The evidence screen's new outputs and controls, through the real handlers:
 * "not for release" flags in the item editor (whole item or chosen fields), the
 * chain-of-custody report action (PDF, CSV, JSON), playback speed and the
 * annotation marks on the seek bar.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EvidenceItem } from '@shared/domain'
import { expect, test } from './fixtures'

const CASE = 'case_ecu_mpls_2026'
const CLIP = 'evidence_sample_clip'

const item = async (app: { readWorkspaceJson: <T>(p: string) => Promise<T> }, id: string) =>
  (await app.readWorkspaceJson<{ evidence: EvidenceItem[] }>(`cases/${CASE}/case.json`)).evidence.find(
    (e) => e.id === id,
  )!

test('an item is flagged not for release, whole or by field, with a reason, and the flag can be lifted', async ({
  app,
}) => {
  test.setTimeout(90_000)
  const { page } = app
  await app.open(`#/case/${CASE}/evidence/evidence_bulletin`)
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  const release = page.getByRole('group', { name: 'Release' })
  await release.getByRole('checkbox', { name: 'Not for release' }).check()
  await release.getByLabel('Reason').fill('ongoing investigation')
  const saved = page.locator('.ev-editor__sub').getByText('Saved')
  await expect(saved).toBeVisible({ timeout: 10_000 })
  await expect
    .poll(async () => (await item(app, 'evidence_bulletin')).withhold)
    .toEqual({
      reason: 'ongoing investigation',
      fields: [],
    })
  await expect(page.getByRole('option', { name: /Cancillería del Ecuador/ })).toContainText('not for release')

  await release.getByRole('radio', { name: 'Only these fields:' }).check()
  const fields = release.getByRole('group', { name: 'Fields withheld' })
  await fields.getByRole('checkbox', { name: 'Source URL' }).check()
  await fields.getByRole('checkbox', { name: 'Captured by' }).check()
  await expect
    .poll(async () => (await item(app, 'evidence_bulletin')).withhold, { timeout: 10_000 })
    .toEqual({
      reason: 'ongoing investigation',
      fields: ['sourceUrl', 'capturedBy'],
    })

  // The briefing's export dialog lists it among what a release copy leaves out.
  await app.open(`#/case/${CASE}/briefings/briefing_minister_note`)
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('list', { name: 'What a release copy leaves out' })).toContainText(
    'source URL, captured by — ongoing investigation',
  )
  await page.keyboard.press('Escape')

  await app.open(`#/case/${CASE}/evidence/evidence_bulletin`)
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  await page.getByRole('group', { name: 'Release' }).getByRole('checkbox', { name: 'Not for release' }).uncheck()
  await expect.poll(async () => (await item(app, 'evidence_bulletin')).withhold, { timeout: 10_000 }).toBeUndefined()
})

test('the chain-of-custody report is saved as CSV and as JSON where the user says', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  await app.open(`#/case/${CASE}/evidence`)
  await page.getByRole('button', { name: 'Chain-of-custody report…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Chain-of-custody report' })
  await dialog.getByRole('radio', { name: /^CSV/ }).check()
  const csv = join(app.userDataDir, 'custody.csv')
  app.setNextSavePath(csv)
  await dialog.getByRole('button', { name: 'Choose file and save…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Saved custody.csv: 5 exhibits', { timeout: 30_000 })
  const bytes = readFileSync(csv)
  await expect(dialog.getByTestId('report-sha256')).toHaveText(createHash('sha256').update(bytes).digest('hex'))
  expect(bytes.toString('utf8')).toContain('Sample clip of a doorway')
  expect(app.dialogs.at(-1)).toMatchObject({ kind: 'save', defaultName: expect.stringMatching(/\.csv$/) })

  await dialog.getByRole('radio', { name: /^JSON/ }).check()
  await dialog.getByLabel('Language of the report').selectOption('es')
  const json = join(app.userDataDir, 'custody.json')
  app.setNextSavePath(json)
  await dialog.getByRole('button', { name: 'Save another…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Saved custody.json', { timeout: 30_000 })
  const report = JSON.parse(readFileSync(json, 'utf8')) as { language: string; exhibits: { evidenceId: string }[] }
  expect(report.language).toBe('es')
  expect(report.exhibits.map((e) => e.evidenceId)).toContain(CLIP)

  // Dismissing the save dialog writes nothing and says nothing went wrong.
  await dialog.getByRole('button', { name: 'Save another…' }).click()
  await expect(dialog.getByRole('alert')).toHaveCount(0)
})

test('playback speed from 0.25x to 2x, by menu and by < >, and the annotations marked on the seek bar', async ({
  app,
}) => {
  test.setTimeout(90_000)
  const { page } = app
  await app.open(`#/case/${CASE}/evidence/${CLIP}`)
  const video = page.locator('video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThan(0)

  const speed = page.getByRole('combobox', { name: /Playback speed/ })
  await expect(speed.locator('option')).toHaveText(['0.25×', '0.5×', '0.75×', '1×', '1.25×', '1.5×', '1.75×', '2×'])
  await speed.selectOption('0.5')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.5)
  await page.getByTestId('player-area').focus()
  await page.keyboard.press('Shift+Period') // ">"
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.75)
  await expect(speed).toHaveValue('0.75')
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+Comma') // "<", past the slowest
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.25)

  // The demo clip has three annotations: three marks, in time order, the selected one stronger.
  const marks = page.getByTestId('scrub-marks').locator('.ev-scrub__mark')
  await expect(marks).toHaveCount(3)
  const lefts = await marks.evaluateAll((els) => els.map((e) => parseFloat((e as HTMLElement).style.left)))
  expect(lefts[0]).toBe(0)
  expect(lefts[1]).toBeGreaterThan(lefts[0])
  expect(lefts[2]).toBeGreaterThan(lefts[1])
  await marks.nth(1).dispatchEvent('mousedown')
  await expect(marks.nth(1)).toHaveClass(/ev-scrub__mark--selected/)
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2.6, 1)
  await expect(page.getByLabel('Start', { exact: true })).toHaveValue('00:00:02.6')
})
