/**
 * The passphrase typed at a real terminal (a pseudo-terminal made by util-linux `script`), as a person
 * without CASEFILE_PASSPHRASE meets it: asked in the terminal's language, never shown on the screen,
 * Ctrl+C stops the command, and the progress line is wiped before the next line is printed.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const CLI = join(__dirname, '..', '..', 'helpers', 'cliFromSources.mjs')
const PASS = 'correct horse battery'
/** The end of a progress line (erase to its end), then the line wiped before what comes next. */
const WIPED = '\x1b[K\r\x1b[K'
const quoted = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

/**
 * Runs the command line on a pseudo-terminal; each answer is typed once its question has been shown (waits on
 * what the screen shows, never on time). The shell's `$?` is printed last, so a death by signal shows as 130.
 */
function atTerminal(
  args: string[],
  answers: { after: string; type: string }[],
  env: Record<string, string> = {},
): Promise<{ screen: string; exit: number }> {
  const command = `${quoted(process.execPath)} ${[CLI, ...args].map(quoted).join(' ')}; echo "EXIT=$?"`
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CASEFILE_PASSPHRASE: '',
      CASEFILE_NEW_PASSPHRASE: '',
      CASEFILE_RECOVERY_KEY: '',
      CASEFILE_LANG: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C',
      ...env,
    },
  })
  let screen = ''
  let from = 0
  let next = 0
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString('utf8')
      while (next < answers.length) {
        const at = screen.indexOf(answers[next].after, from)
        if (at < 0) break
        from = at + answers[next].after.length
        child.stdin.write(answers[next++].type)
      }
    })
    child.on('error', reject)
    child.on('close', () => {
      child.stdin.end()
      const exit = /EXIT=(\d+)/.exec(screen)
      if (!exit) reject(new Error(`no exit status on the screen:\n${screen}`))
      else resolve({ screen, exit: Number(exit[1]) })
    })
  })
}

async function demoWorkspace() {
  const ws = await tempDir()
  expect((await runCli(['demo', '--workspace', ws])).code).toBe(0)
  return ws
}

describe('a passphrase typed at the terminal', () => {
  it('is asked for twice, never shown, and the workspace opens and decrypts with it, in Spanish too', async () => {
    const ws = await demoWorkspace()
    const enc = await atTerminal(
      ['encrypt', '--workspace', ws],
      [
        { after: 'New passphrase (at least 8 characters): ', type: `${PASS}\r` },
        { after: 'The same passphrase again: ', type: `${PASS}\r` },
      ],
    )
    expect(enc.exit, enc.screen).toBe(0)
    expect(enc.screen).not.toContain(PASS)
    expect(enc.screen).toMatch(/Recovery key \(shown this once/)
    // The last progress line is wiped: the result starts its own line, not after "Sealing 15/15 files".
    expect(enc.screen).toMatch(/Sealing \d+\/\d+ files/)
    expect(enc.screen).toContain(`files${WIPED}Encrypted `)
    expect(await readFile(join(ws, 'workspace.json'), 'latin1')).not.toContain('ECU-USA')

    const cases = await atTerminal(
      ['cases', '--workspace', ws],
      [{ after: 'Frase de contraseña del espacio de trabajo: ', type: `${PASS}\r` }],
      { LANG: 'es_ES.UTF-8' },
    )
    expect(cases.exit, cases.screen).toBe(0)
    expect(cases.screen).toContain('ECU-USA-2026-001')
    expect(cases.screen).not.toContain(PASS)

    const dec = await atTerminal(
      ['decrypt', '--workspace', ws],
      [{ after: 'Passphrase of the workspace: ', type: `${PASS}\r` }],
    )
    expect(dec.exit, dec.screen).toBe(0)
    expect(dec.screen).not.toContain(PASS)
    expect(dec.screen).toMatch(/Decrypting \d+\/\d+ files/)
    expect(dec.screen).toContain(`files${WIPED}Decrypted `)
    expect(await readFile(join(ws, 'workspace.json'), 'utf8')).toContain('ECU-USA')
  }, 120_000)

  it('two different answers change nothing; Ctrl+C and Ctrl+D stop the command without a word of success', async () => {
    const ws = await demoWorkspace()
    const before = await readFile(join(ws, 'workspace.json'), 'utf8')
    const differ = await atTerminal(
      ['encrypt', '--workspace', ws],
      [
        { after: 'Nueva frase de contraseña (al menos 8 caracteres): ', type: `${PASS}\r` },
        { after: 'La misma frase de contraseña otra vez: ', type: 'something else\r' },
      ],
      { CASEFILE_LANG: 'es' },
    )
    expect(differ.exit, differ.screen).toBe(1)
    expect(differ.screen).toContain('Las dos frases de contraseña no coinciden')

    // Ctrl+C: killed by SIGINT as at any other moment (the shell sees 128 + 2), the terminal given back.
    const interrupted = await atTerminal(
      ['encrypt', '--workspace', ws],
      [{ after: 'New passphrase (at least 8 characters): ', type: '\x03' }],
    )
    expect(interrupted.exit, interrupted.screen).toBe(130)
    expect(interrupted.screen).not.toMatch(/Encrypted|Recovery key/)

    // Ctrl+D on an empty line: no passphrase, said as when there is no terminal; exit 1, not 0.
    const ended = await atTerminal(
      ['encrypt', '--workspace', ws],
      [{ after: 'New passphrase (at least 8 characters): ', type: '\x04' }],
    )
    expect(ended.exit, ended.screen).toBe(1)
    expect(ended.screen).toMatch(/CASEFILE_NEW_PASSPHRASE/)
    expect(await readFile(join(ws, 'workspace.json'), 'utf8')).toBe(before)
  }, 120_000)
})
