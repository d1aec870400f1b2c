import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdir, readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { osKeyStoreOf } from '@main/rememberedKeys'
import { AppSession } from '@main/session'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { makeVideo } from '../helpers/media'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'
function fakeSafeStorage() {
  const osKey = randomBytes(32)
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
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

describe('review: session', () => {
  it('lock via one path leaves the key under another path live', async () => {
    const userData = await tempDir()
    const base = await tempDir()
    const A = join(base, 'ws')
    await mkdir(A)
    await encryptWorkspace(A, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const B = join(base, 'alias')
    await symlink(A, B)
    const store = osKeyStoreOf(fakeSafeStorage())
    let s = new AppSession(userData, { analysis: false }, () => store)
    await s.loadSettings()
    await s.open(A, { unlock: { passphrase: PASS } })
    await s.rememberKey(true)
    await s.close()
    // later: the person opens the same workspace through B (a recent entry, a symlink, another spelling)
    s = new AppSession(userData, { analysis: false }, () => store)
    await s.loadSettings()
    await s.open(B).catch((e) => console.log('open B w/o pass:', e.code))
    await s.unlock({ passphrase: PASS })
    console.log('status before lock', (await s.encryptionStatus()).osKey, s.recent)
    await s.lock()
    console.log('locked?', (await s.encryptionStatus()).locked)
    // someone at the locked app: File > Open Recent > A
    let r: unknown
    try { const sv = await s.open(A); r = 'OPENED WITHOUT PASSPHRASE ' + sv.root } catch (e) { r = String(e) }
    console.log('A after lock:', r)
    console.log(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).osKeys)
    await s.close()
  })

  it('lock waits for background examinations; suspension written only after', async () => {
    const userData = await tempDir()
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    const src = join(media, 'v.mp4')
    makeVideo(src, { seconds: 20 })
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const store = osKeyStoreOf(fakeSafeStorage())
    const s = new AppSession(userData, { examineInlineUpTo: 0 }, () => store)
    await s.loadSettings()
    const sv = await s.open(root, { unlock: { passphrase: PASS } })
    await s.rememberKey(true)
    const c = await sv.cases.create({ title: 'x' })
    const items = []
    for (let i = 0; i < 3; i++) items.push(await sv.evidence.importFile(c.id, src, { title: 't' + i }))
    const t0 = Date.now()
    const lk = s.lock()
    let readDuring: unknown
    await new Promise((r) => setTimeout(r, 50))
    try { readDuring = (await s.current().cases.content(c.id)).evidence.length } catch (e) { readDuring = String(e) }
    const susp = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).osKeys
    await lk
    console.log('lock took', Date.now() - t0, 'ms; read during lock:', readDuring, 'suspended in file during lock:', JSON.stringify(Object.values(susp).map((k: any) => k.suspended)))
  }, 120_000)
})
