/**
 * The Evidence tab end to end: real handlers, real files, real blob serving.
 *
 * Media are generated at test time with ffmpeg (VP8 WebM, which Debian's
 * Chromium plays). Blobs reach the page at http://casefile.test/blob/<sha>
 * (the test Platform's blobUrlBase), answered by main's own serveBlobRequest.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type CasefileApp } from './fixtures'

// The build machines are shared: a test that takes 20 s alone can take three times that under load.
test.describe.configure({ timeout: 90_000 })

const SHOTS = process.env.CASEFILE_SHOTS_DIR ?? '/tmp/shots-evidence'
let media: { video: string; image: string }

test.beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-media-'))
  const video = join(dir, 'consulate-door.webm')
  const image = join(dir, 'consulate-gate.png')
  const ff = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args])
  ff([
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
  ff(['-f', 'lavfi', '-i', 'testsrc=size=640x360', '-frames:v', '1', image])
  media = { video, image }
  mkdirSync(SHOTS, { recursive: true })
})
test.afterAll(() => rmSync(dirname(media.video), { recursive: true, force: true }))

async function demoCaseId(app: CasefileApp) {
  return (await app.services().cases.list())[0].id
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

async function waitForMedia(page: Page) {
  await expect
    .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1)
}

test('import a video, annotate it at 3 s, reload, and seek back by clicking the annotation', async ({ app }) => {
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  await shot(page, '01-evidence-list')

  app.setNextFiles([media.video])
  await page.getByRole('button', { name: 'Import file…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 file' })).toBeVisible()
  await expect(page.getByRole('option', { name: /consulate-door\.webm/ })).toBeVisible()

  // The SHA-256 shown is the one Node computes from the file on disk.
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  await expect(page.getByTestId('sha256')).toHaveText(sha256(media.video))
  await shot(page, '02-item-editor')

  await page.getByRole('tab', { name: 'Video & annotations' }).click()
  await waitForMedia(page)
  await page.locator('video').evaluate(
    (v: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        v.addEventListener('seeked', () => resolve(), { once: true })
        v.currentTime = 3
      }),
  )
  await page.getByTestId('player-area').focus()
  await page.keyboard.press('m')
  const text = page.getByLabel('Text', { exact: true })
  await expect(text).toBeFocused()
  await page.keyboard.type('Agent steps towards the consulate door')
  // In the annotation list (the tier lane under the player holds the same annotation as a span).
  const annotations = page.getByRole('listbox', { name: 'Annotations' })
  await expect(annotations.getByRole('option', { name: /00:00:03.*Agent steps towards/ })).toBeVisible()
  await expect(page.locator('.ev-anned').getByText('Saved')).toBeVisible()
  await shot(page, '04-player-annotations')
  await page.getByRole('button', { name: 'Hide list' }).click()
  await page.getByTestId('player-area').scrollIntoViewIfNeeded()
  await shot(page, '04b-player-wide')
  await page.getByRole('button', { name: 'Show list' }).click()

  await page.reload()
  await page.getByRole('tab', { name: 'Video & annotations' }).click()
  await waitForMedia(page)
  expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeLessThan(0.5)
  await annotations.getByRole('option', { name: /Agent steps towards/ }).click()
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(3, 1)
  expect(app.consoleErrors).toEqual([])
})

test('frame stepping uses the frame rate measured while the video plays', async ({ app }) => {
  const video = join(mkdtempSync(join(tmpdir(), 'casefile-e2e-media-')), 'thirty.webm')
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    // Long enough to keep playing while a busy machine gathers the frames it needs.
    'testsrc=duration=30:size=160x120:rate=30',
    '-c:v',
    'libvpx',
    '-b:v',
    '200k',
    video,
  ])
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  app.setNextFiles([video])
  await page.getByRole('button', { name: 'Import file…' }).click()
  await expect(page.getByRole('option', { name: /thirty\.webm/ })).toBeVisible()
  await page.getByRole('tab', { name: 'Video & annotations' }).click()
  await waitForMedia(page)
  const rate = page.getByTestId('frame-rate')
  await expect(rate).toContainText('frames assumed 25 fps until the video plays')

  await page.getByRole('button', { name: 'Play (Space)' }).click()
  // Measured, not timed: it waits for the state (a busy machine drops frames and takes longer).
  await expect(rate).toContainText('frames of 30 fps')
  await page.getByRole('button', { name: 'Pause (Space)' }).click()
  const at = () => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)
  const before = await at()
  await page.getByTestId('player-area').focus()
  await page.keyboard.press('.')
  await expect.poll(at).toBeCloseTo(before + 1 / 30, 4)
  await page.keyboard.press(',')
  await page.keyboard.press(',')
  await expect.poll(at).toBeCloseTo(before - 1 / 30, 4)
  expect(app.consoleErrors).toEqual([])
})

test('a dropped file uploads with a progress bar and Cancel leaves nothing behind', async ({ app }) => {
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  const before = (await app.services().caseDetail.get(caseId)).evidence.length

  // A file large enough that the chunked upload is still running when we look.
  const drop = await page.evaluateHandle(() => {
    const bytes = new Uint8Array(48 * 1024 * 1024)
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251
    const dt = new DataTransfer()
    dt.items.add(new File([bytes], 'big-capture.bin', { type: 'application/octet-stream' }))
    return dt
  })
  const tab = page.locator('.ev-tab')
  await tab.dispatchEvent('dragover', { dataTransfer: drop })
  await tab.dispatchEvent('drop', { dataTransfer: drop })
  const progress = page.getByRole('progressbar')
  await expect(progress).toBeVisible()
  await expect(page.getByText(/Importing big-capture\.bin/).first()).toBeVisible()
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0)
  await shot(page, '03-import-progress')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toBeVisible()
  await expect(progress).toBeHidden()
  expect((await app.services().caseDetail.get(caseId)).evidence.length).toBe(before)
})

test('a dropped file is imported whole, across chunk boundaries, with the SHA-256 of its bytes', async ({ app }) => {
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  const drop = await page.evaluateHandle(() => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 123)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff
    const dt = new DataTransfer()
    dt.items.add(new File([bytes], 'witness-statement.pdf', { type: 'application/pdf' }))
    return dt
  })
  // The same bytes built here (the test page is not a secure context, so it has no crypto.subtle).
  const bytes = Buffer.alloc(5 * 1024 * 1024 + 123)
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff
  const expected = createHash('sha256').update(bytes).digest('hex')
  await page.locator('.ev-tab').dispatchEvent('drop', { dataTransfer: drop })
  await expect(page.getByRole('option', { name: /witness-statement\.pdf/ })).toBeVisible()
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  await expect(page.getByTestId('sha256')).toHaveText(expected)
  // Documents get page-and-quote annotations.
  await page.getByRole('tab', { name: 'File & annotations' }).click()
  await expect(page.getByRole('form', { name: 'Annotate a page' })).toBeVisible()
})

test('an image region is drawn with the mouse and stored in fractions', async ({ app }) => {
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  app.setNextFiles([media.image])
  await page.getByRole('button', { name: 'Import file…' }).click()
  await expect(page.getByRole('option', { name: /consulate-gate\.png/ })).toBeVisible()
  await page.getByRole('tab', { name: 'File & annotations' }).click()
  const img = page.locator('.ev-image__box img')
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(640)
  const box = (await page.getByTestId('region-canvas').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 5 })
  await page.mouse.up()
  await expect(page.getByLabel('Text', { exact: true })).toBeFocused()
  await page.keyboard.type('Guard at the gate')
  await expect(page.locator('.ev-anned').getByText('Saved')).toBeVisible()
  await page.getByRole('button', { name: 'Hide list' }).click()
  await page.getByTestId('region-canvas').scrollIntoViewIfNeeded()
  await shot(page, '05-image-region')

  const item = (await app.services().caseDetail.get(caseId)).evidence.find(
    (e) => e.file?.originalName === 'consulate-gate.png',
  )!
  const [ann] = await app.services().annotations.list(caseId, item.id)
  expect(ann.text).toBe('Guard at the gate')
  expect(ann.target.type).toBe('region')
  if (ann.target.type !== 'region') return
  expect(ann.target.x).toBeCloseTo(0.2, 1)
  expect(ann.target.y).toBeCloseTo(0.3, 1)
  expect(ann.target.width).toBeCloseTo(0.3, 1)
  expect(ann.target.height).toBeCloseTo(0.3, 1)
})

test('Verify integrity names the tampered file and the audit chain state', async ({ app }) => {
  // The tampered video no longer decodes; the player says so, which is the point.
  app.allowErrors(/Failed to load resource/)
  const caseId = await demoCaseId(app)
  const item = await app.services().evidence.importFile(caseId, media.video)
  const blob = join(app.services().root, 'blobs', item.file!.sha256)
  chmodSync(blob, 0o600)
  writeFileSync(blob, 'not the original video')
  const { page } = app
  await app.open(`#/case/${caseId}/evidence/${item.id}`)
  await page.getByRole('button', { name: 'Verify integrity' }).click()
  const result = page.getByRole('region', { name: 'Integrity check result' })
  // The demo ships two files of its own; only the tampered one fails.
  await expect(result).toContainText('1 of 3 files failed the check')
  await expect(result).toContainText('consulate-door.webm')
  await expect(result).toContainText('hash mismatch')
  await expect(result).toContainText(/Audit chain: intact/)
  await expect(page.getByRole('option', { name: /consulate-door\.webm/ })).toContainText('hash mismatch')
  await page.getByRole('tab', { name: /Custody log/ }).click()
  await expect(page.locator('.ev-custody')).toContainText('hash mismatch')
  await shot(page, '07-verify-mismatch')
  await page.locator('.ev-custody').scrollIntoViewIfNeeded()
  await shot(page, '08-custody-log')
})

test('verification edits autosave, survive a reload and are logged in custody', async ({ app }) => {
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  await page.getByRole('button', { name: 'Add URL reference…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add URL reference' })
  await dialog.getByLabel('Title').fill('Post by @consul_mpls')
  await dialog.getByLabel('Source URL as captured').fill('https://social.example/consul_mpls/status/1')
  await dialog.getByRole('button', { name: 'Add reference' }).click()
  const row = page.getByRole('option', { name: /Post by @consul_mpls/ })
  await expect(row).toContainText('URL only')

  await page.getByRole('tab', { name: 'Details & verification' }).click()
  const overall = page.getByRole('group', { name: 'Overall verification' })
  await overall.getByLabel('Status').selectOption('verified')
  await overall.getByLabel('Reasoning').fill('Account confirmed by the consulate by phone.')
  await page.getByLabel('Source reliability').selectOption('B')
  await page.getByLabel('Information credibility').selectOption('2')
  await expect(page.locator('.ev-editor__sub').getByText('Saved')).toBeVisible()
  await expect(row).toContainText('B2')
  await expect(page.locator('.ev-caveat')).toBeHidden()
  await page.getByRole('group', { name: 'Source check' }).scrollIntoViewIfNeeded()
  await shot(page, '02b-verification')

  await page.reload()
  await page.getByRole('tab', { name: 'Details & verification' }).click()
  await expect(page.getByRole('group', { name: 'Overall verification' }).getByLabel('Reasoning')).toHaveValue(
    'Account confirmed by the consulate by phone.',
  )
  await page.getByRole('tab', { name: /Custody log/ }).click()
  await expect(page.locator('.ev-custody')).toContainText('status changed')
})

test('notes: add, write rich text, autosave, reload', async ({ app }) => {
  const caseId = await demoCaseId(app)
  const { page } = app
  await app.open(`#/case/${caseId}/evidence`)
  await page.getByRole('tab', { name: /^Notes/ }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByLabel('Note title').fill('Call with the consul')
  const body = page.getByRole('textbox', { name: 'Note text' })
  await body.click()
  await page.keyboard.type('The agent left after ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('four minutes')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('.')
  await expect(page.locator('.ev-note').getByText('Saved')).toBeVisible()
  await shot(page, '06-notes')
  await page.reload()
  await page.getByRole('tab', { name: /^Notes/ }).click()
  await expect(page.getByRole('textbox', { name: 'Note text' }).locator('strong')).toHaveText('four minutes')
  const [note] = await app.services().notes.list(caseId)
  expect(note.title).toBe('Call with the consul')
})
