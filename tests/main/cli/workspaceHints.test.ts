/**
 * workspaceHints.ts: a command a message names carries the run's --workspace, quoted so the shell gives the
 * folder back as it is; main takes the option before the command as the hints write it.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { givenWorkspace, leadingWorkspace, shellWord, withWorkspace } from '@main/cli/workspaceHints'

const HOSTILE = [
  '/tmp/ws',
  'relative/ws',
  '/home/ana/Mis casos',
  "/home/ana/Ana's cases",
  '/tmp/$HOME `id` $(id) ; rm -rf x',
  '/tmp/line\nbreak',
  '/tmp/"quoted"',
  '/tmp/expedientes ñandú',
  '-starts-with-dash',
  '/tmp/back\\slash',
  '*',
  '',
]

describe('shellWord', () => {
  it.skipIf(process.platform === 'win32')('gives every folder name back through a POSIX shell as it was', () => {
    for (const dir of HOSTILE) {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellWord(dir, 'linux')}`], { encoding: 'utf8' })
      expect(echoed).toBe(dir)
    }
  })

  it('leaves a plain path bare, and double-quotes a Windows path with a space', () => {
    expect(shellWord('/tmp/ws-1/a_b.c', 'linux')).toBe('/tmp/ws-1/a_b.c')
    expect(shellWord('C:\\Users\\ana\\ws', 'win32')).toBe('C:\\Users\\ana\\ws')
    expect(shellWord('C:\\Users\\ana\\Mis casos', 'win32')).toBe('"C:\\Users\\ana\\Mis casos"')
    expect(shellWord('/tmp/back\\slash', 'linux')).toBe("'/tmp/back\\slash'")
  })
})

describe('withWorkspace', () => {
  const hint = withWorkspace("/home/ana/Ana's cases", ['repair', 'trash', 'briefing', 'keys'], 'linux')
  const option = `casefile --workspace='/home/ana/Ana'\\''s cases'`

  it('puts the workspace into every command a line names', () => {
    expect(hint('Run repair (casefile repair, or Repair in the window) to list it again.')).toBe(
      `Run repair (${option} repair, or Repair in the window) to list it again.`,
    )
    expect(hint('To drop it: casefile trash forget X. Or casefile repair --restore-backups.')).toBe(
      `To drop it: ${option} trash forget X. Or ${option} repair --restore-backups.`,
    )
    expect(hint('  - "casefile keys trust ab12" trusts it')).toBe(`  - "${option} keys trust ab12" trusts it`)
    expect(hint('(casefile repair)')).toBe(`(${option} repair)`)
    expect(hint('then `casefile repair`.')).toBe(`then \`${option} repair\`.`)
  })

  it('leaves alone who speaks at the start of a line, other words, paths and the app name', () => {
    for (const line of [
      'casefile trash restore: nothing to put back',
      'casefile: unknown command',
      'Exported /home/ana/casefile repair-notes.pdf',
      'see casefile help, casefile version, casefile repairs, casefile repair-notes.pdf',
      'Casefile repair is done in the window',
      'the casefile trash bin',
    ])
      expect(hint(line)).toBe(line.replace(' casefile trash bin', ` ${option} trash bin`))
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

  it('typed before the command is moved after its words; anything else is left as it came', () => {
    expect(leadingWorkspace(['--workspace', 'ws', 'trash', 'forget', 'E'])).toEqual({
      argv: ['trash', 'forget', 'E'],
      option: ['--workspace', 'ws'],
    })
    expect(leadingWorkspace(['--workspace=-ws', 'repair'])).toEqual({ argv: ['repair'], option: ['--workspace=-ws'] })
    expect(leadingWorkspace(['repair', '--workspace', 'ws'])).toEqual({
      argv: ['repair', '--workspace', 'ws'],
      option: [],
    })
    expect(leadingWorkspace(['--workspace'])).toEqual({ argv: ['--workspace'], option: [] })
  })
})
