import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { aliases } from './electron.vite.config.ts'

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    projects: [
      {
        resolve: { alias: aliases },
        test: {
          name: 'main',
          environment: 'node',
          include: [
            'tests/main/**/*.test.ts',
            'tests/shared/**/*.test.ts',
            'tests/preload/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
          ],
          // Generous: the CLI tests start the real command line (tsx, 1.5–3 s a run) several times, and
          // on two shared, busy cores that alone nears 30 s. Tests wait on results, never on the clock.
          testTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: aliases },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          // Like the main tests: a test waits on states, and its limit only catches a hang on busy cores.
          testTimeout: 120_000,
        },
      },
    ],
  },
})
