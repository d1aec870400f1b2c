// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * Folder boundaries from DESIGN.md and docs/ARCHITECTURE.md, enforced per folder.
 * Each rule names what a folder may not reach; the allowed arrows are the rest.
 */
const NODE_BUILTINS = { group: ['node:*'], message: 'This folder must stay free of Node APIs.' }
const ELECTRON = {
  name: 'electron',
  allowTypeImports: true,
  message:
    'Only the window glue (src/main/{index,window,protocol,menu}.ts, src/main/ipc/register.ts) and the preload import electron at run time.',
}
/** Climbing more than one folder: use the aliases (@shared/…, @main/…, @renderer/…) instead. */
const CLIMBING = {
  group: ['../../*', '../../**'],
  message: 'Use a path alias (@shared/…, @main/…, @renderer/…) instead of climbing folders.',
}
const deny = (pattern, message) => ({ group: [`@main/${pattern}`, `@main/${pattern}/**`], message })
const NOT_MAIN = {
  group: ['@main/*', '@main/**', '**/main/**'],
  message: 'Only src/shared and this folder’s own files.',
}
const NOT_RENDERER = {
  group: ['@renderer/*', '@renderer/**', '**/renderer/**'],
  message: 'Main-side code never imports the renderer.',
}
const NOT_PRELOAD = { group: ['**/preload/**'], message: 'Nothing imports the preload.' }
const ADAPTERS = 'adapters (ipc, cli, http, the session and the window glue) call services, never the other way'
const NOT_ADAPTERS = [
  deny('ipc', `Services and storage never import IPC: ${ADAPTERS}.`),
  deny('cli', `Services and storage never import the command line: ${ADAPTERS}.`),
  deny('http', `Services and storage never import the HTTP adapters: ${ADAPTERS}.`),
  deny('session', `Services and storage never import the session: ${ADAPTERS}.`),
  deny('menu', `Services and storage never import the menu: ${ADAPTERS}.`),
  deny('window', `Services and storage never import the window: ${ADAPTERS}.`),
  deny('protocol', `Services and storage never import the protocol glue: ${ADAPTERS}.`),
]

const restrict = (paths, patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
})

const WINDOW_GLUE = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/protocol.ts',
  'src/main/menu.ts',
  'src/main/ipc/register.ts',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.data/**',
      'bench/results/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: restrict(
      [
        { ...ELECTRON, allowTypeImports: false, message: 'src/shared is pure TypeScript.' },
        { name: 'lowdb', message: 'src/shared is pure TypeScript.' },
        { name: 'pdfkit', message: 'src/shared is pure TypeScript.' },
        { name: 'react', message: 'src/shared is pure TypeScript.' },
        { name: 'react-dom', message: 'src/shared is pure TypeScript.' },
      ],
      [NODE_BUILTINS, NOT_MAIN, NOT_RENDERER, NOT_PRELOAD, CLIMBING],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [{ ...ELECTRON, allowTypeImports: false, message: 'The renderer reaches main only through window.casefile.' }],
      [NODE_BUILTINS, NOT_MAIN, NOT_PRELOAD, CLIMBING],
    ),
  },
  {
    // The shell (app/) hosts the features; a feature that imported it would turn the layers around.
    files: ['src/renderer/src/{features,components,lib}/**/*.{ts,tsx}'],
    rules: restrict(
      [{ ...ELECTRON, allowTypeImports: false, message: 'The renderer reaches main only through window.casefile.' }],
      [
        NODE_BUILTINS,
        NOT_MAIN,
        NOT_PRELOAD,
        CLIMBING,
        {
          group: ['@renderer/app', '@renderer/app/**', '**/app/**'],
          message: 'Features, components and lib never import the app shell; move what they share below it (lib/).',
        },
      ],
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: WINDOW_GLUE,
    rules: restrict([ELECTRON], [NOT_RENDERER, NOT_PRELOAD, CLIMBING]),
  },
  {
    files: WINDOW_GLUE,
    rules: restrict([], [NOT_RENDERER, NOT_PRELOAD, CLIMBING]),
  },
  {
    files: ['src/main/storage/**/*.ts'],
    rules: restrict(
      [ELECTRON],
      [
        NOT_RENDERER,
        NOT_PRELOAD,
        CLIMBING,
        ...NOT_ADAPTERS,
        deny('services', 'Storage is below the services: services use storage, never the other way.'),
        deny('pdf', 'Storage never renders memos.'),
      ],
    ),
  },
  {
    // The memo model and its renderers (PDF, Word) are pure: data in, bytes out.
    files: ['src/main/{pdf,docx,memo}/**/*.ts'],
    rules: restrict(
      [ELECTRON],
      [
        NOT_RENDERER,
        NOT_PRELOAD,
        CLIMBING,
        ...NOT_ADAPTERS,
        deny('storage', 'The memo renderer is pure: data in, PDF bytes out; the export service reads and writes.'),
        deny('services', 'The memo renderer is pure: data in, PDF bytes out; the export service calls it.'),
      ],
    ),
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: restrict([ELECTRON], [NOT_RENDERER, NOT_PRELOAD, CLIMBING, ...NOT_ADAPTERS]),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([], [NOT_MAIN, NOT_RENDERER, CLIMBING]),
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: restrict(
      [{ ...ELECTRON, allowTypeImports: true, message: 'Tests and benches run without an Electron binary.' }],
      [],
    ),
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
)
