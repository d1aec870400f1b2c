/**
 * Long lists stay virtual: a case with 10,000 events opens its timeline with
 * only the rows in view in the DOM, and both scrolling and the keyboard reach
 * the last event. No timing assertions (speed is measured by the benchmarks).
 *
 * With CASEFILE_SHOTS=/folder set, screenshots of both timelines go there too.
 */
import { join } from 'node:path'
import type { TimelineEvent } from '@shared/domain'
import { test, expect } from './fixtures'

const N = 10_000
const ZONES = ['UTC', 'America/Chicago', 'Europe/Madrid', 'America/Guayaquil']
const YEAR_START = Date.parse('2025-01-01T00:00:00.000Z')
const YEAR_MS = 365 * 24 * 3600 * 1000
const shots = process.env.CASEFILE_SHOTS

/** Event i of N: evenly spread over 2025, so the id order is also the time order. */
function event(i: number): TimelineEvent {
  const n = String(i + 1).padStart(5, '0')
  return {
    id: `event_${n}`,
    at: new Date(YEAR_START + Math.floor((i * YEAR_MS) / N)).toISOString(),
    tz: ZONES[i % ZONES.length],
    precision: i % 7 === 0 ? 'approximate' : 'exact',
    title: `Event ${n}: ${i % 3 === 0 ? 'a longer title that says a bit more about what happened at the door' : 'short'}`,
    // Some rows are taller than others, so measured heights matter.
    description: i % 5 === 0 ? 'A description.\nOn a second line.\nAnd a third.' : '',
    location: i % 2 === 0 ? 'Consulate entrance' : '',
    actorIds: [],
    evidenceIds: [],
    sources: [],
    tags: [],
  }
}

test('a 10,000-event timeline renders only the rows in view and reaches the last one', async ({ app }) => {
  const { page } = app
  const services = app.services()
  const c = await services.cases.create({ title: 'Ten thousand events' })
  await services.cases.addEvents(
    c.id,
    Array.from({ length: N }, (_, i) => event(i)),
  )

  await app.open(`#/case/${c.id}/timeline`)
  const list = page.getByRole('list', { name: 'Timeline' })
  const rows = list.locator('.event')
  await expect(rows.first()).toContainText('Event 00001')
  await expect(page.getByText('10,000 events, earliest first')).toBeVisible()
  expect(await rows.count()).toBeGreaterThan(3)
  expect(await rows.count()).toBeLessThan(200)
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(N))
  if (shots) await page.screenshot({ path: join(shots, 'timeline-10000-top.png') })

  // Scrolling the page to its end brings the last event in (the virtualizer follows the scroll).
  const content = page.locator('#content')
  for (let i = 0; i < 5; i++) await content.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  const last = list.locator('.event', { hasText: 'Event 10000' })
  await expect(last).toBeVisible()
  expect(await rows.count()).toBeLessThan(200)
  await expect(last).toHaveAttribute('aria-posinset', String(N))
  if (shots) await page.screenshot({ path: join(shots, 'timeline-10000-bottom.png') })

  // Keyboard: back to the top with Home, then End moves focus to the last event.
  await content.evaluate((el) => el.scrollTo({ top: 0 }))
  await rows.first().focus()
  await page.keyboard.press('End')
  await expect(last).toBeFocused()
  await expect(last).toBeInViewport()
  if (shots) await page.screenshot({ path: join(shots, 'timeline-10000-end-key.png') })
  await page.keyboard.press('Home')
  await expect(list.locator('.event', { hasText: 'Event 00001' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(list.locator('.event', { hasText: 'Event 00002' })).toBeFocused()

  // Edit and Remove stay reachable with Tab from a row, and the edit form opens on that event.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Edit event: Event 00002: short' })).toBeFocused()
  await page.keyboard.press('Enter')
  const form = page.getByRole('dialog', { name: 'Edit event' })
  await expect(form.getByLabel('What happened')).toHaveValue('Event 00002: short')
  await form.getByLabel('What happened').fill('Event 00002: renamed')
  await form.getByRole('button', { name: 'Save event' }).click()
  await expect(form).toBeHidden()
  await expect(list.locator('.event', { hasText: 'Event 00002: renamed' })).toBeVisible()
  expect(await rows.count()).toBeLessThan(200)

  // A search hit's route (#/case/<id>/timeline/<eventId>) scrolls a far-away event into view and marks it.
  await app.open(`#/case/${c.id}/timeline/event_07500`)
  const target = list.locator('#event-event_07500')
  await expect(target).toBeInViewport()
  await expect(target).toHaveClass(/event--target/)
  if (shots) await page.screenshot({ path: join(shots, 'timeline-10000-search-target.png') })
  expect(await rows.count()).toBeLessThan(200)
})

test('the demo timeline keeps its look', async ({ app }) => {
  const { page } = app
  await app.open('#/case/case_ecu_mpls_2026/timeline')
  await expect(page.locator('.event').first()).toContainText('27 January 2026')
  if (shots) await page.screenshot({ path: join(shots, 'timeline-demo.png') })
  if (shots) await page.screenshot({ path: join(shots, 'timeline-demo-full.png'), fullPage: true })
})

test('an item with 1,000 annotations lists only the rows in view, in page order', async ({ app }) => {
  const { page } = app
  const services = app.services()
  const c = await services.cases.create({ title: 'Many annotations' })
  const item = await services.evidence.add(c.id, {
    kind: 'web page',
    title: 'Ministry bulletin',
    sourceUrl: 'https://example.org/bulletin',
  })
  // Added last page first: the list sorts by page, not by creation.
  for (let p = 1_000; p >= 1; p--)
    await services.annotations.add(c.id, item.id, { target: { type: 'page', page: p }, text: `Remark on page ${p}` })

  await app.open(`#/case/${c.id}/evidence/${item.id}`)
  await page.getByRole('tab', { name: 'Annotations' }).click()
  const list = page.getByRole('listbox', { name: 'Annotations' })
  const options = list.getByRole('option')
  await expect(options.first()).toContainText('Remark on page 1')
  expect(await options.count()).toBeLessThan(100)
  await expect(options.first()).not.toContainText('Remark on page 1000')

  await list.focus()
  await page.keyboard.press('End')
  await expect(list.getByRole('option', { name: /Remark on page 1000$/ })).toBeInViewport()
  expect(await options.count()).toBeLessThan(100)
  if (shots) await page.screenshot({ path: join(shots, 'annotations-1000-end.png') })
})

test('search results come a page at a time, and "Show more" adds the next page', async ({ app }) => {
  const { page } = app
  const services = app.services()
  const c = await services.cases.create({ title: 'Many Zanzibar events' })
  await services.cases.addEvents(
    c.id,
    Array.from({ length: 120 }, (_, i) => ({ ...event(i), title: `Zanzíbar meeting ${i + 1}` })),
  )
  await app.open(`#/case/${c.id}/timeline`)
  await page.keyboard.press('Control+k')
  const panel = page.getByRole('dialog', { name: 'Search' })
  await panel.getByRole('combobox', { name: 'Search' }).fill('zanzibar')
  await expect(panel.getByText(/^121 results, best 50 shown/)).toBeVisible()
  const results = panel.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').first()).toContainText('Many Zanzibar events')
  await expect(results.getByRole('option').nth(1)).toContainText('Zanzíbar meeting')
  if (shots) await page.screenshot({ path: join(shots, 'search-first-page.png') })
  await panel.getByRole('button', { name: 'Show 50 more' }).click()
  await expect(panel.getByText(/^121 results, best 100 shown/)).toBeVisible()
  await panel.getByRole('button', { name: 'Show 21 more' }).click()
  await expect(panel.getByText(/^121 results ·/)).toBeVisible()
  await expect(panel.getByRole('button', { name: /more/ })).toHaveCount(0)
  // The last hit is reachable from the keyboard.
  await panel.getByRole('combobox', { name: 'Search' }).press('End')
  await expect(results.getByRole('option', { selected: true })).toBeVisible()
  if (shots) await page.screenshot({ path: join(shots, 'search-all-pages.png') })
})
