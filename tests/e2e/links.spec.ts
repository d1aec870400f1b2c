/**
 * Links seen from both ends, and the legal issues of a case, in the window:
 * on the demo case and on a case built through the UI from nothing. A card
 * shows its exhibit and actors, the exhibit shows the event back and where it
 * is cited, an actor shows its events, an excerpt its citing briefing; an issue
 * is created with an event and an excerpt, listed with them, and kept across a
 * reload. Waits are on what the screen shows, never on time.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { expectAllTranslated, usePseudoLanguage } from './untranslated'

const CASE = 'case_ecu_mpls_2026'
const VIDEO = /^Video of the exchange at the consulate door/
// Unanchored: a card's text and a picker's label start with the event's date.
const BLOCKED = /Staff block the entrance/
const BRIEFING = /^Briefing for the Minister/

const card = (page: Page, title: RegExp | string) => page.locator('.event').filter({ hasText: title })
const group = (scope: ReturnType<Page['locator']>, label: string) =>
  scope.getByRole('list', { name: label, exact: true })

/** Adds an issue through the Issues tab's dialog, ticking the given facts and excerpts. */
async function addIssue(page: Page, question: string, facts: RegExp[], excerpts: RegExp[]) {
  await page.getByRole('button', { name: 'Add issue', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a legal issue' })
  await dialog.getByLabel('Question').fill(question)
  for (const f of facts)
    await dialog
      .getByRole('group', { name: /^Facts/ })
      .getByRole('checkbox', { name: f })
      .check()
  for (const x of excerpts)
    await dialog
      .getByRole('group', { name: /^Excerpts/ })
      .getByRole('checkbox', { name: x })
      .check()
  await dialog.getByRole('button', { name: 'Add issue', exact: true }).click()
  await expect(dialog).toBeHidden()
  return page.getByRole('list', { name: 'Issues' }).getByRole('listitem').filter({ hasText: question }).first()
}

test('demo case: a card links its exhibit and actors; the exhibit, the actor and the excerpt link back', async ({
  app,
}) => {
  const { page } = app
  await app.open(`#/case/${CASE}/timeline`)
  const blocked = card(page, BLOCKED)
  await expect(group(blocked, 'Exhibits').getByRole('link', { name: VIDEO })).toBeVisible()
  await expect(group(blocked, 'Actors').getByRole('link', { name: 'ICE officer (unnamed)' })).toBeVisible()

  // The exhibit: the event it supports and the briefing sentence that cites it.
  await group(blocked, 'Exhibits').getByRole('link', { name: VIDEO }).click()
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/evidence/evidence_video$`))
  await page.getByRole('tab', { name: /^Links/ }).click()
  const panel = page.getByRole('tabpanel')
  await expect(group(panel, 'Supports').getByRole('link', { name: BLOCKED })).toBeVisible()
  const cited = group(panel, 'Cited in').getByRole('listitem')
  await expect(cited).toHaveCount(1)
  await expect(cited.getByRole('link', { name: BRIEFING })).toBeVisible()
  await expect(cited).toContainText('circulating')

  // Following "cited in" opens the briefing.
  await cited.getByRole('link', { name: BRIEFING }).click()
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/briefings/briefing_minister_note$`))
  await expect(page.getByRole('textbox', { name: 'Briefing text' })).toBeVisible()

  // An actor lists the events it is in; from a card's actor link, its row is marked.
  await app.open(`#/case/${CASE}/timeline`)
  await group(card(page, BLOCKED), 'Actors').getByRole('link', { name: 'ICE officer (unnamed)' }).click()
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/actors/actor_ice_agent$`))
  const officer = page.locator('#actor-actor_ice_agent')
  await expect(officer).toHaveClass(/link-target/)
  await expect(group(officer, 'Events').getByRole('link', { name: BLOCKED })).toBeVisible()
  await expect(group(officer, 'Events').getByRole('link', { name: /ICE officer approaches/ })).toBeVisible()
  await expect(group(officer, 'Exhibits').getByRole('link', { name: VIDEO })).toBeVisible()
  await group(officer, 'Events')
    .getByRole('link', { name: /ICE officer approaches/ })
    .click()
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/timeline/event_approach$`))
  await expect(card(page, /ICE officer approaches/)).toHaveClass(/event--target/)

  // The excerpt: the briefing that cites it.
  await app.open(`#/case/${CASE}/statutes`)
  const vccr = page.locator('.statute-row[data-statute-id="statute_vccr_31"]')
  await expect(group(vccr, 'Cited in').getByRole('link', { name: BRIEFING }).first()).toBeVisible()
})

test('demo case: an issue with an event and an excerpt is listed with its links, kept, and removable with undo', async ({
  app,
}) => {
  const { page } = app
  await app.open(`#/case/${CASE}/issues`)
  // The demo comes with its two questions; this one is added beside them.
  const list = page.locator('.issue')
  await expect(list).toHaveCount(2)
  const issue = await addIssue(page, 'Was Art. 31(2) breached?', [BLOCKED], [/^VCCR art\. 31/])
  await expect(issue).toContainText('Open')
  await expect(group(issue, 'Facts').getByRole('link', { name: BLOCKED })).toBeVisible()
  await expect(group(issue, 'Excerpts').getByRole('link', { name: /^VCCR art\. 31/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Issues/ })).toContainText('3')

  await page.reload()
  const kept = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').filter({ hasText: 'Was Art. 31(2)' })
  await expect(group(kept, 'Facts').getByRole('link', { name: BLOCKED })).toBeVisible()
  const stored = (await app.services().issues.list(CASE)).find((i) => i.question === 'Was Art. 31(2) breached?')!
  expect(stored).toMatchObject({ eventIds: ['event_blocked'], statuteIds: ['statute_vccr_31'], status: 'open' })

  // Edit: answered, with the video as an exhibit.
  await kept.getByRole('button', { name: 'Edit issue “Was Art. 31(2) breached?”' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit issue' })
  await dialog.getByLabel('Status').selectOption('answered')
  await dialog
    .getByRole('group', { name: /^Exhibits/ })
    .getByRole('checkbox', { name: VIDEO })
    .check()
  await dialog.getByRole('button', { name: 'Save issue' }).click()
  await expect(dialog).toBeHidden()
  await expect(kept).toContainText('Answered')
  await expect(group(kept, 'Exhibits').getByRole('link', { name: VIDEO })).toBeVisible()

  // Both ends: the card, the exhibit and the excerpt name the issue.
  await group(kept, 'Facts').getByRole('link', { name: BLOCKED }).press('Enter') // links work from the keyboard
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/timeline/event_blocked$`))
  await expect(
    group(card(page, BLOCKED), 'Issues').getByRole('link', { name: 'Was Art. 31(2) breached?' }),
  ).toBeVisible()
  await app.open(`#/case/${CASE}/statutes/statute_vccr_31`)
  const vccr = page.locator('.statute-row[data-statute-id="statute_vccr_31"]')
  await expect(vccr).toHaveClass(/link-target/)
  await group(vccr, 'Issues').getByRole('link', { name: 'Was Art. 31(2) breached?' }).click()
  await expect(page).toHaveURL(new RegExp(`#/case/${CASE}/issues/${stored.id}$`))
  await expect(page.locator(`#issue-${stored.id}`)).toHaveClass(/link-target/)

  // Remove, then undo from the notice: the issue is back with its id and links.
  await page.getByRole('button', { name: 'Remove issue “Was Art. 31(2) breached?”' }).click()
  await page.getByRole('dialog', { name: 'Remove issue' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.locator(`#issue-${stored.id}`)).toHaveCount(0)
  await expect(list).toHaveCount(2)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(page.locator(`#issue-${stored.id}`)).toContainText('Answered')
  expect(await app.services().issues.list(CASE)).toContainEqual(
    expect.objectContaining({ id: stored.id, evidenceIds: ['evidence_video'], eventIds: ['event_blocked'] }),
  )
})

test('a case made through the window: links both ways, "cited in", and an issue kept across a reload', async ({
  app,
}) => {
  const { page } = app
  await app.open()
  await page.getByRole('button', { name: 'New case' }).first().click()
  const newCase = page.getByRole('dialog', { name: 'New case' })
  await newCase.getByLabel('Title').fill('Border post incident')
  await newCase.getByLabel('Classification').fill('UNCLASSIFIED')
  await newCase.getByLabel('Classification').press('Enter')
  await expect(newCase).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Border post incident')
  const caseId = decodeURIComponent(/#\/case\/([^/]+)\//.exec(page.url())![1])

  // An actor, an event with the actor, an exhibit supporting the event.
  await page.getByRole('link', { name: /^Actors/ }).click()
  await page.getByRole('group', { name: 'Add an actor' }).getByLabel('Name').fill('Guard Ortiz')
  await page.getByRole('button', { name: 'Add actor' }).click()
  await expect(page.getByRole('rowheader', { name: 'Guard Ortiz' })).toBeVisible()

  await page.getByRole('link', { name: /^Timeline/ }).click()
  await page.getByRole('button', { name: 'Add event' }).click()
  const form = page.getByRole('dialog', { name: 'Add event' })
  await form.getByLabel('Date and time').fill('2026-03-01T10:00')
  await form.getByLabel('Time zone').selectOption('Europe/Madrid')
  await form.getByLabel('What happened').fill('Car stopped at the barrier')
  await form.getByRole('checkbox', { name: 'Guard Ortiz' }).check()
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(form).toBeHidden()

  await page.getByRole('link', { name: /^Evidence/ }).click()
  await page.getByRole('button', { name: 'Add URL reference…' }).click()
  const url = page.getByRole('dialog', { name: 'Add URL reference' })
  await url.getByLabel('Title').fill('Phone video of the stop')
  await url.getByLabel('Source URL as captured').fill('https://social.example/post/7')
  await url.getByRole('button', { name: 'Add reference' }).click()
  await expect(url).toBeHidden()
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  await page
    .getByRole('group', { name: /^Timeline events/ })
    .getByRole('checkbox', { name: /Car stopped at the barrier/ })
    .check()
  await expect(page.locator('.ev-editor__sub').getByText('Saved')).toBeVisible()

  // An excerpt linked to the case, and a briefing citing both.
  await page.getByRole('link', { name: /^Statutes/ }).click()
  await page.getByRole('button', { name: 'Add excerpt' }).click()
  const excerpt = page.getByRole('dialog', { name: 'Add a statute excerpt' })
  await excerpt.getByLabel('Instrument').fill('Schengen Borders Code')
  await excerpt.getByLabel('Short name').fill('SBC')
  await excerpt.getByLabel('Article', { exact: true }).fill('8')
  await excerpt.getByLabel('Exact text').fill('Border checks on persons shall be proportionate.')
  await excerpt.getByRole('button', { name: 'Add and link to this case' }).click()
  await expect(excerpt).toBeHidden()

  await page.getByRole('link', { name: /^Briefings/ }).click()
  const create = page.getByRole('form', { name: 'New briefing' })
  await create.getByLabel('Template').selectOption('blank')
  await create.getByLabel('Title (optional)').fill('Note on the stop')
  await create.getByRole('button', { name: 'Create' }).click()
  const body = page.getByRole('textbox', { name: 'Briefing text' })
  await body.click()
  await page.keyboard.type('The stop is on video')
  await cite(page, 'Phone video')
  await page.keyboard.type('. Checks must be proportionate')
  await cite(page, 'Schengen')
  await expect(body.locator('[data-citation]')).toHaveCount(2)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  // Both ends.
  await page.getByRole('link', { name: /^Timeline/ }).click()
  const stop = card(page, 'Car stopped at the barrier')
  await expect(group(stop, 'Actors').getByRole('link', { name: 'Guard Ortiz' })).toBeVisible()
  await group(stop, 'Exhibits').getByRole('link', { name: 'Phone video of the stop' }).click()
  await page.getByRole('tab', { name: /^Links/ }).click()
  const panel = page.getByRole('tabpanel')
  await expect(group(panel, 'Supports').getByRole('link', { name: 'Car stopped at the barrier' })).toBeVisible()
  const cited = group(panel, 'Cited in').getByRole('listitem')
  await expect(cited).toHaveCount(1)
  await expect(cited.getByRole('link', { name: 'Note on the stop' })).toBeVisible()
  await expect(cited).toContainText('The stop is on video')

  await page.getByRole('link', { name: /^Actors/ }).click()
  const guard = page.getByRole('row', { name: /Guard Ortiz/ })
  await expect(group(guard, 'Events').getByRole('link', { name: 'Car stopped at the barrier' })).toBeVisible()

  await page.getByRole('link', { name: /^Statutes/ }).click()
  const sbc = page.locator('.statute-row').filter({ hasText: 'SBC art. 8' })
  const sbcCited = group(sbc, 'Cited in').getByRole('listitem')
  await expect(sbcCited.getByRole('link', { name: 'Note on the stop' })).toBeVisible()
  await expect(sbcCited).toContainText('Checks must be proportionate')

  // An issue on the new case, kept across a reload.
  await page.getByRole('link', { name: /^Issues/ }).click()
  const issue = await addIssue(page, 'Was the stop lawful?', [/Car stopped at the barrier/], [/^SBC art\. 8/])
  await expect(group(issue, 'Facts').getByRole('link', { name: 'Car stopped at the barrier' })).toBeVisible()
  await expect(group(issue, 'Excerpts').getByRole('link', { name: 'SBC art. 8' })).toBeVisible()
  await page.reload()
  const kept = page
    .getByRole('list', { name: 'Issues' })
    .getByRole('listitem')
    .filter({ hasText: 'Was the stop lawful?' })
  await expect(group(kept, 'Facts').getByRole('link', { name: 'Car stopped at the barrier' })).toBeVisible()
  await expect(group(kept, 'Excerpts').getByRole('link', { name: 'SBC art. 8' })).toBeVisible()
  expect(await app.services().issues.list(caseId)).toEqual([
    expect.objectContaining({
      question: 'Was the stop lawful?',
      eventIds: [expect.any(String)],
      statuteIds: [expect.any(String)],
    }),
  ])
})

test('keyboard only: an issue added and its fact followed without the mouse', async ({ app }) => {
  const { page } = app
  await app.open(`#/case/${CASE}/issues`)
  const add = page.getByRole('button', { name: 'Add issue', exact: true })
  await add.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add a legal issue' })
  await expect(dialog.getByLabel('Question')).toBeFocused()
  await page.keyboard.type('Was consent ever given?')
  // The dialog keeps Tab inside: back past its close button wraps round to the submit button.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Add issue', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  const issue = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').filter({ hasText: 'Was consent' })
  await expect(issue).toContainText('Nothing linked yet.')
  await expect(add).toBeFocused() // focus returns to where it was
})

/** Inserts a citation at the caret through the picker (Ctrl+Shift+C), choosing the one match of `query`. */
async function cite(page: Page, query: string) {
  await page.keyboard.press('Control+Shift+C')
  const picker = page.getByRole('dialog', { name: 'Insert a citation' })
  await picker.getByRole('combobox').fill(query)
  await expect(picker.getByRole('option')).toHaveCount(1)
  await picker.getByLabel('Pinpoint').press('Enter')
  await expect(picker).toBeHidden()
}

test('the issues tab and its dialog are wholly translated', async ({ app }) => {
  const { page } = app
  await app.services().issues.add(CASE, {
    question: 'Was Art. 31(2) breached?',
    eventIds: ['event_blocked'],
    evidenceIds: ['evidence_video'],
    statuteIds: ['statute_vccr_31'],
  })
  await usePseudoLanguage(page)
  await app.open(`#/case/${CASE}/issues`)
  await expect(page.locator('.issue .link-chip').first()).toBeVisible()
  await expectAllTranslated(app)
  await page.locator('.issue__actions button').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectAllTranslated(app)
  await page.keyboard.press('Escape')
  await app.open(`#/case/${CASE}/evidence/evidence_video`)
  await page.locator('.ev-tabs__tab').nth(2).click()
  await expect(page.locator('.cited-in__item').first()).toBeVisible()
  // Only the links section: the evidence list's grade badges (B2…) are codes the evidence screens own.
  await expectAllTranslated(app, { within: '.ev-editor__panel' })
})

/**
 * For a person to look at, not assertions: the links and issues screens at 1024×700 in both
 * themes. CASEFILE_SHOTS=/folder npx playwright test tests/e2e/links.spec.ts -g screenshots
 */
test.describe('screenshots', () => {
  test.skip(!process.env.CASEFILE_SHOTS, 'set CASEFILE_SHOTS=/folder to take screenshots')
  test.use({ viewport: { width: 1024, height: 700 } })

  for (const scheme of ['light', 'dark'] as const)
    test(`links and issues, ${scheme}`, async ({ app }) => {
      const { page } = app
      const shot = (name: string) =>
        page.screenshot({ path: `${process.env.CASEFILE_SHOTS}/links-${scheme}-${name}.png` })
      await page.emulateMedia({ colorScheme: scheme })
      await app.services().issues.add(CASE, {
        question: 'Was Art. 31(2) of the Vienna Convention on Consular Relations breached when the officer approached?',
        notes: 'Entry was attempted without the consent of the head of post; the officer withdrew when told.',
        eventIds: ['event_approach', 'event_blocked'],
        evidenceIds: ['evidence_video'],
        statuteIds: ['statute_vccr_31'],
      })
      await app
        .services()
        .issues.add(CASE, { question: 'Did the protest note follow the usual form?', status: 'dropped' })
      await app.open(`#/case/${CASE}/timeline/event_blocked`)
      await expect(card(page, BLOCKED).locator('.link-chip').first()).toBeVisible()
      await shot('1-timeline')
      await app.open(`#/case/${CASE}/actors/actor_ice_agent`)
      await expect(page.locator('#actor-actor_ice_agent .link-chip').first()).toBeVisible()
      await shot('2-actors')
      await app.open(`#/case/${CASE}/evidence/evidence_video`)
      await page.getByRole('tab', { name: /^Links/ }).click()
      await expect(page.locator('.cited-in__item').first()).toBeVisible()
      await shot('3-exhibit-links')
      await app.open(`#/case/${CASE}/statutes/statute_vccr_31`)
      await expect(page.locator('.statute-row .cited-in__item').first()).toBeVisible()
      await shot('4-excerpt')
      await app.open(`#/case/${CASE}/issues`)
      await expect(page.locator('.issue').first()).toBeVisible()
      await shot('5-issues')
      await page.getByRole('button', { name: 'Add issue', exact: true }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await shot('6-issue-form')
      // Spanish runs longer: the same screens once more.
      await app.dispatch('preferences:set', { language: 'es' })
      await app.open(`#/case/${CASE}/issues`)
      await expect(page.getByRole('link', { name: /^Cuestiones/ })).toBeVisible()
      await shot('7-issues-es')
      await app.open(`#/case/${CASE}/evidence/evidence_video`)
      await page.getByRole('tab', { name: /^Vínculos/ }).click()
      await expect(page.locator('.cited-in__item').first()).toBeVisible()
      await shot('8-exhibit-links-es')
    })
})
