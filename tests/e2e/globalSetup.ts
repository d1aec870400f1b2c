/**
 * Builds the renderer for the browser tests when out/renderer is missing or
 * older than its sources. Only the renderer: a main-process build error
 * elsewhere must not stop the UI tests. CASEFILE_E2E_BUILD=always|never overrides.
 */
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import lockfile from 'proper-lockfile'

const ROOT = resolve(import.meta.dirname, '../..')
const OUT = resolve(process.env.CASEFILE_RENDERER_DIR ?? join(ROOT, 'out/renderer'))
const SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

function isStale(): boolean {
  const built = join(OUT, 'index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > builtAt)
}

async function buildRenderer() {
  const { build } = await import('vite')
  const { default: config } = await import('../../electron.vite.config')
  const renderer = typeof config === 'function' ? null : (config as { renderer?: Record<string, unknown> }).renderer
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section the tests can read')
  const rendererBuild = (renderer.build ?? {}) as Record<string, unknown>
  await build({
    ...renderer,
    configFile: false,
    logLevel: 'warn',
    build: {
      ...rendererBuild,
      outDir: OUT,
      emptyOutDir: true,
      target: 'chrome130',
      modulePreload: { polyfill: false },
      // One local bundle, read from disk: its size is not a download cost.
      chunkSizeWarningLimit: 8000,
    },
  })
}

export default async function globalSetup() {
  const mode = process.env.CASEFILE_E2E_BUILD ?? 'auto'
  if (mode === 'never') return
  // Engineers and CI jobs may run the suite at once in one tree: build one at a time.
  const release = await lockfile.lock(ROOT, {
    lockfilePath: join(ROOT, 'node_modules/.casefile-e2e-build.lock'),
    retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 },
    stale: 120_000,
  })
  try {
    if (mode === 'always' || isStale()) {
      const started = Date.now()
      await buildRenderer()
      console.log(`[e2e] renderer built into ${OUT} in ${Date.now() - started} ms`)
    }
  } finally {
    await release()
  }
}
