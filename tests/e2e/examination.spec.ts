/**
 * The Examination tab of an evidence item (issue 16), on files the test makes
 * in a case of its own: a photo whose EXIF names a camera, a capture time, a
 * GPS position and editing software; a photo signed with Content Credentials;
 * a video and a re-encoded, cropped, stripped excerpt of it. The window shows
 * the facts with their sources, the warnings in its own words, the C2PA
 * outcome, the near-duplicate match as a link, the sun then and there, and
 * reads a file again on request; in the pseudo-language nothing is left untranslated.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { makeTestPki, makeVideo, patternJpeg, reencodeCropped, signJpeg, withExif } from '../helpers/media'
import { expect, test, type CasefileApp } from './fixtures'
import { expectAllTranslated, usePseudoLanguage } from './untranslated'

test.describe.configure({ timeout: 180_000 })

const SHOTS = process.env.CASEFILE_SHOTS_DIR ?? '/tmp/shots-examination'
let dir: string
const files = { photo: '', signed: '', original: '', repost: '' }

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-exam-'))
  files.photo = join(dir, 'gate.jpg')
  writeFileSync(
    files.photo,
    withExif(await patternJpeg(3), {
      make: 'Canon',
      model: 'EOS 80D',
      software: 'Adobe Photoshop 25.0',
      dateTimeOriginal: '2026:01:27 11:00:00',
      offsetTimeOriginal: '-06:00',
      gps: { latitude: 44.9778, longitude: -93.265 },
    }),
  )
  const pki = makeTestPki(dir)
  files.signed = join(dir, 'signed.jpg')
  writeFileSync(files.signed, await signJpeg(await patternJpeg(5), pki))
  files.original = join(dir, 'original.mp4')
  files.repost = join(dir, 'repost.mp4')
  makeVideo(files.original, { seconds: 12, creationTime: '2026-01-27T17:00:00Z' })
  reencodeCropped(files.original, files.repost, 4, 5)
  mkdirSync(SHOTS, { recursive: true })
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A case of the test's own with the four files in it; their ids. */
async function caseWithFiles(app: CasefileApp) {
  const s = app.services()
  const kase = await s.cases.create({ title: 'Gate incident', reference: 'EX-1' })
  const photo = await s.evidence.importFile(kase.id, files.photo, {
    title: 'Gate photo',
    details: { eventDate: '2026-01-28T17:00:00.000Z' },
  })
  const signed = await s.evidence.importFile(kase.id, files.signed, { title: 'Signed photo' })
  const original = await s.evidence.importFile(kase.id, files.original, { title: 'Original' })
  const repost = await s.evidence.importFile(kase.id, files.repost, { title: 'Repost' })
  return { caseId: kase.id, photo: photo.id, signed: signed.id, original: original.id, repost: repost.id }
}

async function openExamination(app: CasefileApp, caseId: string, itemId: string): Promise<Page> {
  await app.open(`#/case/${caseId}/evidence/${itemId}`)
  const { page } = app
  await page.getByRole('tab', { name: /Examination|Examen|⟦Examination⟧/ }).click()
  await expect(page.locator('.ex-panel h4').first()).toBeVisible()
  return page
}

/** The panel scrolls inside the editor: one viewport picture per section, for people to look at. */
async function shots(page: Page, name: string) {
  const headings = page.locator('.ex-panel h4')
  for (let i = 0; i < (await headings.count()); i++) {
    await headings.nth(i).scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, `${name}-${i}.png`) })
  }
}

test('facts with their sources, warnings in words, the sun, and a re-read', async ({ app }) => {
  const ids = await caseWithFiles(app)
  const page = await openExamination(app, ids.caseId, ids.photo)
  const panel = page.locator('.ex-panel')

  await expect(panel.locator('tr[data-fact=make] td').first()).toHaveText('Canon')
  await expect(panel.locator('tr[data-fact=captureTime] td').first()).toContainText('2026-01-27T11:00:00-06:00')
  await expect(panel.locator('tr[data-fact=make] td').nth(1)).toContainText('exifr')
  await expect(panel.locator('[data-code=capture-time-differs]')).toContainText(
    "The file says it was made 24 h before the time claimed by the item's event date (margin 2 h).",
  )
  await expect(panel.locator('[data-code=editing-software]')).toContainText('Adobe Photoshop 25.0')
  await expect(panel.locator('.ex-c2pa')).toHaveAttribute('data-status', 'absent')
  // The sun at the claimed time where the file says it was, and at the file's own time and place.
  await expect(panel.locator('.ex-sun__aid h5')).toHaveText([
    "The item's event date, at the file's GPS position",
    "The file's own capture time and GPS position",
  ])
  const own = panel.locator('.ex-sun__aid').nth(1)
  await expect(own).toContainText('America/Chicago')
  await expect(own).toContainText('27 January 2026, 11:00')
  await shots(page, 'photo-en')

  await panel.getByRole('button', { name: 'Read the file again' }).click()
  await expect(panel.getByRole('status')).toHaveText('The file was read again.')
  await expect(panel.locator('tr[data-fact=make] td').first()).toHaveText('Canon')
})

test('Content Credentials and a near-duplicate clip that links to its original', async ({ app }) => {
  const ids = await caseWithFiles(app)
  let page = await openExamination(app, ids.caseId, ids.signed)
  await expect(page.locator('.ex-c2pa')).toHaveAttribute('data-status', 'valid')
  await expect(page.locator('.ex-c2pa')).toContainText('Casefile Test Signer')

  page = await openExamination(app, ids.caseId, ids.repost)
  const match = page.locator('.ex-match')
  await expect(match).toHaveCount(1)
  await expect(match).toContainText(
    'This clip matches “Original” at 00:00:04–00:00:09 (here 00:00:00–00:00:05; 5 keyframes).',
  )
  await expect(page.locator('[data-code=metadata-stripped]')).toBeVisible()
  await shots(page, 'repost-en')
  await match.getByRole('link', { name: 'Open “Original”' }).click()
  await expect(page).toHaveURL(new RegExp(`/evidence/${ids.original}$`))
})

test('in Spanish, and nothing untranslated in the pseudo-language', async ({ app }) => {
  const ids = await caseWithFiles(app)
  await app.dispatch('preferences:set', { language: 'es' })
  let page = await openExamination(app, ids.caseId, ids.photo)
  await expect(page.locator('[data-code=capture-time-differs]')).toContainText(
    'El archivo indica que se creó 24 h antes de la hora que afirma la fecha del hecho del elemento (margen 2 h).',
  )
  await shots(page, 'photo-es')
  await app.dispatch('preferences:set', { language: 'en' })

  await usePseudoLanguage(app.page)
  for (const id of [ids.photo, ids.signed, ids.repost]) {
    page = await openExamination(app, ids.caseId, id)
    await expectAllTranslated(app, { within: '.ex-panel' })
  }
})
