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
 * what the screen shows, never on time). The shell's `$?` is printed last (`exit`), unless the shell was
 * interrupted as well (null).
 */
function atTerminal(
  args: string[] | ((cli: string) => string),
  answers: { after: string; type: string | ((screen: string) => void) }[],
  env: Record<string, string> = {},
): Promise<{ screen: string; exit: number | null }> {
  const cli = [process.execPath, CLI].map(quoted).join(' ')
  const command = typeof args === 'function' ? args(cli) : `${cli} ${args.map(quoted).join(' ')}; echo "EXIT=$?"`
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
        const { type } = answers[next++]
        if (typeof type === 'string') child.stdin.write(type)
        else type(screen)
      }
    })
    child.on('error', reject)
    child.on('close', () => {
      child.stdin.end()
      if (next < answers.length) reject(new Error(`"${answers[next].after}" never asked:\n${screen}`))
      // null: no status printed, the shell itself was interrupted.
      const exit = /EXIT=(\d+)/.exec(screen)
      resolve({ screen, exit: exit ? Number(exit[1]) : null })
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

    // Ctrl+C: SIGINT to the foreground group, as the terminal sends it with echo on: the shell that ran the
    // command is interrupted too (a loop over the command stops), and nothing is printed after it.
    const interrupted = await atTerminal(
      ['encrypt', '--workspace', ws],
      [{ after: 'New passphrase (at least 8 characters): ', type: '\x03' }],
    )
    expect(interrupted.exit, interrupted.screen).toBeNull()
    expect(interrupted.screen).not.toMatch(/Encrypted|Recovery key/)
    const loop = await atTerminal(
      (cli) => `for i in 1 2; do ${cli} encrypt --workspace ${quoted(ws)}; echo "ROUND $i: $?"; done; echo "EXIT=$?"`,
      [{ after: 'New passphrase (at least 8 characters): ', type: '\x1c' }],
    )
    expect(loop.exit, loop.screen).toBeNull()
    expect(loop.screen).not.toContain('ROUND')

    // Ctrl+D on an empty line: no passphrase, said as when there is no terminal; exit 1, not 0.
    const ended = await atTerminal(
      ['encrypt', '--workspace', ws],
      [{ after: 'New passphrase (at least 8 characters): ', type: '\x04' }],
    )
    expect(ended.exit, ended.screen).toBe(1)
    expect(ended.screen).toContain('No passphrase was typed; nothing was changed.')
    // Too short: said after the first answer, not asked a second time.
    const short = await atTerminal(['encrypt', '--workspace', ws], [{ after: 'New passphrase', type: 'seven7\r' }])
    expect(short.exit, short.screen).toBe(1)
    expect(short.screen).toContain('A passphrase needs at least 8 characters.')
    expect(short.screen).not.toContain('The same passphrase again')
    expect(await readFile(join(ws, 'workspace.json'), 'utf8')).toBe(before)
  }, 120_000)
  it('a paste of both answers, editing keys, Ctrl+Z and fg, and a SIGTERM all leave the terminal echoing', async () => {
    const ws = await demoWorkspace()
    // Both answers pasted at once, the first with a typo mended by Backspace and an arrow key that adds nothing.
    const pasted = await atTerminal(
      ['encrypt', '--workspace', ws],
      [{ after: 'New passphrase', type: `${PASS}x\x7f\x1b[D\r${PASS}\r` }],
    )
    expect(pasted.exit, pasted.screen).toBe(0)
    expect(pasted.screen).toContain('Encrypted ')
    expect(pasted.screen).not.toContain(PASS)

    // Ctrl+Z stops the command (128 + SIGTSTP); `fg` asks again, and the answer opens the workspace.
    const stopped = await atTerminal(
      (cli) =>
        `set -m; ${cli} cases --workspace ${quoted(ws)}; echo "STOPPED=$?"; stty -a | grep -o -- ' -\\?echo '; fg; echo "EXIT=$?"`,
      [
        { after: 'Passphrase of the workspace: ', type: 'half typed\x1a' },
        { after: 'Passphrase of the workspace: ', type: `\x15${PASS}\r` },
      ],
      { SHELL: '/bin/bash' },
    )
    expect(stopped.screen).toContain('STOPPED=148')
    expect(stopped.screen).toMatch(/STOPPED=148\s+echo /)
    expect(stopped.exit, stopped.screen).toBe(0)
    expect(stopped.screen).toContain('ECU-USA-2026-001')
    expect(stopped.screen).not.toMatch(/half typed|correct horse/)

    // Stopped from outside (not by Ctrl+Z): the shell gives echo back while it is stopped, and `fg` must take it
    // away again before the passphrase is typed.
    const outside = await atTerminal(
      (cli) =>
        `set -m; sh -c 'echo "PID=$$"; exec "$@"' sh ${cli} cases --workspace ${quoted(ws)}; echo "STOPPED=$?"; stty echo; fg; echo "EXIT=$?"`,
      [
        {
          after: 'Passphrase of the workspace: ',
          type: (screen) => process.kill(Number(/PID=(\d+)/.exec(screen)![1]), 'SIGTSTP'),
        },
        { after: 'Passphrase of the workspace: ', type: `${PASS}\r` },
      ],
      { SHELL: '/bin/bash' },
    )
    expect(outside.screen).toContain('STOPPED=148')
    expect(outside.exit, outside.screen).toBe(0)
    expect(outside.screen).not.toContain(PASS)

    // Ended from outside while it asks: the signal ends it (128 + its number), and the terminal echoes again.
    for (const [signal, status] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      const killed = await atTerminal(
        (cli) => `sh -c 'echo "PID=$$"; exec "$@"' sh ${cli} cases --workspace ${quoted(ws)}; echo "EXIT=$?"; stty -a`,
        [
          {
            after: 'Passphrase of the workspace: ',
            type: (screen) => process.kill(Number(/PID=(\d+)/.exec(screen)![1]), signal),
          },
        ],
      )
      expect(killed.exit, killed.screen).toBe(status)
      expect(killed.screen).toMatch(/[ \n]echo /)
      expect(killed.screen).not.toMatch(/[ \n]-echo /)
    }
  }, 120_000)

  it('a mistyped passphrase is asked again, what is typed while it is checked stays hidden, three wrong end it', async () => {
    const ws = await demoWorkspace()
    const enc = await runCli(['encrypt', '--workspace', ws], { env: { CASEFILE_NEW_PASSPHRASE: PASS } })
    expect(enc.code, enc.stderr).toBe(0)
    const ASK = 'Passphrase of the workspace: '
    const AGAIN = 'That passphrase does not open this workspace. Try again.'

    // The right one typed at once after the wrong one's Enter, while the wrong one is being checked: not shown
    // (the terminal stays silent during the check), and taken as the second try.
    const retried = await atTerminal(['cases', '--workspace', ws], [{ after: ASK, type: `not the one\r${PASS}\r` }])
    expect(retried.exit, retried.screen).toBe(0)
    expect(retried.screen).toContain(AGAIN)
    expect(retried.screen).toContain('ECU-USA-2026-001')
    expect(retried.screen).not.toMatch(/not the one|correct horse/)

    // `passphrase` checks the current one before asking for a new one: three wrong and nothing more is asked.
    const wrong = await atTerminal(
      ['passphrase', '--workspace', ws],
      [
        { after: ASK, type: 'wrong one\r' },
        { after: ASK, type: 'wrong two\r' },
        { after: ASK, type: 'wrong three\r' },
      ],
    )
    expect(wrong.exit, wrong.screen).toBe(1)
    expect(wrong.screen.split(AGAIN)).toHaveLength(3)
    expect(wrong.screen).toContain('The passphrase is wrong; the workspace stays locked.')
    expect(wrong.screen).not.toContain('New passphrase')
    expect(wrong.screen).not.toMatch(/wrong (one|two|three)/)

    // Ctrl+C in the same read as the Enter of a right passphrase: it interrupts at once, nothing is listed.
    const interrupted = await atTerminal(['cases', '--workspace', ws], [{ after: ASK, type: `${PASS}\r\x03` }])
    expect(interrupted.exit, interrupted.screen).toBeNull()
    expect(interrupted.screen).not.toContain('ECU-USA-2026-001')

    // From the environment, a wrong one is said before any new passphrase is asked for.
    const fromEnv = await atTerminal(['passphrase', '--workspace', ws], [], { CASEFILE_PASSPHRASE: 'not it either' })
    expect(fromEnv.exit, fromEnv.screen).toBe(1)
    expect(fromEnv.screen).toContain('The passphrase is wrong')
    expect(fromEnv.screen).not.toContain('New passphrase')
  }, 120_000)
})
