/**
 * The command line over an encrypted workspace, as a person runs it: encrypt,
 * every other command given CASEFILE_PASSPHRASE (and a clear refusal without it),
 * passphrase change, decrypt. Runs the real bin/casefile.mjs, with the app's
 * full scrypt cost (a few seconds in all).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const NO_PASS = { CASEFILE_PASSPHRASE: '', CASEFILE_NEW_PASSPHRASE: '', CASEFILE_RECOVERY_KEY: '' }

describe('casefile encrypt / decrypt / passphrase', () => {
  it('encrypts the demo, works on it with the passphrase, changes it, and decrypts', async () => {
    const ws = await tempDir()
    expect((await runCli(['demo', '--workspace', ws])).code).toBe(0)

    const enc = await runCli(['encrypt', '--workspace', ws, '--json'], {
      env: { ...NO_PASS, CASEFILE_NEW_PASSPHRASE: 'first passphrase' },
    })
    expect(enc.stderr).toBe('')
    expect(enc.code).toBe(0)
    const { recoveryKey, files } = JSON.parse(enc.stdout)
    expect(files).toBeGreaterThan(5)
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
    expect(await readFile(join(ws, 'workspace.json'), 'latin1')).not.toContain('ECU-USA')

    // Without the passphrase: exit 1 and a line saying what to do (no terminal to ask on here).
    const locked = await runCli(['cases', '--workspace', ws], { env: NO_PASS })
    expect(locked.code).toBe(1)
    expect(locked.stderr).toMatch(/encrypted: set CASEFILE_PASSPHRASE/)

    const env = { ...NO_PASS, CASEFILE_PASSPHRASE: 'first passphrase' }
    const cases = await runCli(['cases', '--workspace', ws, '--json'], { env })
    expect(cases.code).toBe(0)
    expect(JSON.parse(cases.stdout).map((c: { reference: string }) => c.reference)).toContain('ECU-USA-2026-001')
    const check = await runCli(['check', '--workspace', ws], { env })
    expect(check.stdout).toContain('All files are readable and valid')
    expect(check.code).toBe(0)

    const wrong = await runCli(['cases', '--workspace', ws], {
      env: { ...NO_PASS, CASEFILE_PASSPHRASE: 'not it at all' },
    })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/passphrase is wrong/)

    const changed = await runCli(['passphrase', '--workspace', ws], {
      env: { ...env, CASEFILE_NEW_PASSPHRASE: 'second passphrase' },
    })
    expect(changed.code).toBe(0)
    expect((await runCli(['cases', '--workspace', ws], { env })).code).toBe(1)

    // A new recovery key, printed once, replaces the first: the first no longer opens the workspace.
    const renewed = await runCli(['recovery-key', '--workspace', ws], {
      env: { ...NO_PASS, CASEFILE_PASSPHRASE: 'second passphrase' },
    })
    expect(renewed.code, renewed.stderr).toBe(0)
    const [said, keyLine] = renewed.stdout.trim().split('\n')
    expect(said).toBe('New recovery key (shown this once; the previous one no longer opens the workspace):')
    const newKey = keyLine.trim()
    expect(newKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
    const old = await runCli(['cases', '--workspace', ws], { env: { ...NO_PASS, CASEFILE_RECOVERY_KEY: recoveryKey } })
    expect(old.code).toBe(1)

    const dec = await runCli(['decrypt', '--workspace', ws], {
      env: { ...NO_PASS, CASEFILE_RECOVERY_KEY: newKey },
    })
    expect(dec.stderr).toBe('')
    expect(dec.code).toBe(0)
    expect(await readFile(join(ws, 'workspace.json'), 'utf8')).toContain('ECU-USA')
    expect((await runCli(['check', '--workspace', ws], { env: NO_PASS })).code).toBe(0)
  }, 120_000)

  it('asks for no passphrase where there is none to give: a plain workspace, or no workspace, says so', async () => {
    const ws = await tempDir()
    expect((await runMain(['case', 'new', '--title', 'Plain', '--reference', 'P-1', '--workspace', ws])).code).toBe(0)
    for (const command of ['decrypt', 'passphrase', 'recovery-key']) {
      const r = await runMain([command, '--workspace', ws])
      expect(r.code).toBe(1)
      expect(r.stderr.trim()).toBe(`casefile ${command}: This workspace is not encrypted.`)
      const none = await runMain([command, '--workspace', join(ws, 'nowhere')])
      expect(none.stderr.trim()).toBe(
        `casefile ${command}: There is no Casefile workspace at ${join(ws, 'nowhere')}; nothing was changed.`,
      )
    }
  })
})
