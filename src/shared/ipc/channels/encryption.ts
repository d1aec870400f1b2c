import { z } from 'zod'
import {
  ChangePassphraseInput,
  NewRecoveryKeyInput,
  NewRecoveryKeyResult,
  DecryptInput,
  IdleLockInput,
  EncryptInput,
  RememberKeyInput,
  EncryptionStatus,
  EncryptResult,
  UnlockInput,
} from '@shared/domain'
import { channel } from '../define'

/** Encryption at rest and the app lock (issue #14). */
export const encryptionChannels = {
  'workspace:encryptionStatus': channel(z.object({}), EncryptionStatus),
  /** Encrypts the open workspace in place and reopens it; answers the recovery key, once. */
  'workspace:encrypt': channel(EncryptInput, EncryptResult),
  /** Closes the workspace and drops its data key from main. */
  'workspace:lock': channel(z.object({}), EncryptionStatus),
  /** Opens the locked (or initial) workspace with its passphrase or recovery key. */
  'workspace:unlock': channel(UnlockInput, EncryptionStatus),
  /** Rewraps the data key under a new passphrase; no file is re-encrypted. */
  'workspace:changePassphrase': channel(ChangePassphraseInput, EncryptionStatus),
  /** Rewraps the data key under a new random recovery key, answered once; the old key stops working. */
  'workspace:newRecoveryKey': channel(NewRecoveryKeyInput, NewRecoveryKeyResult),
  /** Locks the workspace after this many minutes without use (null: never). Kept in the user's profile. */
  'workspace:setIdleLock': channel(IdleLockInput, EncryptionStatus),
  /** Keeps the data key on this computer in the OS secure store (or forgets it), so a start needs no passphrase. */
  'workspace:rememberKey': channel(RememberKeyInput, EncryptionStatus),
  /** The person is at the window (keys, pointer) though nothing is read: the idle lock's time starts again. */
  'workspace:activity': channel(z.object({}), z.object({})),
  /** Opens every sealed file in place and removes the keys; asks for the passphrase (or recovery key) again. */
  'workspace:decrypt': channel(DecryptInput, EncryptionStatus),
} as const
