/**
 * The briefing editor's redaction mark and the export dialog, end to end through
 * the real handlers: a passage marked redacted is kept in the briefing but is in
 * no byte of a Word release copy; the dialog follows the status, offers PDF or
 * Word, and lists what a release copy leaves out. Ctrl+K in the text opens the
 * link dialog and not the global search.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { unzipAll } from '../helpers/zipParts'
import { test, expect } from './fixtures'

const CASE = 'case_ecu_mpls_2026'
const BRIEFING = 'briefing_minister_note'

/** Selects the first occurrence of `text` in the editor, as a drag of the mouse would. */
async function selectInText(page: Page, text: string) {
  await page.evaluate((needle) => {
    const root = document.querySelector('.memo-body')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(needle)
      if (i < 0) continue
      const range = document.createRange()
      range.setStart(n, i)
      range.setEnd(n, i + needle.length)
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      return
    }
    throw new Error(`"${needle}" is not in the text`)
  }, text)
}

type Node = { type: string; text?: string; marks?: { type: string; attrs?: { reason?: string } }[]; content?: Node[] }
const redacted = (n: Node): { text: string; reason?: string }[] => [
  ...(n.marks?.some((m) => m.type === 'redaction')
    ? [{ text: n.text ?? '', reason: n.marks.find((m) => m.type === 'redaction')!.attrs?.reason }]
    : []),
  ...(n.content ?? []).flatMap(redacted),
]

test('a redacted passage stays in the briefing and is in no byte of the Word release copy', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await app.open(`#/case/${CASE}/briefings/${BRIEFING}`)
  const body = page.getByRole('textbox', { name: 'Briefing text' })
  // Opening the briefing puts the caret in its text.
  await expect(body).toBeFocused()

  // Ctrl+K in the text: the link dialog, and not the window's search.
  await body.getByText('but has not been independently verified.').click()
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Add a link' })).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Search' })).toHaveCount(0)
  await page.keyboard.press('Escape')

  await selectInText(page, 'two people')
  await page.keyboard.press('Control+Shift+X')
  const dialog = page.getByRole('dialog', { name: 'Redact this passage' })
  await expect(dialog).toContainText('two people')
  await dialog.getByLabel('Reason').fill('personal data')
  await dialog.getByRole('button', { name: 'Redact' }).click()
  const mark = body.locator('span[data-redaction]')
  await expect(mark).toHaveText('two people')
  await expect(mark).toHaveAttribute('title', 'Redacted — personal data')
  // Blacked out: light text on a dark ground, struck through.
  const look = await mark.evaluate((el) => {
    const s = getComputedStyle(el)
    return { bg: s.backgroundColor, line: s.textDecorationLine }
  })
  expect(look.line).toContain('line-through')
  expect(look.bg).not.toBe('rgba(0, 0, 0, 0)')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 })
  const stored = await app.readWorkspaceJson<{ briefing: { body: Node } }>(`cases/${CASE}/briefings/${BRIEFING}.json`)
  expect(redacted(stored.briefing.body)).toEqual([{ text: 'two people', reason: 'personal data' }])

  // The export dialog: a draft always carries the DRAFT mark; setting Final from it frees the choice.
  await page.getByRole('button', { name: 'Export…' }).click()
  const exporter = page.getByRole('dialog', { name: 'Export the memo' })
  const draftMark = exporter.getByRole('checkbox', { name: /DRAFT mark/ })
  await expect(draftMark).toBeChecked()
  await expect(draftMark).toBeDisabled()
  await expect(exporter).toContainText('set the status to Final to export without it')
  await exporter.getByRole('button', { name: 'Set the status to Final' }).click()
  await expect(draftMark).toBeEnabled()
  await expect(draftMark).not.toBeChecked()
  await expect(page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Final' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  await exporter.getByRole('radio', { name: 'Word (.docx) for clearance' }).check()
  await exporter.getByRole('checkbox', { name: 'Release copy' }).check()
  await expect(exporter.getByRole('list', { name: 'What a release copy leaves out' })).toContainText(
    'Redacted passage “two people” — personal data',
  )
  const out = join(app.userDataDir, 'release.docx')
  app.setNextSavePath(out)
  await exporter.getByRole('button', { name: 'Choose file and export…' }).click()
  await expect(exporter.getByText('Exported release.docx.')).toBeVisible({ timeout: 30_000 })
  expect(app.dialogs.at(-1)).toMatchObject({ kind: 'save', defaultName: expect.stringMatching(/\.docx$/) })
  expect(existsSync(out)).toBe(true)
  const history = exporter.locator('.export-history tbody tr').first()
  await expect(history).toContainText('Word')
  await expect(history).toContainText('RELEASE')
  await expect(history).not.toContainText('DRAFT')

  // Every part of the file, inflated: the passage is gone, its labelled bar stands in its place.
  const parts = await unzipAll(readFileSync(out))
  const all = [...parts.values()].map((b) => b.toString('utf8')).join('\n')
  expect(all.toLowerCase()).not.toContain('two people')
  expect(all).toContain('personal data')
  const record = (await app.services().briefings.get(CASE, BRIEFING)).exports.at(-1)!
  expect(record).toMatchObject({ format: 'docx', options: { draft: false }, release: { reasons: ['personal data'] } })

  // The memo itself keeps the passage: lifting the redaction is one click away.
  await page.keyboard.press('Escape')
  await expect(exporter).toBeHidden()
  await body.getByText('two people').click()
  await page.getByRole('button', { name: 'Change or lift the redaction' }).click()
  await page.getByRole('dialog', { name: 'Redacted passage' }).getByRole('button', { name: 'Lift redaction' }).click()
  await expect(mark).toHaveCount(0)
  await expect(body).toContainText('tried to follow two people into our consulate')
})

test('the export dialog follows a status switched while it is open', async ({ app }) => {
  const { page } = app
  await app.open(`#/case/${CASE}/briefings/${BRIEFING}`)
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Final' }).click()
  await page.getByRole('button', { name: 'Export…' }).click()
  const exporter = page.getByRole('dialog', { name: 'Export the memo' })
  const draftMark = exporter.getByRole('checkbox', { name: /DRAFT mark/ })
  // No reload needed: Final was set a moment ago and the dialog already knows.
  await expect(draftMark).not.toBeChecked()
  await expect(draftMark).toBeEnabled()
  await draftMark.check()
  const out = join(app.userDataDir, 'final-with-mark.pdf')
  app.setNextSavePath(out)
  await exporter.getByRole('button', { name: 'Choose file and export…' }).click()
  await expect(exporter.getByTestId('export-sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 })
  const record = (await app.services().briefings.get(CASE, BRIEFING)).exports.at(-1)!
  expect(record).toMatchObject({ format: 'pdf', options: { draft: true } })
  expect(record.release).toBeUndefined()
})
