import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

/** The path aliases of tsconfig.base.json, for Vite (vitest.config.ts uses them too). */
export const aliases = {
  '@shared': resolve('src/shared'),
  '@main': resolve('src/main'),
  '@renderer': resolve('src/renderer/src'),
  '@resources': resolve('resources'),
}

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      // pdfkit loads its own data files at run time; lowdb is ESM-only: both stay external.
      externalizeDeps: true,
      rollupOptions: {
        // Worker threads, found beside index.js (src/main/workers/entry.ts): the search index, and the
        // sealing of large evidence files in an encrypted workspace.
        input: {
          index: resolve('src/main/index.ts'),
          searchWorker: resolve('src/main/services/search/worker.ts'),
          sealWorker: resolve('src/main/storage/crypto/sealWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    resolve: { alias: aliases },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
