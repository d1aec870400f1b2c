// The command line from its TypeScript sources through tsx, whatever dist/ holds:
// tests of the sources must not run a bundle built before the last edit.
import { register } from 'tsx/esm/api'

process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})
register()
const { main } = await import('../../src/main/cli.ts')
process.exitCode = await main(process.argv.slice(2))
