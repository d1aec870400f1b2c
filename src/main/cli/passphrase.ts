/**
 * Where the command line gets a passphrase: CASEFILE_PASSPHRASE, else a prompt
 * on the terminal (nothing echoed). Never from an argument: arguments show in
 * `ps`, in shell history and in logs. A new passphrase (encrypt, passphrase) comes
 * from CASEFILE_NEW_PASSPHRASE or is asked for twice; a recovery key may stand in
 * for the passphrase through CASEFILE_RECOVERY_KEY.
 */
import { askHidden } from './hiddenAnswer'
import { t } from './language'
import { AppError } from '@shared/ipc/result'
import { assertPassphrase, type Unlock } from '@main/storage/crypto/keyfile'
import { encryptionState } from '@main/storage/crypto/migrate'

/** Asks on the terminal without echoing; null when there is no terminal to ask on. */
async function prompt(question: string): Promise<string | null> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null
  const typed = await askHidden(question)
  // Ctrl+D, or the input closed: asked, and not answered.
  if (typed === null) throw new AppError('VALIDATION', t('cli:noPassphraseTyped'))
  return typed
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
  // Too short is said now, not after it was typed a second time.
  assertPassphrase(first)
  if ((await prompt(t('cli:promptPassphraseAgain'))) !== first)
    throw new AppError('VALIDATION', t('cli:twoPassphrasesDifferNothing'))
  return first
}
