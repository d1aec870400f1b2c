/**
 * Derived exhibits and transcripts in the window (issue 15), on the demo's
 * sample clip: a still grabbed from the frame the player shows and a clip of a
 * selected span become new exhibits with their own SHA-256 and a custody entry
 * naming the source; the annotations go out as WebVTT and come back in.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { expectAllTranslated, usePseudoLanguage } from './untranslated'

const CASE = 'case_ecu_mpls_2026'
const CLIP = 'evidence_sample_clip'
let dir: string
test.beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-exhibits-'))))
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('a still of this frame and a clip of the selected span become exhibits; annotations out as WebVTT and back', async ({
  app,
}) => {
  const { page } = app
  const s = app.services()
  const source = (await s.caseDetail.get(CASE)).evidence.find((e) => e.id === CLIP)!
  await app.open(`#/case/${CASE}/evidence/${CLIP}`)
  const video = page.locator('.ev-editor video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2)
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 2))
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.seeking && v.readyState >= 2)).toBe(true)

  const tools = page.locator('.ev-tools')
  await tools.getByRole('button', { name: 'Still of this frame' }).click()
  await expect(tools.getByRole('status')).toContainText('as a new exhibit')
  const still = (await s.caseDetail.get(CASE)).evidence.find((e) => e.tags.includes('still'))!
  expect(still).toMatchObject({ kind: 'image', title: `Still of “${source.title}” at 00:00:02` })
  expect(still.file?.sha256).toMatch(/^[0-9a-f]{64}$/)
  expect(still.custody.map((c) => c.detail).join('\n')).toContain(
    `grabbed in the player from "${source.title}" (${CLIP}, SHA-256 ${source.file!.sha256})`,
  )

  // The clip button waits for a span: select the first annotation (0–2.5 s).
  const clipButton = tools.getByRole('button', { name: 'Clip of the selected span' })
  await expect(clipButton).toBeDisabled()
  await page.locator('.ev-pane__side [role=listbox] [role=option]').first().click()
  await expect(clipButton).toBeEnabled()
  await clipButton.click()
  await expect(tools.getByRole('status')).toContainText('Clip of')
  const clip = (await s.caseDetail.get(CASE)).evidence.find((e) => e.tags.includes('clip'))!
  expect(clip).toMatchObject({ kind: 'video' })
  expect(clip.custody.map((c) => c.detail).join('\n')).toContain(`SHA-256 ${source.file!.sha256}`)
  // The new exhibits are in the list beside it.
  await expect(page.getByRole('link', { name: /Open it/ })).toBeVisible()
  await expect(page.getByText(still.title).first()).toBeVisible()

  // Out as WebVTT (the default tier), then back in: the same cues again.
  const before = (await s.annotations.list(CASE, CLIP)).length
  const vtt = join(dir, 'clip.vtt')
  app.setNextSavePath(vtt)
  await tools.getByLabel('Format').selectOption('vtt')
  await tools.getByRole('button', { name: 'Export annotations…' }).click()
  await expect(tools.getByRole('status')).toContainText(`written to ${vtt}`)
  expect(readFileSync(vtt, 'utf8')).toMatch(/^WEBVTT/)
  app.setNextFiles([vtt])
  await tools.getByRole('button', { name: 'Import a transcript…' }).click()
  await expect(tools.getByRole('status')).toContainText(`${before} annotations added.`)
  expect((await s.annotations.list(CASE, CLIP)).length).toBe(2 * before)
})

test('the tools are in the catalogue', async ({ app }) => {
  await usePseudoLanguage(app.page)
  await app.open(`#/case/${CASE}/evidence/${CLIP}`)
  await expect(app.page.locator('.ev-tools')).toBeVisible()
  await expectAllTranslated(app, { within: '.ev-tools' })
})
