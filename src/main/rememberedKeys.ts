import { z } from 'zod'
import type { OsKeyStore } from './storage/crypto/keyfile'

/**
 * Data keys of encrypted workspaces kept on this computer, wrapped by the
 * operating system's secure store (Electron safeStorage: Keychain, DPAPI, a
 * Linux secret service; never its `basic_text` fallback), so the passphrase
 * is not asked at every start. Kept in the user's profile (settings.json),
 * never in the workspace: a copied workspace carries no key its new computer
 * could open, and forgetting is one entry removed.
 *
 * The app lock must stay a lock: a lock (by hand or when idle) suspends every
 * entry, so neither quitting and starting again nor opening another workspace
 * from the lock screen gets past it without a passphrase; each workspace's next
 * unlock with its passphrase (or recovery key) resumes its own entry.
 */
export const RememberedKey = z.object({
  /** The data key as the OS store sealed it, base64. */
  wrapped: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  suspended: z.boolean().default(false),
})
export const RememberedKeys = z.record(z.string(), RememberedKey).default({})
export type RememberedKeys = z.infer<typeof RememberedKeys>

export type OsKeyState = 'unavailable' | 'off' | 'on' | 'suspended'

export function osKeyState(store: OsKeyStore | null, keys: RememberedKeys, root: string): OsKeyState {
  if (!store) return 'unavailable'
  const k = keys[root]
  return !k ? 'off' : k.suspended ? 'suspended' : 'on'
}

export function rememberKey(store: OsKeyStore, keys: RememberedKeys, root: string, dataKey: Buffer): void {
  keys[root] = { wrapped: store.encrypt(dataKey).toString('base64'), suspended: false }
}

/**
 * The data key the OS store gives back for the workspace, or null: none kept, suspended by a lock,
 * or no longer readable (another user, a reset keychain), in which case the entry is dropped.
 */
export function recalledKey(store: OsKeyStore | null, keys: RememberedKeys, root: string): Buffer | null {
  const k = keys[root]
  if (!store || !k || k.suspended) return null
  try {
    return store.decrypt(Buffer.from(k.wrapped, 'base64'))
  } catch {
    delete keys[root]
    return null
  }
}

/**
 * Electron's safeStorage as an OsKeyStore where its backend is real; null where it is not
 * (not ready, no secret service, or Linux's `basic_text`, a key anyone with the file could read).
 */
export function osKeyStoreOf(safeStorage: {
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend?: () => string
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
}): OsKeyStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown'
    if (backend === 'basic_text' || backend === 'unknown') return null
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  }
}
