import { defineConfig } from 'vitest/config'
import { aliases } from '../../electron.vite.config.ts'
export default defineConfig({
  resolve: { alias: aliases },
  test: { root: '/work/main', environment: 'node', include: ['tests/zz-review/**/*.test.ts'], testTimeout: 120_000 },
})
