// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Folder boundaries from DESIGN.md, enforced per folder. */
const NODE_BUILTINS = { group: ['node:*'], message: 'This folder must stay free of Node APIs.' }
const ELECTRON = {
  name: 'electron',
  allowTypeImports: true,
  message:
    'Only the window glue (src/main/{index,window,protocol,menu}.ts, src/main/ipc/register.ts) and the preload import electron at run time.',
}
const NOT_MAIN = {
  group: ['**/main/**', '../main', '../../main'],
  message: 'Only src/shared and this folder’s own files.',
}
const NOT_RENDERER = { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' }
const NOT_PRELOAD = { group: ['**/preload/**'], message: 'Nothing imports the preload.' }

const restrict = (paths, patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.data/**',
      'bench/results/**',
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
      [NODE_BUILTINS, NOT_MAIN, NOT_RENDERER, NOT_PRELOAD],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [{ ...ELECTRON, allowTypeImports: false, message: 'The renderer reaches main only through window.casefile.' }],
      [NODE_BUILTINS, NOT_MAIN, NOT_PRELOAD],
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: [
      'src/main/index.ts',
      'src/main/window.ts',
      'src/main/protocol.ts',
      'src/main/menu.ts',
      'src/main/ipc/register.ts',
    ],
    rules: restrict([ELECTRON], [NOT_RENDERER, NOT_PRELOAD]),
  },
  {
    files: ['src/main/{index,window,protocol,menu}.ts', 'src/main/ipc/register.ts'],
    rules: restrict([], [NOT_RENDERER, NOT_PRELOAD]),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([], [NOT_MAIN, NOT_RENDERER]),
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
