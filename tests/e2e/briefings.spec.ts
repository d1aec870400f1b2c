import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import type { CasefileBridge } from '@shared/ipc/bridge'

// The build machines are shared: a test that takes 20 s alone can take three times that under load.
test.describe.configure({ timeout: 90_000 })

const CASE = 'case_ecu_mpls_2026'
const BRIEFING = 'briefing_minister_note'

type Node = { type: string; attrs?: Record<string, unknown>; content?: Node[] }
const citations = (n: Node): Record<string, unknown>[] => [
  ...(n.type === 'citation' ? [n.attrs ?? {}] : []),
  ...(n.content ?? []).flatMap(citations),
]

test('cite VCCR art. 31(2) from the picker, keep it across a reload, and export the memo', async ({ app }) => {
  const { page } = app
  await app.open(`#/case/${CASE}/briefings`)
  await page.getByRole('link', { name: /Briefing for the Minister/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/briefings/${BRIEFING}$`))

  const body = page.getByRole('textbox', { name: 'Briefing text' })
  const statuteChips = body.locator('[data-citation][data-target="statute"]', { hasText: 'VCCR art. 31(2)' })
  await expect(statuteChips).toHaveCount(1) // the demo draft cites it once already

  // The circulating video is unverified: its chip warns, and the caveat is spelled out.
  const video = body.locator('[data-citation][data-id="evidence_video"]')
  await expect(video).toHaveClass(/citation-chip--caveat/)
  await expect(video).toHaveAttribute('title', /Unverified: this item has not been independently verified\./)
  await expect(page.getByRole('complementary', { name: 'Citation caveats' })).toContainText(
    'Unverified: this item has not been independently verified.',
  )

  // Cursor at the end of the summary paragraph, then the picker by keyboard.
  await body.getByText('but has not been independently verified.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Entry needs consent')
  await page.keyboard.press('Control+Shift+C')
  const picker = page.getByRole('dialog', { name: 'Insert a citation' })
  await expect(picker).toBeVisible()
  await picker.getByRole('combobox').fill('VCCR 31')
  await expect(picker.getByRole('option')).toHaveCount(1)
  await picker.getByLabel('Pinpoint').fill('2')
  await expect(picker.locator('.citation-chip')).toHaveText('VCCR art. 31(2)')
  await picker.getByLabel('Pinpoint').press('Enter')
  await expect(picker).toBeHidden()
  await expect(statuteChips).toHaveCount(2)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 })

  await page.reload()
  await expect(statuteChips).toHaveCount(2)
  await expect(body).toContainText('Entry needs consent')
  const file = await app.readWorkspaceJson<{ briefing: { body: Node } }>(`cases/${CASE}/briefings/${BRIEFING}.json`)
  expect(citations(file.briefing.body).filter((c) => c.target === 'statute' && c.pinpoint === '2')).toEqual([
    { target: 'statute', id: 'statute_vccr_31', pinpoint: '2' },
    { target: 'statute', id: 'statute_vccr_31', pinpoint: '2' },
  ])

  // Export: main asks where to save (the fixture answers), reports progress, records the hash.
  const out = join(app.userDataDir, 'minister-memo.pdf')
  app.setNextSavePath(out)
  await page.getByRole('button', { name: 'Export…' }).click()
  const exporter = page.getByRole('dialog', { name: 'Export the memo' })
  await expect(exporter.getByRole('radio', { name: 'PDF memo' })).toBeChecked() // PDF unless Word is chosen
  await expect(exporter.getByLabel(/DRAFT mark/)).toBeChecked() // a draft always exports with the watermark
  await expect(exporter.getByText('Not exported yet.')).toBeVisible()
  // Record the progress pushes the export dialog listens to (they carry its taskId).
  await page.evaluate(() => {
    const w = window as unknown as { __progress: unknown[]; casefile: CasefileBridge }
    w.__progress = []
    w.casefile.on('progress', (p) => w.__progress.push(p))
  })
  await exporter.getByRole('button', { name: 'Choose file and export…' }).click()
  const sha = exporter.getByTestId('export-sha256')
  await expect(sha).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 })
  const pdf = await readFile(out)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect((await stat(out)).size).toBeGreaterThan(1000)
  await expect(sha).toHaveText(createHash('sha256').update(pdf).digest('hex'))
  const progress = await page.evaluate(
    () => (window as unknown as { __progress: { taskId: string; done: number; total: number }[] }).__progress,
  )
  expect(progress.length).toBeGreaterThan(1)
  expect(new Set(progress.map((p) => p.taskId)).size).toBe(1)
  expect(progress.at(-1)).toMatchObject({ label: 'Done', done: 1, total: 1 })
  expect(app.dialogs.at(-1)).toMatchObject({
    kind: 'save',
    defaultName: expect.stringMatching(/^ECU-USA-2026-001 .*\.pdf$/),
  })
  await expect(exporter.locator('.export-history tbody tr')).toHaveCount(1)
  await expect(exporter.locator('.export-history')).toContainText('minister-memo.pdf')

  await exporter.getByRole('button', { name: 'Open PDF' }).click()
  await expect.poll(() => app.openedPaths).toEqual([out])
})

test('a cancelled save dialog exports nothing, and the briefing list creates from a template', async ({ app }) => {
  const { page } = app
  await app.open(`#/case/${CASE}/briefings`)
  const form = page.getByRole('form', { name: 'New briefing' })
  await form.getByLabel('Template').selectOption('note of protest')
  await form.getByLabel('Title (optional)').fill('Protest note to the Embassy')
  await form.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByLabel('Briefing title')).toHaveValue('Protest note to the Embassy')
  await expect(page.getByRole('textbox', { name: 'Briefing text' })).toContainText(
    'presents its compliments to the Embassy of',
  )
  await expect(page.getByLabel('Reference')).toHaveValue('ECU-USA-2026-001')
  await expect(page.getByLabel('Classification')).toHaveValue('SENSITIVE BUT UNCLASSIFIED')

  await page.getByRole('button', { name: 'Export…' }).click()
  const exporter = page.getByRole('dialog', { name: 'Export the memo' })
  await exporter.getByRole('button', { name: 'Choose file and export…' }).click() // nothing queued: cancelled
  await expect(exporter.getByRole('button', { name: 'Choose file and export…' })).toBeEnabled()
  await expect(exporter.getByRole('alert')).toHaveCount(0)
  await expect(exporter.getByText('Not exported yet.')).toBeVisible()
})

test('the statute library imports pasted text, links an excerpt to the case and refuses to drop a cited one', async ({
  app,
}) => {
  const { page } = app
  await app.open(`#/case/${CASE}/statutes`)
  await expect(page.locator('.statute-row')).toHaveCount(1)

  await page.getByRole('button', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import statute excerpts' })
  await dialog
    .getByLabel('Text to import')
    .fill(
      [
        'Instrument: Vienna Convention on Diplomatic Relations (VCDR), 1961',
        'Tags: diplomatic',
        'Art. 22(1) — Inviolability of the mission',
        'The premises of the mission shall be inviolable.',
        'Art. 29 — Inviolability of the person',
      ].join('\n'),
    )
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await expect(dialog.getByLabel('Preview')).toContainText('1 new excerpt, 1 problem.')
  await expect(dialog.getByLabel('Problems')).toContainText('Line 5: Art. 29 has no text under it.')
  await dialog.getByLabel('Link the imported excerpts to this case').uncheck()
  await dialog.getByRole('button', { name: 'Import 1 excerpt' }).click()
  await expect(dialog).toBeHidden()

  const vcdr = page.locator('.statute-row', { hasText: 'VCDR art. 22(1)' })
  await expect(page.getByRole('region', { name: /^Library/ })).toContainText('VCDR art. 22(1)')
  await vcdr.getByRole('button', { name: 'Link VCDR art. 22(1) to this case' }).click()
  await expect(page.getByRole('region', { name: /^Linked to this case/ })).toContainText('VCDR art. 22(1)')
  expect((await app.services().caseDetail.get(CASE)).statutes.map((s) => s.id)).toContain(
    (await app.services().statutes.list({ query: 'VCDR' }))[0].id,
  )

  await page.getByLabel('Filter the statute library').fill('consular premises')
  await expect(page.locator('.statute-row')).toHaveCount(1)
  await page.getByRole('button', { name: 'Remove VCCR art. 31 from the library' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove VCCR art. 31?' })
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(confirm.getByRole('alert')).toContainText('is linked to 1 case and cited in 1 briefing')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('.statute-row', { hasText: 'VCCR art. 31' })).toHaveCount(1)
})
