#!/usr/bin/env node
// The command line. Runs the bundle `npm install` / `npm run build` make
// (dist/cli/casefile.mjs, scripts/build-cli.mjs), which starts in a fraction of
// the time; without it, or when a source changed since it was built, the
// TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// `casefile show X | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

const bundle = new URL('../dist/cli/casefile.mjs', import.meta.url)

/**
 * Whether a source the command line is built from changed after the bundle was: in a checkout being worked
 * on, the bundle would run yesterday's code. (An installed copy has no sources beside it: never stale.)
 */
function staleBundle() {
  const built = statSync(bundle).mtimeMs
  // What the bundle is made of: the code, and the resources it carries (the demo case, the fonts).
  for (const dir of ['../src/main/', '../src/shared/', '../resources/']) {
    const root = new URL(dir, import.meta.url)
    // A folder this user may not read, or a file gone meanwhile, says nothing either way: it is skipped.
    const entries = (() => {
      try {
        return readdirSync(root, { recursive: true, withFileTypes: true })
      } catch {
        return []
      }
    })()
    for (const e of entries) {
      if (!e.isFile()) continue
      const changed = (() => {
        try {
          return statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs
        } catch {
          return 0
        }
      })()
      if (changed > built) return true
    }
  }
  return false
}

let cli
if (existsSync(bundle) && !staleBundle()) cli = await import(bundle.href)
else {
  const { register } = await import('tsx/esm/api')
  // The path aliases (@shared/…, @main/…) come from the checkout's tsconfig, wherever the command runs.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
  cli = await import('../src/main/cli.ts')
}
process.exitCode = await cli.main(process.argv.slice(2))
