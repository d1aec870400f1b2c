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
  timeout: 30_000,
  expect: { timeout: 5_000 },
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
