/**
 * Where the command line gets a passphrase: CASEFILE_PASSPHRASE, else a prompt
 * on the terminal (nothing echoed). Never from an argument: arguments show in
 * `ps`, in shell history and in logs. A new passphrase (encrypt, passphrase) comes
 * from CASEFILE_NEW_PASSPHRASE or is asked for twice; a recovery key may stand in
 * for the passphrase through CASEFILE_RECOVERY_KEY.
 */
import { askHidden, type AnswerCheck } from './hiddenAnswer'
import { t } from './language'
import { resolve } from 'node:path'
import { AppError } from '@shared/ipc/result'
import { assertPassphrase, unlockKeyFile, type KeyFile, type Unlock } from '@main/storage/crypto/keyfile'
import { readKeyFile } from '@main/storage/crypto/migrate'

/** A mistyped passphrase is asked again this many times in all, as sudo does. */
const TRIES = 3

/** Asks on the terminal without echoing; null when there is no terminal to ask on. */
async function prompt(question: string, check?: AnswerCheck): Promise<string | null> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null
  const typed = await askHidden(question, undefined, undefined, check)
  // Ctrl+D, or the input closed: asked, and not answered.
  if (typed === null) throw new AppError('VALIDATION', t('cli:noPassphraseTyped'))
  return typed
}

/**
 * How to open an existing encrypted workspace; undefined when it is not encrypted. A keys.json that does
 * not read counts as none here: opening the workspace then says what is wrong with it.
 */
export async function unlockFor(workspaceDir: string): Promise<Unlock | undefined> {
  const keys = await readKeyFile(resolve(workspaceDir)).catch(() => null)
  return keys ? currentUnlock(keys) : undefined
}

/**
 * The current passphrase (or recovery key) from the environment or a prompt, checked against the
 * workspace's keys before anything else is asked or done: the data key it opens, so the open does not
 * pay for the passphrase's scrypt a second time. A passphrase typed wrong is asked for again.
 */
export async function currentUnlock(keys: KeyFile): Promise<Unlock> {
  if (process.env.CASEFILE_PASSPHRASE)
    return { dataKey: await unlockKeyFile(keys, { passphrase: process.env.CASEFILE_PASSPHRASE }) }
  if (process.env.CASEFILE_RECOVERY_KEY)
    return { dataKey: await unlockKeyFile(keys, { recoveryKey: process.env.CASEFILE_RECOVERY_KEY }) }
  let dataKey: Buffer | undefined
  let tries = 0
  const typed = await prompt(t('cli:promptPassphrase'), async (passphrase) => {
    try {
      dataKey = await unlockKeyFile(keys, { passphrase })
      return true
    } catch (e) {
      if (e instanceof AppError && e.code === 'FORBIDDEN' && ++tries < TRIES) return t('cli:passphraseWrongTryAgain')
      throw e
    }
  })
  if (typed === null || !dataKey) throw new AppError('LOCKED', t('cli:workspaceEncryptedSetCasefile'))
  return { dataKey }
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
