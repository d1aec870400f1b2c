/**
 * Tier lanes under the player (#15): annotations on two tiers drawn to scale,
 * a click plays from a span, edges dragged and moved by keys and stored through
 * the real handlers, playback speed, and every word from the catalogue.
 *
 * The video is made at test time with ffmpeg (VP8 WebM, 6 s), as evidence.spec.ts does.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { Annotation } from '@shared/domain'
import { expect, test, type CasefileApp } from './fixtures'
import { expectAllTranslated, usePseudoLanguage } from './untranslated'

// Shared, busy build machines: the limits only catch a hang; every wait is on a state.
test.describe.configure({ timeout: 120_000 })

const SHOTS = process.env.CASEFILE_SHOTS_DIR ?? '/tmp/shots-tiers'
let video: string

test.beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-tiers-'))
  video = join(dir, 'consulate-door.webm')
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=6:size=320x240:rate=25',
    '-c:v',
    'libvpx',
    '-b:v',
    '300k',
    '-pix_fmt',
    'yuv420p',
    video,
  ])
  mkdirSync(SHOTS, { recursive: true })
})
test.afterAll(() => rmSync(dirname(video), { recursive: true, force: true }))

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })
const caseIdOf = async (app: CasefileApp) => (await app.services().cases.list())[0].id
const currentTime = (page: Page) => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)

async function waitForMedia(page: Page) {
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0)
  await expect(page.getByTestId('tier-playhead')).toBeAttached()
}

async function seek(page: Page, seconds: number) {
  await page.locator('video').evaluate(
    (v: HTMLVideoElement, s) =>
      new Promise<void>((resolve) => {
        if (Math.abs(v.currentTime - s) < 1e-6) return resolve()
        v.addEventListener('seeked', () => resolve(), { once: true })
        v.currentTime = s
      }),
    seconds,
  )
}

const lane = (page: Page, tier: string) => page.locator(`[data-testid="tier-lane"][data-tier="${tier}"]`)
const widthOf = async (l: Locator) => (await l.boundingBox())!.width

/** The stored annotation with this text (read through the services, not the screen). */
async function stored(app: CasefileApp, caseId: string, evidenceId: string, text: string): Promise<Annotation> {
  const found = (await app.services().annotations.list(caseId, evidenceId)).find((a) => a.text === text)
  if (!found) throw new Error(`no annotation "${text}"`)
  return found
}
const rangeOf = (a: Annotation) => (a.target.type === 'time' ? [a.target.start, a.target.end] : [NaN, NaN])

/** Annotates at `start` with M, types its text, types its end, and puts it on a new tier. */
async function annotate(page: Page, start: number, end: string, text: string, tier: string) {
  await seek(page, start)
  await page.getByTestId('player-area').focus()
  await page.keyboard.press('m')
  const editor = page.locator('.ev-anned')
  await expect(editor.getByLabel('Text', { exact: true })).toBeFocused()
  await page.keyboard.type(text)
  const endField = editor.getByLabel('End', { exact: true })
  await endField.fill(end)
  await endField.press('Enter')
  await editor.getByRole('button', { name: 'Move to a new tier…' }).click()
  await editor.getByPlaceholder('Name of the new tier').fill(tier)
  await editor.getByRole('button', { name: 'Create tier' }).click()
  await expect(editor.getByLabel('Tier', { exact: true })).toHaveValue(tier)
  await expect(editor.getByText('Saved')).toBeVisible()
}

test('two tiers as lanes: spans to scale, click plays from one, edges dragged and moved by keys, speed kept', async ({
  app,
}) => {
  const caseId = await caseIdOf(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  app.setNextFiles([video])
  await page.getByRole('button', { name: 'Import file…' }).click()
  await expect(page.getByRole('option', { name: /consulate-door\.webm/ })).toBeVisible()
  const item = (await app.services().caseDetail.get(caseId)).evidence.find(
    (e) => e.file?.originalName === 'consulate-door.webm',
  )!
  await page.getByRole('button', { name: 'Hide list' }).click()
  await page.getByRole('tab', { name: 'Video & annotations' }).click()
  await waitForMedia(page)

  await annotate(page, 1, '00:00:02', 'Consul speaks', 'speech')
  await annotate(page, 3, '00:00:05.5', 'Agent steps to the door', 'actions')
  expect(rangeOf(await stored(app, caseId, item.id, 'Consul speaks'))).toEqual([1, 2])
  expect((await stored(app, caseId, item.id, 'Agent steps to the door')).tier).toBe('actions')
  // The tiers are the item's, in the order they were made.
  expect((await app.services().caseDetail.get(caseId)).evidence.find((e) => e.id === item.id)?.tiers).toEqual([
    'speech',
    'actions',
  ])

  // Two lanes (no default lane: every annotation has a tier), one span each, widths as their durations.
  await expect(page.getByTestId('tier-lane')).toHaveCount(2)
  const speech = lane(page, 'speech').getByTestId('tier-span')
  const actions = lane(page, 'actions').getByTestId('tier-span')
  await expect(speech).toHaveCount(1)
  await expect(actions).toHaveCount(1)
  const track = await widthOf(page.getByTestId('tier-scroll'))
  expect(await widthOf(speech)).toBeCloseTo((track * 1) / 6, 0)
  expect((await widthOf(actions)) / (await widthOf(speech))).toBeCloseTo(2.5, 1)
  await page.getByTestId('tier-lanes').scrollIntoViewIfNeeded()
  await shot(page, '01-two-tiers')

  // A click on a span plays from its start and selects it.
  await seek(page, 0)
  await actions.click()
  await expect.poll(() => currentTime(page)).toBeCloseTo(3, 2)
  await expect(actions).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.ev-anned').getByLabel('Text', { exact: true })).toHaveValue('Agent steps to the door')

  // Dragging the end edge of "speech" one second to the right stores 1–3.
  const edge = (await speech.getByTestId('tier-edge-end').boundingBox())!
  const perSecond = track / 6
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2)
  await page.mouse.down()
  await page.mouse.move(edge.x + edge.width / 2 + perSecond, edge.y + edge.height / 2, { steps: 6 })
  await page.mouse.up()
  await expect.poll(async () => rangeOf(await stored(app, caseId, item.id, 'Consul speaks'))[1]).toBeCloseTo(3, 1)
  expect(rangeOf(await stored(app, caseId, item.id, 'Consul speaks'))[0]).toBe(1)
  await expect.poll(() => widthOf(speech)).toBeCloseTo(perSecond * 2, 0)

  // Keys on the focused span: Alt+← moves its start back a frame (25 fps assumed: the video has not played),
  // Alt+Shift+→ its end on a frame. The player does not seek meanwhile.
  await actions.focus()
  const before = await currentTime(page)
  await page.keyboard.press('Alt+ArrowLeft')
  await page.keyboard.press('Alt+ArrowLeft')
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect
    .poll(async () => rangeOf(await stored(app, caseId, item.id, 'Agent steps to the door')))
    .toEqual([2.92, 5.54])
  expect(await currentTime(page)).toBeCloseTo(before, 3)
  // Escape during a drag puts the edge back: nothing else is stored.
  const widthBefore = await widthOf(actions)
  const grip = (await actions.getByTestId('tier-edge-start').boundingBox())!
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
  await page.mouse.down()
  await page.mouse.move(grip.x - perSecond, grip.y + grip.height / 2, { steps: 4 })
  await expect.poll(() => widthOf(actions)).toBeGreaterThan(widthBefore + perSecond / 2)
  await page.keyboard.press('Escape')
  await page.mouse.up()
  await expect.poll(() => widthOf(actions)).toBeCloseTo(widthBefore, 0)
  await expect(page.getByTestId('tier-lanes').getByText('Saved')).toBeVisible()
  expect(rangeOf(await stored(app, caseId, item.id, 'Agent steps to the door'))).toEqual([2.92, 5.54])
  await actions.focus()

  // Arrows move between spans: ↑ goes to the lane above, Enter plays from that span.
  await page.keyboard.press('ArrowUp')
  await expect(speech).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => currentTime(page)).toBeCloseTo(1, 2)

  // Zoom: + widens the track; the span keeps its share of it.
  const zoomed = page.getByTestId('tier-zoom')
  await page.keyboard.press('+')
  await expect(zoomed).toHaveText('1.5×')
  await expect.poll(() => widthOf(speech)).toBeCloseTo(perSecond * 2 * 1.5, 0)
  await page.keyboard.press('0')
  await expect(zoomed).toHaveText('1×')

  // Ctrl+wheel over the lanes zooms them, not the page.
  const scroller = page.getByTestId('tier-scroll')
  const area = (await scroller.boundingBox())!
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2)
  await page.keyboard.down('Control')
  await page.mouse.wheel(0, -120)
  await page.keyboard.up('Control')
  await expect(zoomed).toHaveText('1.5×')
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1)

  // Zoomed in to 4×, the track scrolls to keep the playhead in sight when it moves out of view.
  await speech.focus()
  for (const z of ['2×', '3×', '4×']) {
    await page.keyboard.press('+')
    await expect(zoomed).toHaveText(z)
  }
  await seek(page, 5.5)
  const playheadInView = () =>
    page.evaluate(() => {
      const p = document.querySelector('[data-testid="tier-playhead"]')!.getBoundingClientRect()
      const s = document.querySelector<HTMLElement>('[data-testid="tier-scroll"]')!
      const r = s.getBoundingClientRect()
      return { inView: p.left >= r.left && p.left <= r.right, scrolled: s.scrollLeft }
    })
  await expect.poll(playheadInView).toMatchObject({ inView: true })
  expect((await playheadInView()).scrolled).toBeGreaterThan(area.width)
  await page.getByTestId('tier-lanes').scrollIntoViewIfNeeded()
  await shot(page, '01b-zoomed-4x')
  await speech.focus()
  await page.keyboard.press('0')
  await expect(zoomed).toHaveText('1×')
  // At 1× the playhead is where the time is, across the lanes.
  const lanesBox = (await page.getByTestId('tier-lane').first().boundingBox())!
  const head = (await page.getByTestId('tier-playhead').boundingBox())!
  expect(head.x - lanesBox.x).toBeCloseTo((track * 5.5) / 6, -1)
  expect(head.height).toBeGreaterThanOrEqual(lanesBox.height * 2)

  // Speed: 0.5× on the video, and still 0.5× after another section of the item was shown.
  const speed = page.getByRole('combobox', { name: /Playback speed/ })
  await speed.selectOption('0.5')
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.5)
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  await page.getByRole('tab', { name: 'Video & annotations' }).click()
  await waitForMedia(page)
  await expect(page.getByRole('combobox', { name: /Playback speed/ })).toHaveValue('0.5')
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.5)

  // Readable at 1024×700, in both themes.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByTestId('tier-lanes').scrollIntoViewIfNeeded()
  await shot(page, '02-tiers-1024')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shot(page, '03-tiers-1024-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  // With the list shown the pane is one column: only the player is pinned, and a span reached by the keyboard
  // comes into sight below it, not under it.
  await page.getByRole('button', { name: 'Show list' }).click()
  const help = page.locator('.ev-player__help')
  if (await help.evaluate((d: HTMLDetailsElement) => d.open)) await help.locator('summary').click()
  // The pane measures the pinned player once the new layout is drawn (a ResizeObserver): wait for that state,
  // as a person would see the one-column layout before tabbing on.
  const pinnedPlayer = () =>
    page.locator('.ev-pane').evaluate((el) => {
      const player = el.querySelector('.ev-player')!.getBoundingClientRect().height
      return Math.abs(parseFloat(getComputedStyle(el).getPropertyValue('--ev-media-h')) - player)
    })
  await expect.poll(pinnedPlayer).toBeLessThan(1)
  // Scrolled to the end first, so the focus has to bring the lanes back down from under the player.
  await page.locator('.content').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await speech.focus()
  const playerBottom = await page.getByTestId('player-area').evaluate((el) => el.getBoundingClientRect().bottom)
  const spanBox = (await speech.boundingBox())!
  expect(spanBox.y).toBeGreaterThanOrEqual(playerBottom - 1)
  expect(spanBox.y + spanBox.height).toBeLessThanOrEqual(700)
  await shot(page, '05-tiers-1024-stacked')
  expect(app.consoleErrors).toEqual([])
})

test('the evidence screen with tier lanes is all in the catalogue', async ({ app }) => {
  const caseId = await caseIdOf(app)
  const item = await app.services().evidence.importFile(caseId, video)
  await app.services().evidence.update(caseId, item.id, { tiers: ['speech'] })
  const add = (start: number, end: number, text: string, tier?: string) =>
    app.services().annotations.add(caseId, item.id, {
      target: { type: 'time', start, end },
      tier,
      text,
      tags: [],
      eventIds: [],
      statuteIds: [],
    })
  await add(0.5, 2, 'Consul speaks', 'speech')
  await add(2.5, 4, 'Door held')
  await add(4, 5, '')
  const { page } = app
  await usePseudoLanguage(page)
  await page.setViewportSize({ width: 1024, height: 700 })
  await app.open(`#/case/${caseId}/evidence/${item.id}`)
  await waitForMedia(page)
  await expect(page.getByTestId('tier-lane')).toHaveCount(2)
  await page.getByTestId('tier-span').first().click()
  await page.getByTestId('tier-lanes').getByRole('button', { name: /⟦/ }).last().click()
  await expect(page.getByTestId('tier-lanes').locator('input')).toBeVisible()
  await page.getByTestId('tier-lanes').scrollIntoViewIfNeeded()
  await shot(page, '04-pseudo')
  // The media pane: player, lanes, list and the annotation's editor. (The item list's grade badges and a statute's
  // pinpoint "art. 31" in the link picker are codes of other screens, checked where they belong.)
  await expectAllTranslated(app, { within: '.ev-pane', allow: [/\bart\. \d+/] })
})

test('in Spanish at 1024×700: lanes, the tier field and the shortcut sheet', async ({ app }) => {
  const caseId = await caseIdOf(app)
  const item = await app.services().evidence.importFile(caseId, video)
  await app.services().evidence.update(caseId, item.id, { tiers: ['habla', 'acciones'] })
  const add = (start: number, end: number, text: string, tier?: string) =>
    app.services().annotations.add(caseId, item.id, {
      target: { type: 'time', start, end },
      tier,
      text,
      tags: [],
      eventIds: [],
      statuteIds: [],
    })
  await add(0.5, 2, 'El cónsul habla', 'habla')
  await add(2.5, 4.5, 'El agente retrocede', 'acciones')
  await add(4.6, 5.8, 'Sin capa')
  expect((await app.dispatch('preferences:set', { language: 'es' })).ok).toBe(true)
  const { page } = app
  await page.setViewportSize({ width: 1024, height: 700 })
  await app.open(`#/case/${caseId}/evidence/${item.id}`)
  await waitForMedia(page)
  const lanes = page.getByRole('region', { name: 'Capas' })
  await expect(lanes.getByTestId('tier-lane')).toHaveCount(3)
  await expect(lanes.locator('.tl__name').nth(1)).toHaveText('Capa predeterminada')
  await lanes.getByTestId('tier-span').nth(1).click()
  await expect(page.locator('.ev-anned').getByLabel('Capa', { exact: true })).toHaveValue('habla')
  await page.locator('.ev-anned').getByRole('button', { name: 'Pasar a una capa nueva…' }).click()
  await page.locator('.ev-anned').getByPlaceholder('Nombre de la capa nueva').fill('a<b')
  await page.locator('.ev-anned').getByRole('button', { name: 'Crear la capa' }).click()
  await expect(page.locator('.ev-anned').getByRole('alert')).toContainText('sin < > & ni')
  await lanes.scrollIntoViewIfNeeded()
  await shot(page, '06-es-1024')
  await page.locator('.ev-anned').scrollIntoViewIfNeeded()
  await shot(page, '07-es-1024-tier-field')
  await app.emit('menu:command', { name: 'shortcuts' })
  const sheet = page.locator('.shortcut-sheet')
  await expect(sheet).toContainText('Mover el inicio del tramo un fotograma')
  await sheet.getByRole('heading', { name: 'En un tramo de las capas' }).scrollIntoViewIfNeeded()
  await shot(page, '08-es-shortcuts')
})
