/**
 * The workspace's signing key and its trust list, both owned by the bundles area.
 *
 *   bundles/signing-key.pem   this workspace's Ed25519 private key (PKCS#8 PEM, mode 0600),
 *                             made on first use; it never leaves the workspace, never crosses IPC;
 *                             sealed like every other file when the workspace is encrypted
 *   bundles/keys.json         the trust list: keys trusted here, and keys seen in imports
 *
 * A key is named by its fingerprint: the SHA-256 of its raw 32-byte public key, in hex.
 */
import { appError } from '@shared/i18n/appError'
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import {
  CURRENT_SCHEMA_VERSION,
  KeysFile,
  KnownKey,
  SIGNATURE_CONTEXT,
  type BundleSender,
  type KeyList,
  type SignerTrust,
} from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { looksSealed, openBytes, sealBytes } from '@main/storage/crypto/seal'
import { vaultFor } from '@main/storage/crypto/vault'
import { fsyncDir } from '@main/storage/durableWrite'
import { nowIso, type ServiceContext } from '../context'

export const BUNDLES_DIR = 'bundles'
const KEY_FILE = join(BUNDLES_DIR, 'signing-key.pem')
export const KEYS_FILE = join(BUNDLES_DIR, 'keys.json')

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows (Node 20 has no raw import). */
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex')

export const fingerprintOf = (publicKeyRaw: Buffer) => createHash('sha256').update(publicKeyRaw).digest('hex')

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url')
}

/** What the signature covers: a fixed context, then the manifest's exact bytes. */
const signed = (manifest: Buffer) => Buffer.concat([Buffer.from(SIGNATURE_CONTEXT, 'utf8'), manifest])

/** True when `signature` is the Ed25519 signature of the manifest bytes by `publicKeyB64`. */
export function verifyManifest(publicKeyB64: string, manifest: Buffer, signature: Buffer): boolean {
  const raw = Buffer.from(publicKeyB64, 'base64')
  if (raw.length !== 32 || signature.length !== 64) return false
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' })
    return verify(null, signed(manifest), key, signature)
  } catch {
    return false
  }
}

export interface OwnKey {
  fingerprint: string
  /** Raw public key, base64. */
  publicKey: string
  createdAt?: string
  sign(manifest: Buffer): Buffer
}

export function createKeyring(ctx: ServiceContext) {
  const empty = () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, keys: [] })
  const doc = () => ctx.store.document(KEYS_FILE, 'keys', KeysFile, empty)
  let own: Promise<OwnKey | null> | null = null

  function wrap(privateKey: KeyObject, createdAt?: string): OwnKey {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw appError('CORRUPT', 'errMedia:doesHoldEdKey', { KEY_FILE })
    const raw = rawPublicKey(createPublicKey(privateKey))
    return {
      fingerprint: fingerprintOf(raw),
      publicKey: raw.toString('base64'),
      createdAt,
      sign: (manifest) => sign(null, signed(manifest), privateKey),
    }
  }

  async function load(): Promise<OwnKey | null> {
    const abs = ctx.store.resolve(KEY_FILE)
    let stored: Buffer
    try {
      stored = await readFile(abs)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw appError('IO', 'errMedia:cannotReadWorkspaceSigning', { KEY_FILE, reason: messageOf(e) })
    }
    let key: KeyObject
    try {
      const vault = vaultFor(abs)
      const pem = looksSealed(stored) && vault ? openBytes(vault.key, vault.rel, stored) : stored
      key = createPrivateKey(pem)
    } catch (e) {
      throw appError('CORRUPT', 'errMedia:workspaceSigningKeyDamaged', { KEY_FILE, reason: messageOf(e) })
    }
    const created = await stat(abs).then(
      (s) => s.mtime.toISOString(),
      () => undefined,
    )
    return wrap(key, created)
  }

  /**
   * Makes the key once: written to a private temp file (0600), synced, then linked
   * to its name, which fails if another made it first (that one is then used).
   */
  async function make(): Promise<OwnKey> {
    ctx.store.assertWritable()
    const abs = ctx.store.resolve(KEY_FILE)
    await mkdir(dirname(abs), { recursive: true })
    const { privateKey } = generateKeyPairSync('ed25519')
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const temp = `${abs}.${randomBytes(6).toString('hex')}.tmp`
    const fh = await open(temp, 'wx', 0o600)
    try {
      // Sealed under the key's own name, as the migration would have sealed it had it existed then.
      const vault = vaultFor(abs)
      const bytes = vault ? sealBytes(vault.key, vault.rel, Buffer.from(pem, 'utf8')) : Buffer.from(pem, 'utf8')
      let off = 0
      while (off < bytes.length) off += (await fh.write(bytes, off, bytes.length - off)).bytesWritten
      await fh.sync()
    } finally {
      await fh.close()
    }
    try {
      await link(temp, abs)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    } finally {
      await unlink(temp).catch(() => undefined)
    }
    await fsyncDir(dirname(abs))
    return (await load())!
  }

  /** This workspace's key, made on first use (a read-only workspace without one gets READ_ONLY). */
  async function ownKey(): Promise<OwnKey> {
    const existing = await peekOwn()
    if (existing) return existing
    own = make().catch((e) => {
      own = null
      throw e
    })
    return (await own)!
  }

  /** This workspace's key if it has one; never makes one. */
  async function peekOwn(): Promise<OwnKey | null> {
    own ??= load().catch((e) => {
      own = null
      throw e
    })
    const k = await own
    if (!k) own = null
    return k
  }

  async function find(fingerprint: string): Promise<KnownKey | undefined> {
    if (!(await ctx.store.existsOrSetAside(KEYS_FILE))) return undefined
    return (await doc()).data.keys.find((k) => k.fingerprint === fingerprint)
  }

  return {
    ownKey,
    peekOwn,

    /** known: trusted here (or this workspace's own key); new: never trusted here. */
    async trustOf(fingerprint: string): Promise<{ trust: Exclude<SignerTrust, 'invalid'>; own: boolean }> {
      const mine = await peekOwn()
      if (mine?.fingerprint === fingerprint) return { trust: 'known', own: true }
      return { trust: (await find(fingerprint))?.trusted ? 'known' : 'new', own: false }
    },

    async list(): Promise<KeyList> {
      const mine = await ownKey()
      const keys = (await ctx.store.existsOrSetAside(KEYS_FILE)) ? [...(await doc()).data.keys] : []
      return {
        own: { fingerprint: mine.fingerprint, publicKey: mine.publicKey, createdAt: mine.createdAt },
        keys: keys.sort((a, b) => Number(b.trusted) - Number(a.trusted) || a.fingerprint.localeCompare(b.fingerprint)),
      }
    },

    /**
     * Trusts a key by its fingerprint: one seen in a bundle, or one read out by its
     * owner before any bundle of it arrived. Bundles it signs then show as known.
     */
    async trust(fingerprint: string): Promise<KnownKey> {
      if ((await peekOwn())?.fingerprint === fingerprint) throw appError('VALIDATION', 'errMedia:workspaceOwnKeyAlways')
      const at = nowIso(ctx)
      return (await doc()).update((d) => {
        const i = d.keys.findIndex((k) => k.fingerprint === fingerprint)
        const next = KnownKey.parse({
          ...(i >= 0 ? d.keys[i] : { fingerprint }),
          trusted: true,
          trustedAt: i >= 0 && d.keys[i].trusted ? d.keys[i].trustedAt : at,
        })
        if (i >= 0) d.keys[i] = next
        else d.keys.push(next)
        return next
      })
    },

    /** Forgets a key (trusted or only seen): its bundles then show as new. */
    async remove(fingerprint: string): Promise<void> {
      if ((await peekOwn())?.fingerprint === fingerprint) throw appError('VALIDATION', 'errMedia:workspaceOwnKeyCannot')
      if (!(await find(fingerprint))) throw appError('NOT_FOUND', 'errMedia:noKeyFingerprintKnown', { fingerprint })
      await (
        await doc()
      ).update((d) => {
        d.keys = d.keys.filter((k) => k.fingerprint !== fingerprint)
      })
    },

    /** After an import: remembers the signer (its public key and the names it claimed), trusted or not. */
    async recordSeen(sender: BundleSender): Promise<void> {
      if ((await peekOwn())?.fingerprint === sender.fingerprint) return
      const at = nowIso(ctx)
      await (
        await doc()
      ).update((d) => {
        const i = d.keys.findIndex((k) => k.fingerprint === sender.fingerprint)
        const seen = {
          publicKey: sender.publicKey,
          workspace: sender.workspace,
          user: sender.user,
          lastSeenAt: at,
        }
        if (i >= 0) d.keys[i] = KnownKey.parse({ ...d.keys[i], ...seen, firstSeenAt: d.keys[i].firstSeenAt ?? at })
        else d.keys.push(KnownKey.parse({ fingerprint: sender.fingerprint, trusted: false, firstSeenAt: at, ...seen }))
      })
    },

    /** Loads the trust list and the key when they exist; false when the list is damaged. */
    async check(): Promise<boolean> {
      if (!(await ctx.store.exists(KEYS_FILE))) return true
      return ctx.store.loads(KEYS_FILE, 'keys', KeysFile)
    },
  }
}
export type Keyring = ReturnType<typeof createKeyring>
