/**
 * The loopback that lends a sealed blob's original bytes to ffmpeg: only its own
 * random path, GET and HEAD, Range as the player's protocol answers it, nothing
 * once the workspace is locked, and gone when the work is done.
 */
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lendPlainBytes } from '@main/services/evidence/plainLoopback'
import { openWorkspace } from '@main/services/index'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'

describe('lendPlainBytes', () => {
  it('serves the one blob by range on its secret path, nothing else, nothing after a lock, nothing after', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    const bytes = randomBytes(300_000)
    await writeFile(join(media, 'a.bin'), bytes)
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    const c = await s.cases.create({ title: 'Loopback' })
    const item = await s.evidence.importFile(c.id, join(media, 'a.bin'))
    const blob = await s.evidence.blobPath(item.file!.sha256)
    let lent = ''
    let closed = false
    try {
      await lendPlainBytes(blob, async (url) => {
        lent = url
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{64}$/)
        const whole = await fetch(url)
        expect(whole.status).toBe(200)
        expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true)
        const part = await fetch(url, { headers: { Range: 'bytes=70000-70009' } })
        expect(part.status).toBe(206)
        expect(part.headers.get('content-range')).toBe(`bytes 70000-70009/${bytes.length}`)
        expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(70000, 70010))).toBe(true)
        expect((await fetch(url, { headers: { Range: 'bytes=999999-' } })).status).toBe(416)
        const origin = new URL(url).origin
        for (const other of [`${origin}/`, `${url}?x=1`, `${origin}/${'0'.repeat(64)}`])
          expect((await fetch(other)).status).toBe(404)
        expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(404)
        // Locked (the key dropped): the same path answers nothing.
        await s.close()
        closed = true
        expect((await fetch(url)).status).toBe(404)
      })
      await expect(fetch(lent)).rejects.toThrow()
    } finally {
      if (!closed) await s.close()
    }
  }, 60_000)
})
