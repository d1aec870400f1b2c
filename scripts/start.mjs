#!/usr/bin/env node
// `npm start`: build, then launch the desktop window. Electron downloads its
// runtime on first start (once, online); where that cannot happen, say so
// plainly and point to the command line instead of printing a stack trace.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))

function runtimePresent() {
  const pathFile = join(electronDir, 'path.txt')
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()))
}

function explainAndExit(reason) {
  console.error(`
Casefile could not start its window: ${reason}

Electron fetches its runtime from the internet the first time the app starts
(once; after that Casefile works fully offline). Connect this machine once and
run \`npm start\` again.

Everything also works without a window, from the command line:
  npm run casefile -- demo --workspace ./demo-ws
  npm run casefile -- cases --workspace ./demo-ws
  npm run casefile -- show ECU-USA-2026-001 --workspace ./demo-ws
  npm run casefile -- help
`)
  process.exit(1)
}

if (!runtimePresent()) {
  console.log('Fetching the Electron runtime (first start only)…')
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] })
  if (r.status !== 0 || !runtimePresent()) {
    const detail = (r.stderr?.toString() ?? '')
      .split('\n')
      .find((l) => /fetch failed|ENOTFOUND|EAI_AGAIN|ECONN|getaddrinfo|network/i.test(l))
    explainAndExit(
      detail
        ? `the runtime download failed (${detail.trim()}).`
        : 'the Electron runtime is not installed and could not be downloaded.',
    )
  }
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const app = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit' })
process.exit(app.status ?? 0)
