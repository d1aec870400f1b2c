/**
 * Clearance in Word and back, from the window: export the briefing as .docx, a
 * reviewer edits it (a tracked insertion and a comment), "Import clearance
 * copy…" brings it back as a new version whose view lists the comment beside the
 * text and what changed against the copy that was sent. The sent version stays.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipAll, zipAll } from '../helpers/zipParts'
import { test, expect } from './fixtures'

const CASE = 'case_ecu_mpls_2026'
const BRIEFING = 'briefing_minister_note'

/** What a reviewer does in Word: a tracked new paragraph, and a comment on one phrase. */
async function reviewed(docx: string, out: string) {
  const parts = await unzipAll(readFileSync(docx))
  let doc = parts.get('word/document.xml')!.toString('utf8')
  doc = doc.replace(
    /<w:r>(?:(?!<w:r>).)*?Ask the consulate[^<]*<\/w:t><\/w:r>/,
    (run) =>
      `<w:commentRangeStart w:id="7"/>${run}<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>`,
  )
  const firstHeading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
  expect(doc).toContain(firstHeading)
  doc = doc.replace(
    firstHeading,
    '<w:p><w:ins w:id="90" w:author="Legal adviser" w:date="2026-01-29T09:00:00Z"><w:r><w:t>The Legal Adviser has cleared this memo.</w:t></w:r></w:ins></w:p>' +
      firstHeading,
  )
  parts.set('word/document.xml', Buffer.from(doc))
  parts.set(
    'word/comments.xml',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="Director, North America" w:date="2026-01-29T10:00:00Z" w:initials="DNA"><w:p><w:r><w:t>Say which footage: CCTV only?</w:t></w:r></w:p></w:comment></w:comments>',
    ),
  )
  writeFileSync(out, await zipAll(parts))
}

test('a Word copy edited in clearance comes back as a new version with its comments and changes beside the text', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  await app.open(`#/case/${CASE}/briefings/${BRIEFING}`)

  await page.getByRole('button', { name: 'Export…' }).click()
  const exporter = page.getByRole('dialog', { name: 'Export the memo' })
  await exporter.getByRole('radio', { name: 'Word (.docx) for clearance' }).check()
  const sent = join(app.userDataDir, 'for clearance.docx')
  app.setNextSavePath(sent)
  await exporter.getByRole('button', { name: 'Choose file and export…' }).click()
  await expect(exporter.getByText('Exported for clearance.docx.')).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('Escape')

  const back = join(app.userDataDir, 'cleared.docx')
  await reviewed(sent, back)
  app.setNextFiles([back])
  await page.getByRole('button', { name: 'Import clearance copy…' }).click()
  await expect(page).not.toHaveURL(new RegExp(`/briefings/${BRIEFING}$`), { timeout: 20_000 })
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/briefings/[^/]+$`))
  expect(app.dialogs.at(-1)).toMatchObject({ kind: 'files' })

  const panel = page.getByRole('complementary', { name: 'Back from clearance' })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('1 comment')
  const comment = panel.locator('.clearance-comment')
  await expect(comment).toContainText('Director, North America')
  await expect(comment).toContainText('29 January 2026')
  await expect(comment).toContainText('Say which footage: CCTV only?')
  await expect(comment.locator('blockquote')).toContainText('Ask the consulate')
  const added = panel.locator('.clearance-change--added')
  await expect(added.first()).toContainText('Added')
  await expect(
    panel.locator('.clearance-change ins', { hasText: 'The Legal Adviser has cleared this memo.' }),
  ).toHaveCount(1)
  // Beside the text, not under it, at this width.
  const text = await page.locator('.memo-paper').boundingBox()
  const aside = await panel.boundingBox()
  expect(aside!.x).toBeGreaterThan(text!.x + text!.width - 1)

  await comment.getByRole('button', { name: 'Show in the text' }).click()
  // TipTap focuses the editor on the next animation frame, and the DOM selection follows the focus: wait for it.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toContain('Ask the consulate')

  // The version that was sent is still there, one click away.
  await panel.getByRole('button', { name: /Briefing for the Minister/ }).click()
  await expect(page).toHaveURL(new RegExp(`/briefings/${BRIEFING}$`))
  const list = await app.services().briefings.list(CASE)
  expect(list).toHaveLength(2)
})
