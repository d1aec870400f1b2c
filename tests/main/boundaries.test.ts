/**
 * The folder boundaries of DESIGN.md hold because lint refuses to cross them.
 * Each case lints one line of code as if it stood in a file of that folder.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath })
  return result.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
}

describe('folder boundaries', () => {
  it.each([
    ['storage never imports services', 'src/main/storage/x.ts', "import { openWorkspace } from '@main/services/index'"],
    [
      'storage never imports the memo renderer',
      'src/main/storage/x.ts',
      "import { renderBriefingPdf } from '@main/pdf'",
    ],
    ['pdf never imports storage', 'src/main/pdf/x.ts', "import { layout } from '@main/storage/layout'"],
    ['pdf never imports services', 'src/main/pdf/x.ts', "import { TaskRegistry } from '@main/services/tasks'"],
    [
      'services never import ipc',
      'src/main/services/cases/x.ts',
      "import { handlers } from '@main/ipc/handlers/index'",
    ],
    ['services never import the cli', 'src/main/services/x.ts', "import { main } from '@main/cli'"],
    ['services never import the session', 'src/main/services/x.ts', "import { AppSession } from '@main/session'"],
    [
      'services never import http adapters',
      'src/main/services/x.ts',
      "import { serveBlobRequest } from '@main/http/blobResponse'",
    ],
    ['services never import electron at run time', 'src/main/services/x.ts', "import { app } from 'electron'"],
    ['the cli never imports electron at run time', 'src/main/cli/x.ts', "import { dialog } from 'electron'"],
    ['shared never imports node', 'src/shared/domain/x.ts', "import { readFile } from 'node:fs'"],
    ['shared never imports main', 'src/shared/domain/x.ts', "import { layout } from '@main/storage/layout'"],
    [
      'the renderer never imports main',
      'src/renderer/src/lib/x.ts',
      "import { openWorkspace } from '@main/services/index'",
    ],
    ['the renderer never imports node', 'src/renderer/src/lib/x.ts', "import { join } from 'node:path'"],
    [
      'features never import the app shell',
      'src/renderer/src/features/cases/x.tsx',
      "import { App } from '@renderer/app/App'",
    ],
    ['components never import the app shell', 'src/renderer/src/components/x.tsx', "import { App } from '../app/App'"],
    ['no climbing two folders up', 'src/main/services/cases/x.ts', "import { layout } from '../../storage/layout'"],
  ])('%s', async (_name, file, code) => {
    expect(await restricted(file, code)).toBe(true)
  })

  it.each([
    ['services use storage', 'src/main/services/x.ts', "import { layout } from '@main/storage/layout'"],
    ['services use shared', 'src/main/services/x.ts', "import { Case } from '@shared/domain'"],
    ['ipc uses services', 'src/main/ipc/x.ts', "import { openWorkspace } from '@main/services/index'"],
    ['the window glue imports electron', 'src/main/window.ts', "import { app } from 'electron'"],
    ['services import electron types only', 'src/main/services/x.ts', "import type { App } from 'electron'"],
    [
      'the shell imports features',
      'src/renderer/src/app/x.tsx',
      "import { CaseView } from '@renderer/features/cases/CaseView'",
    ],
  ])('allows: %s', async (_name, file, code) => {
    expect(await restricted(file, code)).toBe(false)
  })
})
