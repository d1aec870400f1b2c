/**
 * Every main screen of the window through axe-core (WCAG 2.1 A and AA), in
 * both themes and both languages: no serious or critical violation. The light
 * theme's pictures of the screens marked `readme` are the README's screenshots; they are written to
 * test-results/readme-screenshots, or to CASEFILE_README_SHOTS
 * (`npm run screenshots` writes them into docs/screenshots for the README).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test, type CasefileApp } from './fixtures'

const CASE = 'case_ecu_mpls_2026'
const SHOTS = process.env.CASEFILE_README_SHOTS ?? join('test-results', 'readme-screenshots')

test.describe.configure({ timeout: 600_000 })

interface Screen {
  name: string
  hash: string
  /** What shows once the screen has its content. */
  ready: string
  /** After the screen is up: open a dialog or panel that is a screen of its own. */
  then?: (page: Page) => Promise<void>
  /** Shown in the README. */
  readme?: boolean
}

const SCREENS: Screen[] = [
  { name: 'case-list', hash: '#/', ready: '.sidebar li' },
  { name: 'overview', hash: `#/case/${CASE}/overview`, ready: '#case-summary-input' },
  { name: 'actors', hash: `#/case/${CASE}/actors`, ready: 'table' },
  { name: 'timeline', hash: `#/case/${CASE}/timeline`, ready: '.event', readme: true },
  {
    name: 'evidence',
    hash: `#/case/${CASE}/evidence/evidence_sample_clip`,
    ready: '.ev-editor video',
    readme: true,
  },
  {
    name: 'evidence-details',
    hash: `#/case/${CASE}/evidence/evidence_sample_clip`,
    ready: '.ev-editor',
    then: async (page) => {
      await page.locator('.ev-tabs__tab').nth(1).click()
      await expect(page.locator('.ev-details')).toBeVisible()
    },
  },
  {
    name: 'evidence-examination',
    readme: true,
    hash: `#/case/${CASE}/evidence/evidence_sample_clip`,
    ready: '.ev-editor',
    then: async (page) => {
      await page.getByRole('tab', { name: /^(Examination|Examen)$/ }).click()
      await expect(page.locator('.ex-panel h4').first()).toBeVisible()
    },
  },
  {
    name: 'evidence-links',
    hash: `#/case/${CASE}/evidence/evidence_sample_clip`,
    ready: '.ev-editor',
    then: async (page) => {
      await page.getByRole('tab', { name: /^(Links|Vínculos|Enlaces)/ }).click()
      await expect(page.locator('.ev-editor__panel a').first()).toBeVisible()
    },
  },
  { name: 'statutes', hash: `#/case/${CASE}/statutes`, ready: '.statute-row' },
  { name: 'issues', hash: `#/case/${CASE}/issues`, ready: '.issues', readme: true },
  { name: 'briefings', hash: `#/case/${CASE}/briefings`, ready: '.briefing-list table' },
  {
    name: 'briefing-editor',
    hash: `#/case/${CASE}/briefings/briefing_minister_note`,
    ready: '.memo-body',
    readme: true,
  },
  { name: 'settings', hash: '#/settings', ready: '.settings__section', readme: true },
  { name: 'trash', hash: '#/trash', ready: '.trash' },
  {
    name: 'search',
    hash: '#/',
    ready: '.sidebar li',
    then: async (page) => {
      await page.keyboard.press('Control+k')
      await page.getByRole('dialog').locator('input[type=search]').fill('consulate')
      await expect(page.locator('.search-hit').first()).toBeVisible()
    },
  },
  {
    name: 'shortcuts',
    hash: `#/case/${CASE}/timeline`,
    ready: '.event',
    then: async (page) => {
      await page.locator('body').press('?')
      await expect(page.locator('.shortcut-sheet')).toBeVisible()
    },
  },
]

async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    )
}

async function show(app: CasefileApp, screen: Screen) {
  await app.open(screen.hash)
  await expect(app.page.locator(screen.ready).first()).toBeVisible()
  await screen.then?.(app.page)
}

for (const language of ['en', 'es'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe on every main screen: ${language}, ${theme} theme`, async ({ app }) => {
      // The theme follows the system by default: the system's scheme is what is set here.
      await app.page.emulateMedia({ colorScheme: theme })
      expect(await app.dispatch('preferences:set', { language })).toMatchObject({ ok: true })
      const found: Record<string, string[]> = {}
      for (const screen of SCREENS) {
        await show(app, screen)
        await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme)
        await expect(app.page.locator('html')).toHaveAttribute('lang', language)
        const problems = await serious(app.page)
        if (problems.length) found[screen.name] = problems
        if (theme === 'light' && screen.readme) {
          mkdirSync(SHOTS, { recursive: true })
          await app.page.screenshot({ path: join(SHOTS, `${language}-${screen.name}.png`) })
        }
      }
      expect(found).toEqual({})
    })
  }
}
