/**
 * Where the command line gets a passphrase: CASEFILE_PASSPHRASE, else a prompt
 * on the terminal (nothing echoed). Never from an argument: arguments show in
 * `ps`, in shell history and in logs. A new passphrase (encrypt, passphrase) comes
 * from CASEFILE_NEW_PASSPHRASE or is asked for twice; a recovery key may stand in
 * for the passphrase through CASEFILE_RECOVERY_KEY.
 */
import { t } from './language'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { AppError } from '@shared/ipc/result'
import type { Unlock } from '@main/storage/crypto/keyfile'
import { encryptionState } from '@main/storage/crypto/migrate'

/**
 * Asks on the terminal without echoing; null when there is no terminal to ask on, or the input ends (Ctrl+D).
 * The question is written only once readline holds the terminal in raw mode: typed sooner, the
 * terminal itself would echo the passphrase.
 */
async function prompt(question: string): Promise<string | null> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null
  // Output goes nowhere while typing, so the passphrase is never shown.
  const muted = new Writable({ write: (_c, _e, done) => done() })
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true })
  process.stderr.write(question)
  try {
    return await new Promise<string | null>((res) => {
      let interrupted = false
      rl.question('', res)
      rl.once('close', () => interrupted || res(null))
      // Raw mode makes Ctrl+C a key: it stops the command (nothing is written before the passphrase is known),
      // the terminal given back first. Exit 130, as a shell reports an interrupt: a re-sent SIGINT is not
      // enough, the lock and write libraries' signal-exit listeners can swallow it.
      rl.once('SIGINT', () => {
        interrupted = true
        rl.close()
        process.stderr.write('\n')
        process.exit(130)
      })
    })
  } finally {
    rl.close()
    process.stderr.write('\n')
  }
}

/** How to open an existing encrypted workspace; undefined when it is not encrypted. */
export async function unlockFor(workspaceDir: string): Promise<Unlock | undefined> {
  const state = await encryptionState(workspaceDir).catch(() => 'plain' as const)
  if (state === 'plain') return undefined
  return currentUnlock()
}

/** The current passphrase (or recovery key) from the environment or a prompt. */
export async function currentUnlock(): Promise<Unlock> {
  if (process.env.CASEFILE_PASSPHRASE) return { passphrase: process.env.CASEFILE_PASSPHRASE }
  if (process.env.CASEFILE_RECOVERY_KEY) return { recoveryKey: process.env.CASEFILE_RECOVERY_KEY }
  const typed = await prompt(t('cli:promptPassphrase'))
  if (typed === null) throw new AppError('LOCKED', t('cli:workspaceEncryptedSetCasefile'))
  return { passphrase: typed }
}

/** A new passphrase: CASEFILE_NEW_PASSPHRASE, or typed twice on the terminal. */
export async function newPassphrase(): Promise<string> {
  if (process.env.CASEFILE_NEW_PASSPHRASE) return process.env.CASEFILE_NEW_PASSPHRASE
  const first = await prompt(t('cli:promptNewPassphrase'))
  if (first === null) throw new AppError('VALIDATION', t('cli:setCasefileNewPassphrase'))
  if ((await prompt(t('cli:promptPassphraseAgain'))) !== first)
    throw new AppError('VALIDATION', t('cli:twoPassphrasesDifferNothing'))
  return first
}
