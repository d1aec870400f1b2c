import { t } from '../language'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/ipc/result'
import {
  changePassphrase,
  decryptWorkspace,
  encryptionState,
  encryptWorkspace,
  newRecoveryKey,
  requireKeyFile,
} from '@main/storage/crypto/migrate'
import { withWorkspaceLock } from '@main/storage/lock'
import { type Command } from '../framework'
import { currentUnlock, newPassphrase } from '../passphrase'
import { terminalProgress } from '../terminalProgress'

/** Only a workspace that exists: a mistyped --workspace must not be "encrypted" (made, empty) and reported done. */
const underLock = <T>(dir: string, fn: (root: string) => Promise<T>) => {
  if (!existsSync(join(dir, 'workspace.json')))
    throw new AppError('NOT_FOUND', t('cli:thereNoCasefileWorkspace', { resolve: resolve(dir) }))
  return withWorkspaceLock(dir, 'the Casefile command line', fn)
}

/** The passphrase, asked only where there is one to give: a folder that is no workspace, or a plain one, says so. */
async function unlockOfEncrypted(dir: string) {
  if (!existsSync(join(dir, 'workspace.json')))
    throw new AppError('NOT_FOUND', t('cli:thereNoCasefileWorkspace', { resolve: resolve(dir) }))
  return currentUnlock(await requireKeyFile(resolve(dir)))
}

export const encryptionCommands: Command[] = [
  {
    name: 'encrypt',
    group: 'encryption',
    usage: 'encrypt [--workspace DIR] [--json]',
    summary: 'cli:encrypt.summary',
    async run({ workspaceDir, io, json }) {
      const state = await encryptionState(resolve(workspaceDir)).catch(() => 'plain' as const)
      if (state === 'encrypted') throw new AppError('CONFLICT', t('cli:workspaceEncryptedAlready'))
      const passphrase = await newPassphrase()
      const line = terminalProgress(!json)
      const done = await underLock(workspaceDir, (root) =>
        encryptWorkspace(root, passphrase, {
          // Printed before a file is sealed: an encryption stopped half way (and finished by the next open)
          // leaves its recovery key already in the person's hands.
          onRecoveryKey: (key) => {
            if (json) return
            io.out(t('cli:recoveryKeyShownOnce'))
            io.out(`  ${key}`)
          },
          progress: (n, total) => line.show(t('cli:sealingFiles', { n, total })),
        }),
      ).finally(line.end)
      if (json) io.out(JSON.stringify({ encrypted: true, files: done.files, recoveryKey: done.recoveryKey }))
      else io.out(t('cli:encryptedFiles', { files: done.files }))
    },
  },
  {
    name: 'decrypt',
    group: 'encryption',
    usage: 'decrypt [--workspace DIR] [--json]',
    summary: 'cli:decrypt.summary',
    async run({ workspaceDir, io, json }) {
      const unlock = await unlockOfEncrypted(workspaceDir)
      const line = terminalProgress(!json)
      const done = await underLock(workspaceDir, (root) =>
        decryptWorkspace(root, unlock, { progress: (n, total) => line.show(t('cli:decryptingFiles', { n, total })) }),
      ).finally(line.end)
      io.out(
        json ? JSON.stringify({ encrypted: false, files: done.files }) : t('cli:decryptedFiles', { files: done.files }),
      )
    },
  },
  {
    name: 'passphrase',
    group: 'encryption',
    usage: 'passphrase [--workspace DIR]',
    summary: 'cli:passphrase.summary',
    async run({ workspaceDir, io }) {
      const unlock = await unlockOfEncrypted(workspaceDir)
      const next = await newPassphrase()
      await underLock(workspaceDir, (root) => changePassphrase(root, unlock, next))
      io.out(t('cli:passphraseChanged'))
    },
  },
  {
    name: 'recovery-key',
    group: 'encryption',
    usage: 'recovery-key [--workspace DIR] [--json]',
    summary: 'cli:recoveryKey.summary',
    async run({ workspaceDir, io, json }) {
      const unlock = await unlockOfEncrypted(workspaceDir)
      const key = await underLock(workspaceDir, (root) => newRecoveryKey(root, unlock))
      if (json) io.out(JSON.stringify({ recoveryKey: key }))
      else {
        io.out(t('cli:newRecoveryKeyShownOnce'))
        io.out(`  ${key}`)
      }
    },
  },
]
