/**
 * workspaceHints.ts: a command a message names carries the run's --workspace, written so the shell gives
 * the folder back as it is (or not at all where it cannot be); only the message's own words are rewritten.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  commandHints,
  givenWorkspace,
  leadingOptions,
  shellWord,
  withoutCommonOptions,
  WORKSPACE_OPTION,
} from '@main/cli/workspaceHints'

const HOSTILE = [
  '/tmp/ws',
  'relative/ws',
  '/home/ana/Mis casos',
  "/home/ana/Ana's cases",
  '/tmp/$HOME `id` $(id) ; rm -rf x',
  '/tmp/line\nbreak',
  '/tmp/cr\rdir',
  '/tmp/esc\u001b[2Jdir',
  '/tmp/zero\u200Bwidth',
  '/tmp/rtl\u202Eexe.txt',
  "/tmp/both\u0007'quote\\",
  '/tmp/"quoted"',
  '/tmp/expedientes ñandú',
  '-starts-with-dash',
  '/tmp/back\\slash',
  '/tmp/100%PATH%!x!',
  '*',
  '',
]

describe('shellWord', () => {
  it('gives every folder name back through bash as it was', () => {
    for (const dir of HOSTILE) {
      const word = shellWord(dir, 'linux')!
      // What the terminal shows has no character it would hide or act on (printable.ts leaves it as it is).
      // eslint-disable-next-line no-control-regex
      expect(word).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u200B\u202E]/)
      expect(execFileSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8' })).toBe(dir)
    }
  })

  it('on Windows: bare or double-quoted, and nothing where cmd.exe or PowerShell would read into it', () => {
    expect(shellWord('C:\\Users\\ana\\ws', 'win32')).toBe('C:\\Users\\ana\\ws')
    expect(shellWord('C:\\Users\\ana\\Mis casos', 'win32')).toBe('"C:\\Users\\ana\\Mis casos"')
    for (const risky of [
      'C:\\cases\\$(calc)',
      'C:\\100%PATH%',
      'C:\\My Cases\\',
      'C:\\a`b',
      'C:\\a!b!',
      'C:\\x\u202Ey',
    ])
      expect(shellWord(risky, 'win32')).toBeNull()
  })
})

describe('commandHints', () => {
  const hints = commandHints("/home/ana/Ana's cases", ['repair', 'trash', 'briefing', 'keys'], 'linux')!
  const hint = (source: string) => hints.edit(source)
  const option = `casefile {${WORKSPACE_OPTION}}`

  it('puts the workspace, as a value, into every command a message names', () => {
    expect(hints.values).toEqual({ [WORKSPACE_OPTION]: `--workspace='/home/ana/Ana'\\''s cases'` })
    expect(hint('Run repair (casefile repair, or Repair in the window) to list it again.')).toBe(
      `Run repair (${option} repair, or Repair in the window) to list it again.`,
    )
    expect(hint('{reason} To drop it: casefile trash forget {entryId}. Or casefile repair --restore-backups.')).toBe(
      `{reason} To drop it: ${option} trash forget {entryId}. Or ${option} repair --restore-backups.`,
    )
    expect(hint('{backup, select, none {} other {casefile repair --restore-backups}}')).toBe(
      `{backup, select, none {} other {${option} repair --restore-backups}}`,
    )
    expect(hint('then `casefile repair`.')).toBe(`then \`${option} repair\`.`)
  })

  it('leaves alone who speaks at the start of a line, other words, paths and the app name', () => {
    for (const line of [
      'casefile {name}: {reason}',
      'casefile trash restore: nothing to put back',
      'Exported /home/ana/casefile repair-notes.pdf',
      'see casefile help, casefile version, casefile repairs, casefile repair-notes.pdf',
      'Casefile repair is done in the window',
    ])
      expect(hint(line)).toBe(line)
  })

  it('names the folder absolute, and gives no hints where the folder cannot be written for the shell', () => {
    expect(commandHints('ws', ['repair'])!.values[WORKSPACE_OPTION]).toBe(`--workspace=${process.cwd()}/ws`)
    expect(commandHints('C:\\100%PATH%', ['repair'], 'win32')).toBeNull()
  })
})

describe('the option on the command line', () => {
  it('is the last --workspace before --, in either spelling', () => {
    expect(givenWorkspace(['repair'])).toBeUndefined()
    expect(givenWorkspace(['repair', '--workspace', 'a', '--workspace=b'])).toBe('b')
    expect(givenWorkspace(['--workspace=a', 'case', 'new', '--workspace', 'c'])).toBe('c')
    expect(givenWorkspace(['note', 'add', '--', '--workspace', 'x'])).toBeUndefined()
    expect(givenWorkspace(['repair', '--workspace'])).toBeUndefined()
  })

  it('typed before the command is moved after its words, with --json; anything else is left as it came', () => {
    expect(leadingOptions(['--workspace', 'ws', 'trash', 'forget', 'E'])).toEqual({
      argv: ['trash', 'forget', 'E'],
      options: ['--workspace', 'ws'],
    })
    expect(leadingOptions(['--workspace', 'a', '--json', '--workspace=-b', 'cases'])).toEqual({
      argv: ['cases'],
      options: ['--workspace', 'a', '--json', '--workspace=-b'],
    })
    expect(leadingOptions(['repair', '--workspace', 'ws'])).toEqual({
      argv: ['repair', '--workspace', 'ws'],
      options: [],
    })
    expect(leadingOptions(['--workspace'])).toEqual({ argv: ['--workspace'], options: [] })
    expect(withoutCommonOptions(['trash', 'forget', '--workspace', 'w', '--json', '--workspace=x'])).toEqual([
      'trash',
      'forget',
    ])
  })
})
