import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/ipc/result'
import { changePassphrase, decryptWorkspace, encryptionState, encryptWorkspace } from '@main/storage/crypto/migrate'
import { withWorkspaceLock } from '@main/storage/lock'
import { type Command } from '../framework'
import { currentUnlock, newPassphrase } from '../passphrase'

/** Only a workspace that exists: a mistyped --workspace must not be "encrypted" (made, empty) and reported done. */
const underLock = <T>(dir: string, fn: (root: string) => Promise<T>) => {
  if (!existsSync(join(dir, 'workspace.json')))
    throw new AppError('NOT_FOUND', `There is no Casefile workspace at ${resolve(dir)}; nothing was changed.`)
  return withWorkspaceLock(dir, 'the Casefile command line', fn)
}

export const encryptionCommands: Command[] = [
  {
    name: 'encrypt',
    usage: 'encrypt [--workspace DIR] [--json]',
    summary:
      'Encrypt the workspace in place (every case file, annotation, briefing, the statute library, the audit log, backups, the search cache and every evidence file). The passphrase comes from CASEFILE_NEW_PASSPHRASE or is asked twice; a recovery key is printed once: keep it somewhere safe. Safe to interrupt: the next open finishes it.',
    async run({ workspaceDir, io, json }) {
      const state = await encryptionState(resolve(workspaceDir)).catch(() => 'plain' as const)
      if (state === 'encrypted') throw new AppError('CONFLICT', 'This workspace is encrypted already.')
      const passphrase = await newPassphrase()
      const done = await underLock(workspaceDir, (root) =>
        encryptWorkspace(root, passphrase, {
          progress: (n, total) => {
            if (!json && process.stderr.isTTY) process.stderr.write(`\rSealing ${n}/${total} files`)
          },
        }),
      )
      if (json) io.out(JSON.stringify({ encrypted: true, files: done.files, recoveryKey: done.recoveryKey }))
      else {
        io.out(`Encrypted ${done.files} files.`)
        io.out(`Recovery key (shown this once; it opens the workspace if the passphrase is lost):`)
        io.out(`  ${done.recoveryKey}`)
      }
    },
  },
  {
    name: 'decrypt',
    usage: 'decrypt [--workspace DIR] [--json]',
    summary:
      'Decrypt the workspace in place and remove its keys. The passphrase comes from CASEFILE_PASSPHRASE (or the recovery key from CASEFILE_RECOVERY_KEY) or is asked. Refused, with nothing changed, if any sealed file does not open.',
    async run({ workspaceDir, io, json }) {
      const unlock = await currentUnlock()
      const done = await underLock(workspaceDir, (root) => decryptWorkspace(root, unlock))
      io.out(json ? JSON.stringify({ encrypted: false, files: done.files }) : `Decrypted ${done.files} files.`)
    },
  },
  {
    name: 'passphrase',
    usage: 'passphrase [--workspace DIR]',
    summary:
      'Change the passphrase of an encrypted workspace: the current one from CASEFILE_PASSPHRASE (or CASEFILE_RECOVERY_KEY) or asked, the new one from CASEFILE_NEW_PASSPHRASE or asked twice. Only keys.json is rewritten; no file is re-encrypted.',
    async run({ workspaceDir, io }) {
      const unlock = await currentUnlock()
      const next = await newPassphrase()
      await underLock(workspaceDir, (root) => changePassphrase(root, unlock, next))
      io.out('The passphrase was changed.')
    },
  },
]
