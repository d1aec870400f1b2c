/**
 * keys.json at the workspace root: the random 256-bit data key, wrapped (never
 * stored bare) by a key derived from the passphrase and by the recovery key.
 * keys.json itself is never sealed: it is what opens everything else.
 *
 * Passphrase key: scrypt with N = 2^17, r = 8, p = 1 (128 MiB, about half a
 * second on a laptop: OWASP's recommended floor for scrypt), a random 128-bit
 * salt. The parameters are stored, so a later version may raise them; tests
 * pass a lower N explicitly (`cost`), never by default.
 * Recovery key: 256 random bits shown once as base32; being random it needs no
 * slow derivation (HKDF only separates its use).
 * Each wrap is AES-256-GCM with its own random nonce. A key check value (an
 * HMAC of the wrapping key) tells a wrong passphrase apart from a damaged
 * keys.json; a check value of the data key confirms the unwrapped key.
 * Changing the passphrase rewraps the data key: no stored file is re-encrypted.
 */
import { appError } from '@shared/i18n/appError'
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto'
import { z } from 'zod'
import { KEY_BYTES } from './seal'

export const KEYS_FILE = 'keys.json'

/** Strong defaults; see the module comment. */
export const SCRYPT_DEFAULT = { N: 2 ** 17, r: 8, p: 1 } as const
export type ScryptCost = { N: number; r: number; p: number }

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
const Wrap = z.object({ kcv: b64, nonce: b64, wrapped: b64 })
export const KeyFile = z.object({
  format: z.literal('casefile-keys'),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
    salt: b64,
  }),
  passphrase: Wrap,
  recovery: Wrap,
  /** Reserved, never written: the OS secure store's wrap is kept in the user's profile (src/main/rememberedKeys.ts). */
  osStore: z.object({ wrapped: b64 }).optional(),
  dataKeyCheck: b64,
})
export type KeyFile = z.infer<typeof KeyFile>

/**
 * How a workspace is opened: the passphrase, the recovery key, or the data key itself as the OS
 * secure store will hand it back (unwrapped there; checked here against the key check value).
 */
export type Unlock = { passphrase: string } | { recoveryKey: string } | { dataKey: Buffer }

const hmac = (key: Buffer, label: string) => createHmac('sha256', key).update(label).digest().subarray(0, 16)

function scryptAsync(pass: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((res, rej) =>
    scrypt(pass.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }, (e, k) =>
      e ? rej(e) : res(k),
    ),
  )
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** 32 bytes as 52 base32 letters in groups of four: readable, typable, case-insensitive. */
export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out.match(/.{1,4}/g)!.join('-')
}

export function parseRecoveryKey(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, '')
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const ch of clean) {
    const v = BASE32.indexOf(ch)
    if (v < 0) throw appError('VALIDATION', 'errStorage:recoveryKeyLettersDigits')
    value = ((value << 5) | v) & 0xffff
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  if (out.length !== KEY_BYTES) throw appError('VALIDATION', 'errStorage:recoveryKeyTooShort')
  return Buffer.from(out)
}

const recoveryKek = (raw: Buffer) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'casefile recovery v1', 32))

function wrap(kek: Buffer, dataKey: Buffer, label: string): z.infer<typeof Wrap> {
  const nonce = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', kek, nonce)
  c.setAAD(Buffer.from(`casefile:keys:v1:${label}`))
  const wrapped = Buffer.concat([c.update(dataKey), c.final(), c.getAuthTag()])
  return {
    kcv: hmac(kek, 'casefile key check').toString('base64'),
    nonce: nonce.toString('base64'),
    wrapped: wrapped.toString('base64'),
  }
}

function unwrap(kek: Buffer, w: z.infer<typeof Wrap>, label: string, what: string): Buffer {
  if (!timingSafeEqualB64(hmac(kek, 'casefile key check'), w.kcv))
    throw appError('FORBIDDEN', 'errStorage:wrongWorkspaceStaysLocked', { what })
  const sealed = Buffer.from(w.wrapped, 'base64')
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.nonce, 'base64'))
    d.setAAD(Buffer.from(`casefile:keys:v1:${label}`))
    d.setAuthTag(sealed.subarray(sealed.length - 16))
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()])
  } catch {
    throw keysDamaged()
  }
}

function timingSafeEqualB64(a: Buffer, b64text: string): boolean {
  const b = Buffer.from(b64text, 'base64')
  return a.length === b.length && timingSafeEqual(a, b)
}

export const keysDamaged = () => appError('CORRUPT', 'errStorage:damagedPassphraseRecoveryKey', { KEYS_FILE })

/** A new data key and its keyfile; the recovery key is returned to be shown once and never stored. */
export async function createKeyFile(
  passphrase: string,
  cost: ScryptCost = SCRYPT_DEFAULT,
): Promise<{ file: KeyFile; dataKey: Buffer; recoveryKey: string }> {
  assertPassphrase(passphrase)
  const dataKey = randomBytes(KEY_BYTES)
  const recoveryRaw = randomBytes(KEY_BYTES)
  const salt = randomBytes(16)
  const kek = await scryptAsync(passphrase, salt, cost)
  const file: KeyFile = {
    format: 'casefile-keys',
    version: 1,
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    passphrase: wrap(kek, dataKey, 'passphrase'),
    recovery: wrap(recoveryKek(recoveryRaw), dataKey, 'recovery'),
    dataKeyCheck: hmac(dataKey, 'casefile data key check').toString('base64'),
  }
  return { file, dataKey, recoveryKey: formatRecoveryKey(recoveryRaw) }
}

/** The same data key under a new random recovery key (the old one stops opening it); the passphrase's wrap is kept. */
export function rewrapRecovery(file: KeyFile, dataKey: Buffer): { file: KeyFile; recoveryKey: string } {
  const recoveryRaw = randomBytes(KEY_BYTES)
  return {
    file: { ...file, recovery: wrap(recoveryKek(recoveryRaw), dataKey, 'recovery') },
    recoveryKey: formatRecoveryKey(recoveryRaw),
  }
}

export function assertPassphrase(p: string): void {
  if ([...p].length < 8) throw appError('VALIDATION', 'errStorage:passphraseNeedsLeastCharacters')
}

export async function unlockKeyFile(file: KeyFile, how: Unlock): Promise<Buffer> {
  const salt = Buffer.from(file.kdf.salt, 'base64')
  if ('dataKey' in how) {
    if (!timingSafeEqualB64(hmac(how.dataKey, 'casefile data key check'), file.dataKeyCheck))
      throw appError('FORBIDDEN', 'errStorage:storedKeyDoesOpen')
    return Buffer.from(how.dataKey)
  }
  const dataKey =
    'passphrase' in how
      ? unwrap(await scryptAsync(how.passphrase, salt, file.kdf), file.passphrase, 'passphrase', 'passphrase')
      : unwrap(recoveryKek(parseRecoveryKey(how.recoveryKey)), file.recovery, 'recovery', 'recovery key')
  if (!timingSafeEqualB64(hmac(dataKey, 'casefile data key check'), file.dataKeyCheck)) throw keysDamaged()
  return dataKey
}

/** The same data key under a new passphrase (a new salt too); the recovery wrap is kept. */
export async function rewrapPassphrase(
  file: KeyFile,
  dataKey: Buffer,
  passphrase: string,
  cost: ScryptCost = SCRYPT_DEFAULT,
): Promise<KeyFile> {
  assertPassphrase(passphrase)
  const salt = randomBytes(16)
  const kek = await scryptAsync(passphrase, salt, cost)
  return {
    ...file,
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    passphrase: wrap(kek, dataKey, 'passphrase'),
  }
}

/** The OS secure store (Electron safeStorage, only when its backend is not basic_text: rememberedKeys.ts). */
export interface OsKeyStore {
  encrypt(plain: Buffer): Buffer
  decrypt(sealed: Buffer): Buffer
}
