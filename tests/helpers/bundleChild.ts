/**
 * Bundles a TypeScript entry (and the sources it imports) into one ES module a
 * child process starts in a fraction of tsx's time: the kill loop starts its child
 * hundreds of times. Packages stay external (loaded from node_modules), so the
 * bundle lives under node_modules/.cache where Node finds them.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '..', '..')

export async function bundleChild(entry: string, name: string): Promise<string> {
  const dir = join(ROOT, 'node_modules', '.cache', 'casefile-tests')
  mkdirSync(dir, { recursive: true })
  const outfile = join(dir, `${name}-${process.pid}.mjs`)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: {
      '@shared': join(ROOT, 'src/shared'),
      '@main': join(ROOT, 'src/main'),
    },
    logLevel: 'error',
  })
  return outfile
}
