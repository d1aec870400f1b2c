/**
 * The data key kept by the OS secure store (issue #14): through the real
 * dispatcher and session, with a stand-in of Electron's safeStorage (AES with
 * a key of its own, as the OS store holds one), since no Electron runs here.
 * A start opens without the passphrase; a lock suspends that until the next
 * passphrase unlock; an unreadable entry is forgotten; decrypting forgets it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EncryptionStatus } from '@shared/domain'
import { createDispatcher } from '@main/ipc/dispatch'
import { handlers } from '@main/ipc/handlers/index'
import type { HandlerContext } from '@main/ipc/types'
import { osKeyStoreOf } from '@main/rememberedKeys'
import { AppSession, type Platform } from '@main/session'
import type { OsKeyStore } from '@main/storage/crypto/keyfile'
import { decryptWorkspace } from '@main/storage/crypto/migrate'
import { keyOf } from '@main/storage/crypto/vault'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'

/** What safeStorage does, in miniature: strings sealed under a key only "the OS" holds. */
function fakeSafeStorage(backend = 'gnome_libsecret') {
  const osKey = randomBytes(32)
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain: string) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', osKey, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decryptString(sealed: Buffer) {
      const d = createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12))
      d.setAuthTag(sealed.subarray(12, 28))
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8')
    },
  }
}

function drive(session: AppSession) {
  return createDispatcher(handlers, (): HandlerContext => ({
    get services() {
      return session.current()
    },
    session,
    platform: { notifyWorkspaceChanged: () => undefined } as unknown as Platform,
  }))
}

async function statusOf(session: AppSession): Promise<EncryptionStatus> {
  const r = await drive(session)('workspace:encryptionStatus', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as EncryptionStatus
}

/** A new session with the profile in `userData` (a start of the app). */
async function start(userData: string, store: () => OsKeyStore | null): Promise<AppSession> {
  const session = new AppSession(userData, {}, store)
  await session.loadSettings()
  return session
}

/** `root` encrypted with PASS and its key kept by the store; the session is left closed. */
async function encryptedAndKept(userData: string, root: string, store: () => OsKeyStore | null) {
  const session = await start(userData, store)
  await session.open(root)
  try {
    expect(await drive(session)('workspace:encrypt', { passphrase: PASS })).toMatchObject({ ok: true })
    await session.rememberKey(true)
  } finally {
    await session.close()
  }
}

describe('osKeyStoreOf', () => {
  it("uses safeStorage only where its backend is real: never Linux's basic_text, never before it is available", () => {
    const real = osKeyStoreOf(fakeSafeStorage())
    if (process.platform === 'linux') {
      expect(osKeyStoreOf(fakeSafeStorage('basic_text'))).toBeNull()
      expect(osKeyStoreOf(fakeSafeStorage('unknown'))).toBeNull()
    }
    expect(osKeyStoreOf({ ...fakeSafeStorage(), isEncryptionAvailable: () => false })).toBeNull()
    const key = randomBytes(32)
    expect(real!.decrypt(real!.encrypt(key))).toEqual(key)
  })
})

describe('a data key kept on this computer', () => {
  it('opens the next start without the passphrase, until a lock; the passphrase resumes it; decrypting forgets it', async () => {
    const userData = await tempDir()
    const root = await tempDir()
    const store = osKeyStoreOf(fakeSafeStorage())
    let session = new AppSession(userData, {}, () => store)
    await session.loadSettings()
    await session.open(root)
    let dispatch = drive(session)
    try {
      expect(await dispatch('cases:create', { title: 'Kept key' })).toMatchObject({ ok: true })
      expect(await dispatch('workspace:rememberKey', { remember: true })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/Only an encrypted workspace/) },
      })
      expect(await dispatch('workspace:encrypt', { passphrase: PASS })).toMatchObject({ ok: true })
      expect((await statusOf(session)).osKey).toBe('off')
      expect(await dispatch('workspace:rememberKey', { remember: true })).toMatchObject({
        ok: true,
        value: { osKey: 'on' },
      })
      // The profile holds the key only as the OS store sealed it.
      const dataKey = keyOf(root)!
      const settings = await readFile(join(userData, 'settings.json'))
      for (const form of [dataKey, Buffer.from(dataKey.toString('base64')), Buffer.from(dataKey.toString('hex'))])
        expect(settings.includes(form)).toBe(false)
    } finally {
      await session.close()
    }

    // A new start: open, no passphrase asked.
    session = new AppSession(userData, {}, () => store)
    await session.openInitial()
    dispatch = drive(session)
    expect(await dispatch('cases:list', {})).toMatchObject({ ok: true, value: [{ title: 'Kept key' }] })
    expect(await statusOf(session)).toMatchObject({ encrypted: true, locked: false, osKey: 'on' })
    expect(await dispatch('workspace:lock', {})).toMatchObject({
      ok: true,
      value: { locked: true, osKey: 'suspended' },
    })
    await session.close()

    // Quitting while locked and starting again does not get past the lock.
    session = new AppSession(userData, {}, () => store)
    await expect(session.openInitial()).rejects.toMatchObject({ code: 'LOCKED' })
    expect(await statusOf(session)).toMatchObject({ locked: true, osKey: 'suspended' })
    dispatch = drive(session)
    expect(await dispatch('workspace:unlock', { passphrase: PASS })).toMatchObject({
      ok: true,
      value: { locked: false, osKey: 'on' },
    })
    await session.close()

    session = new AppSession(userData, {}, () => store)
    await session.openInitial()
    dispatch = drive(session)
    try {
      expect(await dispatch('workspace:decrypt', { passphrase: PASS })).toMatchObject({
        ok: true,
        value: { encrypted: false, osKey: 'off' },
      })
      const settings = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))
      expect(settings.osKeys).toEqual({})
    } finally {
      await session.close()
    }
  }, 120_000)

  it('a store that can no longer read its entry (a reset keychain) asks for the passphrase and forgets it; none here: refused', async () => {
    const userData = await tempDir()
    const root = await tempDir()
    let store: OsKeyStore | null = osKeyStoreOf(fakeSafeStorage())
    await encryptedAndKept(userData, root, () => store)
    store = osKeyStoreOf(fakeSafeStorage()) // another OS key: the entry cannot be opened
    const session = new AppSession(userData, {}, () => store)
    await expect(session.openInitial()).rejects.toMatchObject({ code: 'LOCKED' })
    expect(await statusOf(session)).toMatchObject({ locked: true, osKey: 'off' })
    expect(await drive(session)('workspace:unlock', { passphrase: PASS })).toMatchObject({ ok: true })

    store = null // no real store on this computer
    expect(await statusOf(session)).toMatchObject({ osKey: 'unavailable' })
    expect(await drive(session)('workspace:rememberKey', { remember: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/no secure key store/) },
    })
    await session.close()
  }, 120_000)

  it('a workspace decrypted elsewhere (the command line) has its kept key forgotten at the next start', async () => {
    const userData = await tempDir()
    const root = await tempDir()
    const store = osKeyStoreOf(fakeSafeStorage())
    await encryptedAndKept(userData, root, () => store)
    await decryptWorkspace(root, { passphrase: PASS })
    const session = new AppSession(userData, {}, () => store)
    await session.openInitial()
    try {
      expect(await statusOf(session)).toMatchObject({ encrypted: false, osKey: 'off' })
      await session.setIdleLockMinutes(null) // any save of the settings writes the change down
      expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).osKeys).toEqual({})
    } finally {
      await session.close()
    }
  }, 120_000)

  it('a lock taken through another path to the folder (a link) suspends the same kept key', async () => {
    const userData = await tempDir()
    const root = await tempDir()
    const link = join(await tempDir(), 'link-to-workspace')
    await symlink(root, link)
    const store = osKeyStoreOf(fakeSafeStorage())
    await encryptedAndKept(userData, root, () => store)

    let session = await start(userData, () => store)
    await session.open(link) // opened by the kept key, through the link
    expect(await statusOf(session)).toMatchObject({ locked: false, osKey: 'on' })
    await session.lock()
    await session.close()
    session = await start(userData, () => store)
    await expect(session.open(root)).rejects.toMatchObject({ code: 'LOCKED' })
    expect(await statusOf(session)).toMatchObject({ locked: true, osKey: 'suspended' })
    await session.close()
  }, 120_000)

  it('a lock suspends the keys kept for every workspace, not only the one locked', async () => {
    const userData = await tempDir()
    const [x, y] = [await tempDir(), await tempDir()]
    const store = osKeyStoreOf(fakeSafeStorage())
    const session = new AppSession(userData, {}, () => store)
    await session.loadSettings()
    for (const root of [x, y]) {
      await session.open(root)
      expect(await drive(session)('workspace:encrypt', { passphrase: PASS })).toMatchObject({ ok: true })
      await session.rememberKey(true)
    }
    await session.lock() // y is open
    // From the lock screen, the other workspace: its passphrase first.
    await expect(session.open(x)).rejects.toMatchObject({ code: 'LOCKED' })
    expect(await statusOf(session)).toMatchObject({ locked: true, osKey: 'suspended' })
    await session.unlock({ passphrase: PASS })
    expect(await statusOf(session)).toMatchObject({ locked: false, osKey: 'on' })
    await session.close()
  }, 120_000)
})
