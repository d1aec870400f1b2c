/**
 * The vitest configuration Stryker runs (stryker.config.mjs): node tests only,
 * and only the test files of the groups being mutated.
 */
import { defineConfig } from 'vitest/config'
import { aliases } from './electron.vite.config.ts'

const include: string[] = JSON.parse(process.env['CASEFILE_MUTATE_TESTS'] ?? '[]')
if (!include.length)
  throw new Error('vitest.mutate.config.ts is for `npm run mutate` (stryker.config.mjs names the tests)')

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    name: 'mutate',
    environment: 'node',
    include,
    testTimeout: 120_000,
  },
})
