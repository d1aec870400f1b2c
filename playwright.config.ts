import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, systemChromium } from './tests/helpers/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  // Path aliases (@shared/…, @main/…) for the handlers the bridge loads from sources.
  tsconfig: './tsconfig.e2e.json',
  testMatch: '**/*.spec.ts',
  // Screenshots for people to look at run only when asked: CASEFILE_SHOTS=/tmp/shots npx playwright test screenshots
  testIgnore: process.env.CASEFILE_SHOTS ? [] : ['**/screenshots.spec.ts'],
  globalSetup: './tests/e2e/globalSetup.ts',
  workers: 2,
  retries: 0,
  reporter: 'list',
  // Waits are on states (a row shown, a rate measured), never on how fast they come: on two shared,
  // busy cores the same state can take several times longer, so the limits only catch a hang.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: CHROMIUM_ARGS,
    },
  },
})
