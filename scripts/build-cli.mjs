#!/usr/bin/env node
// Builds the command line into one ESM file, dist/cli/casefile.mjs, with the search
// worker beside it (dist/cli/searchWorker.js, where services/search/host.ts looks
// for it). bin/casefile.mjs runs the bundle; without it, it runs the sources through
// tsx, which transpiles on every start (about 1.5 s against a fraction of that).
//
// Runs on `npm install`/`npm ci` (prepare) and in `npm run build`.
//   node scripts/build-cli.mjs [--outdir DIR]
import { readFileSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/**
 * pdfkit stays a package of its own (it reads its data files relative to itself)
 * and is loaded only when a memo is exported: `import PDFDocument from 'pdfkit'`
 * becomes a require() that runs the first time the PDF module is, which the export
 * service imports on first use. Every other command starts without it.
 */
const lazyPdfkit = {
  name: 'lazy-pdfkit',
  setup(b) {
    b.onResolve({ filter: /^pdfkit$/ }, () => ({ path: 'pdfkit', namespace: 'lazy-pdfkit' }))
    b.onLoad({ filter: /.*/, namespace: 'lazy-pdfkit' }, () => ({
      contents:
        "import { createRequire } from 'node:module'\nexport default createRequire(import.meta.url)('pdfkit')\n",
      loader: 'js',
      resolveDir: root,
    }))
  },
}

/** zod's 40-odd message catalogues: only English is ever configured, and the rest is half the bundle. */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js'\n",
      loader: 'js',
    }))
  },
}

export async function buildCli(outdir = join(root, 'dist', 'cli')) {
  const out = resolve(outdir)
  // Build beside, then swap in: a run starting mid-build sees the old bundle or the new, never half of one.
  const staging = `${out}.tmp-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: process.env.CASEFILE_CLI_MINIFY !== '0',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    alias: {
      '@shared': join(root, 'src/shared'),
      '@main': join(root, 'src/main'),
      '@resources': join(root, 'resources'),
    },
    // CommonJS dependencies bundled into ESM still use require() and __filename (write-file-atomic
    // hashes it into temp names): give them the bundle's own.
    banner: {
      js: [
        "import { createRequire as __cfRequire } from 'node:module';",
        "import { fileURLToPath as __cfPath } from 'node:url';",
        'const require = __cfRequire(import.meta.url);',
        'const __filename = __cfPath(import.meta.url);',
      ].join(' '),
    },
    plugins: [lazyPdfkit, englishOnlyZod],
  }
  await build({
    ...common,
    entryPoints: { casefile: join(root, 'src/main/cli.ts') },
    outfile: join(staging, 'casefile.mjs'),
    define: { __CASEFILE_BUILD__: JSON.stringify(`${pkg.version} (bundle)`) },
  })
  await build({
    ...common,
    entryPoints: { searchWorker: join(root, 'src/main/services/search/worker.ts') },
    // .js in a "type": "module" package: the worker loads as ESM.
    outfile: join(staging, 'searchWorker.js'),
  })
  await rm(out, { recursive: true, force: true })
  await mkdir(dirname(out), { recursive: true })
  await rename(staging, out)
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--outdir')
  const started = Date.now()
  const out = await buildCli(i > 0 ? process.argv[i + 1] : undefined)
  console.log(`casefile command line built in ${Date.now() - started} ms: ${out}`)
}
