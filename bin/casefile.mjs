#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ through tsx, so it works right after
// `npm install` with no build step.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

// `casefile show X | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

// The path aliases (@shared/…, @main/…) come from the checkout's tsconfig, wherever the command runs.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
const { main } = await import('../src/main/cli.ts')
process.exitCode = await main(process.argv.slice(2))
