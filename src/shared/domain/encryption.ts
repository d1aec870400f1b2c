import { z } from 'zod'

/** The shortest passphrase main accepts (keyfile.ts checks it again, in code points); the window says it first. */
export const PASSPHRASE_MIN_LENGTH = 8
/** A passphrase as typed: at least 8 characters (checked again in main), bounded so no one sends megabytes. */
export const Passphrase = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(1_000)

/** Where the open (or last) workspace stands: encrypted or not, and whether main holds its key now. */
export const EncryptionStatus = z.object({
  root: z.string(),
  encrypted: z.boolean(),
  /** Locked: main holds no key and no workspace is open; workspace:unlock opens it again. */
  locked: z.boolean(),
  /** Minutes without use before the app locks itself, or null for never (the user's setting, kept in their profile). */
  idleLockMinutes: z.number().nullable(),
  /**
   * The data key kept on this computer by the OS secure store: unavailable (no real store here), off,
   * on (the next start opens without the passphrase), or suspended (locked since: the passphrase first).
   */
  osKey: z.enum(['unavailable', 'off', 'on', 'suspended']).default('unavailable'),
})
export type EncryptionStatus = z.infer<typeof EncryptionStatus>

/** The renderer's name for a long migration, so its `progress` pushes can be matched. */
const MigrationTaskId = z.string().min(1).max(100).optional()
export const EncryptInput = z.object({ passphrase: Passphrase, taskId: MigrationTaskId })
/** The recovery key is in this answer only, to be shown once; it is stored nowhere. */
export const EncryptResult = z.object({ recoveryKey: z.string(), files: z.number().int().nonnegative() })
export const RememberKeyInput = z.object({ remember: z.boolean() })
export const UnlockInput = z.union([
  z.object({ passphrase: z.string().min(1).max(1_000) }),
  z.object({ recoveryKey: z.string().min(1).max(200) }),
])
/** Decrypting asks for the passphrase (or the recovery key) again, whoever left the window open. */
export const DecryptInput = z.union([
  z.object({ passphrase: z.string().min(1).max(1_000), taskId: MigrationTaskId }),
  z.object({ recoveryKey: z.string().min(1).max(200), taskId: MigrationTaskId }),
])
export const ChangePassphraseInput = z.object({ current: z.string().min(1).max(1_000), next: Passphrase })
/** A new recovery key is made only for the passphrase (whoever left the window open does not get one). */
export const NewRecoveryKeyInput = z.object({ passphrase: z.string().min(1).max(1_000) })
export const NewRecoveryKeyResult = z.object({ recoveryKey: z.string() })
/** Minutes without use before the app locks (1 minute to 24 hours), or null for never. */
export const IdleLockInput = z.object({
  minutes: z
    .number()
    .min(1)
    .max(24 * 60)
    .nullable(),
})
