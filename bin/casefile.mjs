#!/usr/bin/env node
// The command line. Runs the bundle `npm install` / `npm run build` make
// (dist/cli/casefile.mjs, scripts/build-cli.mjs), which starts in a fraction of
// the time; without it, the TypeScript sources through tsx.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// `casefile show X | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

const bundle = new URL('../dist/cli/casefile.mjs', import.meta.url)
let cli
if (existsSync(bundle)) cli = await import(bundle.href)
else {
  const { register } = await import('tsx/esm/api')
  // The path aliases (@shared/…, @main/…) come from the checkout's tsconfig, wherever the command runs.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
  cli = await import('../src/main/cli.ts')
}
process.exitCode = await cli.main(process.argv.slice(2))
