import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'

test('the demo case is listed with its reference and its timeline shows Chicago time', async ({ app }) => {
  const { page } = app
  await app.open()
  const item = page
    .getByRole('navigation', { name: 'Cases' })
    .getByRole('listitem')
    .filter({ hasText: 'Attempted ICE entry' })
  await expect(item).toContainText('ECU-USA-2026-001')
  await expect(item).toContainText('SENSITIVE BUT UNCLASSIFIED')
  await item.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Attempted ICE entry/)
  await page.getByRole('link', { name: /^Timeline/ }).click()
  await expect(page).toHaveURL(/#\/case\/case_ecu_mpls_2026\/timeline$/)
  await expect(page.locator('.event').first()).toContainText('America/Chicago')
  await expect(page.locator('.event').first()).toContainText('27 January 2026')
})

test('create a case, edit it, add a zoned event, and find it all again after a reload', async ({ app }) => {
  const { page } = app
  await app.open()

  await page.getByRole('button', { name: 'New case' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New case' })
  await dialog.getByLabel('Title').fill('Door incident at the consulate in Chicago')
  await dialog.getByLabel('Reference').fill('ECU-USA-2026-002')
  await dialog.getByLabel('Classification').fill('CONFIDENTIAL')
  await dialog.getByLabel('Classification').press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Door incident at the consulate in Chicago')
  const caseId = decodeURIComponent(/#\/case\/([^/]+)\//.exec(page.url())![1])

  const summary = page.getByLabel('Summary')
  await summary.fill('Staff kept the door shut; the officer left after ten minutes.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  await page.getByRole('link', { name: /^Timeline/ }).click()
  await expect(page.getByText('No events yet')).toBeVisible()
  await page.getByRole('button', { name: 'Add event' }).click()
  const form = page.getByRole('dialog', { name: 'Add event' })
  await form.getByLabel('Date and time').fill('2026-01-27T11:00')
  await form.getByLabel('Time zone').selectOption('America/Chicago')
  await form.getByLabel('Precision').selectOption('approximate')
  await form.getByLabel('What happened').fill('Officer tries to follow two people inside')
  await form.getByLabel('Location').fill('Consulate entrance')
  await expect(form.getByText('UTC-06:00 on that date')).toBeVisible()
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(form).toBeHidden()
  const event = page.locator('.event').filter({ hasText: 'Officer tries to follow' })
  await expect(event).toContainText('27 January 2026, ~11:00 (America/Chicago, UTC-06:00)')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Door incident at the consulate in Chicago')
  await expect(page.locator('.event').filter({ hasText: 'Officer tries to follow' })).toContainText(
    '27 January 2026, ~11:00 (America/Chicago, UTC-06:00)',
  )
  await expect(page.getByRole('navigation', { name: 'Cases' })).toContainText('ECU-USA-2026-002')
  await page.getByRole('link', { name: /^Overview/ }).click()
  await expect(page.getByLabel('Summary')).toHaveValue('Staff kept the door shut; the officer left after ten minutes.')

  type CaseFile = {
    case: { summary: string; classification: string }
    events: { at: string; tz: string; precision: string; title: string }[]
  }
  const onDisk = await app.readWorkspaceJson<CaseFile>(`cases/${caseId}/case.json`)
  expect(onDisk.case.summary).toBe('Staff kept the door shut; the officer left after ten minutes.')
  expect(onDisk.case.classification).toBe('CONFIDENTIAL')
  expect(onDisk.events).toEqual([
    expect.objectContaining({
      at: '2026-01-27T17:00:00.000Z',
      tz: 'America/Chicago',
      precision: 'approximate',
      title: 'Officer tries to follow two people inside',
    }),
  ])
})

test('a damaged case file is reported, and Restore backup brings the case back', async ({ app }) => {
  const { page } = app
  const caseId = 'case_ecu_mpls_2026'
  // Damage the file while the workspace is closed, as a crash or a sync tool would.
  await app.session.close()
  await writeFile(join(app.workspaceDir, 'cases', caseId, 'case.json'), '{ "schemaVersion": 1, "case": { broken')
  await app.session.open(app.workspaceDir)

  await app.open(`#/case/${caseId}/timeline`)
  const problems = page.getByRole('region', { name: 'Workspace problems' })
  await expect(problems).toContainText(`cases/${caseId}/case.json`)
  await expect(page.getByRole('heading', { name: 'The file of this case is missing or damaged' })).toBeVisible()

  await problems.getByRole('button', { name: 'Restore backup' }).click()
  await expect(problems).toBeHidden()
  // The newest backup may predate the last edits; what matters is that the case opens again.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Attempted ICE entry/)
  await expect(page.getByText('Times are shown in the zone where each event happened')).toBeVisible()
  expect((await app.services().caseDetail.get(caseId)).case.reference).toBe('ECU-USA-2026-001')
})

test('a damaged case file seen read-only: no Restore backup or Repair, and the banner says why', async ({ app }) => {
  const { page } = app
  const caseId = 'case_ecu_mpls_2026'
  await app.session.close()
  await writeFile(join(app.workspaceDir, 'cases', caseId, 'case.json'), '{ "schemaVersion": 1, "case": { broken')
  // What a second window sees while the first holds the lock.
  await app.session.openReadOnly(app.workspaceDir)
  await app.open(`#/case/${caseId}/timeline`)
  const problems = page.getByRole('region', { name: 'Workspace problems' })
  await expect(problems).toContainText(`cases/${caseId}/case.json`)
  await expect(problems).toContainText('A good backup is available')
  await expect(problems).toContainText(
    'Restoring a backup and repairing need the workspace open for writing; it is read-only now.',
  )
  await expect(problems.getByRole('button')).toHaveCount(0)
})

test('an index written by a newer Casefile: read-only, and no word of restoring or repairing', async ({ app }) => {
  const { page } = app
  await app.session.close()
  const index = join(app.workspaceDir, 'workspace.json')
  const raw = JSON.parse(await readFile(index, 'utf8')) as { schemaVersion: number }
  await writeFile(index, JSON.stringify({ ...raw, schemaVersion: raw.schemaVersion + 1 }))
  await app.session.open(app.workspaceDir)
  await app.open()
  const problems = page.getByRole('region', { name: 'Workspace problems' })
  await expect(problems).toContainText('workspace.json was written by a newer Casefile')
  await expect(problems.getByRole('button')).toHaveCount(0)
  await expect(problems).not.toContainText('Restoring a backup and repairing')
})

test.describe('a case damaged in the trash', () => {
  test.use({ openOptions: { backupIntervalMs: 0 } })

  test('Restore brings it back from its backup, keeps the damaged file, and says which backup', async ({ app }) => {
    const { page } = app
    const caseId = 'case_ecu_mpls_2026'
    // A change keeps a backup of the case file as it was.
    await app.services().cases.update(caseId, { summary: 'Edited once.' })
    const entry = await app.services().trashBin.removeCase(caseId)
    await writeFile(join(app.workspaceDir, 'trash', entry.id, caseId, 'case.json'), '{ "schemaVersion": 1, "case": {')
    await app.open('#/trash')
    await page.getByRole('button', { name: /^Restore .*Attempted ICE entry/ }).click()
    const notice = page.getByRole('status').filter({ hasText: 'put back from its newest good backup' })
    await expect(notice).toContainText('missing or damaged (a damaged one is kept under quarantine/)')
    await expect(page.getByRole('region', { name: 'Workspace problems' })).toBeHidden()
    expect((await app.services().cases.list()).map((c) => c.id)).toEqual([caseId])
    await page.getByRole('link', { name: /Back to/ }).click()
    await expect(page.getByText('ECU-USA-2026-001')).toBeVisible()
  })

  test('its case file missing: it comes back from its backup, and the trash says which, in view', async ({ app }) => {
    const { page } = app
    const caseId = 'case_ecu_mpls_2026'
    await app.services().cases.update(caseId, { summary: 'Edited once.' })
    const entry = await app.services().trashBin.removeCase(caseId)
    await rm(join(app.workspaceDir, 'trash', entry.id, caseId, 'case.json'))
    await app.open('#/trash')
    await page.getByRole('button', { name: /^Restore .*Attempted ICE entry/ }).click()
    const notice = page.getByRole('status').filter({ hasText: 'put back from its newest good backup' })
    await expect(notice).toContainText(`(backups/cases/${caseId}/case.json/`)
    await expect(notice).toContainText('changes made after that backup are not in it')
    await expect(page.getByText('The trash is empty.')).toBeVisible()
    expect((await app.services().cases.list()).map((c) => c.id)).toEqual([caseId])
  })
})

test('an excerpt restored while the case that linked it is in the trash: the trash says which link it could not put back', async ({
  app,
}) => {
  const { page } = app
  const caseId = 'case_ecu_mpls_2026'
  const [excerpt] = await app.services().statutes.list({ caseId })
  await app.services().trashBin.removeStatute(excerpt.id, { force: true })
  await app.services().trashBin.removeCase(caseId)
  await app.open('#/trash')
  await page.getByRole('button', { name: new RegExp(`^Restore .*${excerpt.shortName}`) }).click()
  const notice = page.getByRole('status').filter({ hasText: 'is back in the library' })
  await expect(notice).toContainText(`Not linked again to 1 case no longer in the workspace (${caseId})`)
  expect((await app.services().statutes.list()).map((x) => x.id)).toContain(excerpt.id)
})

test('an entry whose folder was removed by hand: Restore says so, and the entry can be dropped', async ({ app }) => {
  const { page } = app
  const caseId = 'case_ecu_mpls_2026'
  const entry = await app.services().trashBin.removeCase(caseId)
  await rm(join(app.workspaceDir, 'trash', entry.id, caseId), { recursive: true })
  await app.open('#/trash')
  await page.getByRole('button', { name: /^Restore .*Attempted ICE entry/ }).click()
  await expect(page.getByRole('alert')).toContainText('If it was removed by hand, its entry can be dropped.')
  await page.getByRole('button', { name: /^Drop the entry of .*Attempted ICE entry/ }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await expect(page.getByRole('alert')).toBeHidden()
  expect(await app.services().trashBin.list()).toEqual([])
})

test('menu commands and Ctrl+K open their dialogs; Escape closes them', async ({ app }) => {
  const { page } = app
  await app.open()
  await app.emit('menu:command', { name: 'new-case' })
  await expect(page.getByRole('dialog', { name: 'New case' })).toBeVisible()
  await expect(page.getByLabel('Title')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  await app.emit('menu:command', { name: 'about' })
  const about = page.getByRole('dialog', { name: 'About Casefile' })
  await expect(about).toContainText(app.workspaceDir)
  await about.getByLabel(/Working as/).fill('M. Andrade, legal adviser')
  await about.getByLabel(/Working as/).press('Enter')
  await expect(about.getByRole('status')).toHaveText('Saved.')
  expect(await app.services().workspace.userName()).toBe('M. Andrade, legal adviser')
  await page.keyboard.press('Escape')

  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
})

test('Open workspace… switches to the chosen folder and reloads everything', async ({ app }) => {
  const { page } = app
  await app.open('#/case/case_ecu_mpls_2026/overview')
  const other = await mkdtemp(join(tmpdir(), 'casefile-e2e-other-'))
  try {
    app.setNextFolder(other)
    await page.getByRole('button', { name: 'Open workspace…' }).click()
    await expect(page.getByText('No cases yet')).toBeVisible()
    await expect(page).toHaveURL(/#\/$/)
    expect(app.dialogs.map((d) => d.kind)).toEqual(['folder'])
    expect(app.services().root).toBe(other)
  } finally {
    await app.session.close()
    await rm(other, { recursive: true, force: true })
  }
})

test('actors: add, edit inline, remove after confirmation', async ({ app }) => {
  const { page } = app
  await app.open('#/case/case_ecu_mpls_2026/actors')
  const add = page.getByRole('group', { name: 'Add an actor' })
  await add.getByLabel('Name', { exact: true }).fill('Deputy consul')
  await add.getByLabel('Role', { exact: true }).fill('Spoke to the press')
  await add.getByLabel('Role', { exact: true }).press('Enter')
  await expect(add.getByLabel('Name', { exact: true })).toHaveValue('')
  const row = page.getByRole('row', { name: /Deputy consul/ })
  await expect(row).toContainText('Spoke to the press')

  await page.getByRole('button', { name: 'Edit Deputy consul' }).click()
  const edit = page.getByRole('group', { name: 'Edit Deputy consul' })
  await expect(edit.getByLabel('Name', { exact: true })).toBeFocused()
  await edit.getByLabel('Affiliation', { exact: true }).fill('Consulate of Ecuador in Minneapolis')
  await edit.getByLabel('Affiliation', { exact: true }).press('Enter')
  await expect(page.getByRole('row', { name: /Deputy consul/ })).toContainText('Consulate of Ecuador in Minneapolis')

  await page.getByRole('button', { name: 'Remove Deputy consul' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove actor' })
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('row', { name: /Deputy consul/ })).toHaveCount(0)
  const actors = (await app.services().caseDetail.get('case_ecu_mpls_2026')).actors
  expect(actors.some((a) => a.name === 'Deputy consul')).toBe(false)
})
