#!/usr/bin/env node
// Builds the command line into one ESM file, dist/cli/casefile.mjs, with its worker
// threads beside it (dist/cli/searchWorker.js and sealWorker.js, where src/main/workers/entry.ts looks
// for them). bin/casefile.mjs runs the bundle; without it, it runs the sources through
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
 * Packages left out of the bundle and loaded on first use, not at start: pdfkit
 * (it reads its data files relative to itself; only an export needs it) and
 * i18next with its ICU formatter (only drafting a briefing or a memo needs them).
 * `import X from 'pkg'` becomes a stand-in that require()s the package the first
 * time X is used, constructed or called. Named imports from them fail the build.
 */
const LAZY_PACKAGES = ['pdfkit', 'i18next', 'i18next-icu']
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[-/]/g, '\\$&')).join('|')})$`)
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-package' }))
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
      contents: `import { createRequire } from 'node:module'
let loaded
function load() {
  if (loaded === undefined) {
    const m = createRequire(import.meta.url)(${JSON.stringify(args.path)})
    loaded = m && m.__esModule && 'default' in m ? m.default : m
  }
  return loaded
}
export default new Proxy(function () {}, {
  get(_t, key) {
    const target = load()
    const value = target[key]
    return typeof value === 'function' && key !== 'prototype' && key !== 'constructor' ? value.bind(target) : value
  },
  has: (_t, key) => key in load(),
  construct: (_t, args, newTarget) => Reflect.construct(load(), args),
  apply: (_t, self, args) => Reflect.apply(load(), self, args),
})
`,
      loader: 'js',
      resolveDir: root,
    }))
  },
}

/** zod's 40-odd message catalogues: only ours (English and Spanish) are ever configured, and the rest is half the bundle. */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js'\nexport { default as es } from './es.js'\n",
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
    // mediainfo.js finds its WebAssembly beside its own module: bundled, it would look beside ours.
    external: ['mediainfo.js'],
    plugins: [lazyPackages, englishOnlyZod],
  }
  await build({
    ...common,
    entryPoints: { casefile: join(root, 'src/main/cli.ts') },
    outfile: join(staging, 'casefile.mjs'),
    define: { __CASEFILE_BUILD__: JSON.stringify(`${pkg.version} (bundle)`) },
  })
  // .js in a "type": "module" package: the workers load as ESM.
  for (const [name, source] of [
    ['searchWorker', 'src/main/services/search/worker.ts'],
    ['sealWorker', 'src/main/storage/crypto/sealWorker.ts'],
  ])
    await build({ ...common, entryPoints: { [name]: join(root, source) }, outfile: join(staging, `${name}.js`) })
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
