/**
 * The loopback that lends a sealed blob's original bytes to ffmpeg: only its own
 * random path, GET and HEAD, Range as the player's protocol answers it, nothing
 * once the workspace is locked, and gone when the work is done.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, readFile, unlink, writeFile } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lendPlainBytes } from '@main/services/evidence/plainLoopback'
import { openWorkspace } from '@main/services/index'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { BLOB_HEADER_BYTES, SEGMENT_BYTES } from '@main/storage/crypto/segments'
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

describe('lendPlainBytes on a damaged blob', () => {
  it('fails the loan with the damage, whatever the helper made of the bytes cut short', async () => {
    const root = await tempDir()
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS }, analysis: false })
    try {
      const c = await s.cases.create({ title: 'Damaged' })
      const item = await s.evidence.importBytes(c.id, [randomBytes(5 * SEGMENT_BYTES)], 'a.bin')
      const blob = await s.evidence.blobPath(item.file!.sha256)
      // One bit of segment 3 flipped: the segments before it still open.
      const sealed = await readFile(blob)
      sealed[BLOB_HEADER_BYTES + 3 * (SEGMENT_BYTES + 16) + 100] ^= 1
      await chmod(blob, 0o600)
      await writeFile(blob, sealed)

      let served = 0
      let wholeSaid: unknown
      const loan = lendPlainBytes(blob, async (url, whole) => {
        // The answer ends early: a helper such as ffmpeg takes that for the end of the file and goes on.
        const res = await fetch(url)
        const reader = res.body!.getReader()
        try {
          for (let r = await reader.read(); !r.done; r = await reader.read()) served += r.value.length
        } catch {
          // cut short
        }
        try {
          whole()
        } catch (e) {
          wholeSaid = e
        }
        return 'a result made from part of the file'
      })
      await expect(loan).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/damaged/) })
      expect(served).toBeGreaterThanOrEqual(2 * SEGMENT_BYTES)
      expect(served).toBeLessThan(5 * SEGMENT_BYTES)
      expect(wholeSaid).toMatchObject({ code: 'CORRUPT' })
      // A helper's own error gives way to the damage that caused it.
      await expect(
        lendPlainBytes(blob, async (url) => {
          await (await fetch(url)).arrayBuffer()
          throw new Error('ffmpeg: Server returned 5XX')
        }),
      ).rejects.toMatchObject({ code: 'CORRUPT' })
    } finally {
      await s.close()
    }
  })
})

describe.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)('lendPlainBytes and other users', () => {
  it('refuses a connection from another user of the machine, who could read the path in ffmpeg’s arguments', async () => {
    const root = await tempDir()
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS }, analysis: false })
    try {
      const c = await s.cases.create({ title: 'Other users' })
      const item = await s.evidence.importBytes(c.id, [randomBytes(1000)], 'a.bin')
      const blob = await s.evidence.blobPath(item.file!.sha256)
      await lendPlainBytes(blob, async (url) => {
        const statusAs = (uid?: number) =>
          new Promise<string>((resolve, reject) => {
            const p = spawn(
              process.execPath,
              ['-e', `fetch(${JSON.stringify(url)}).then((r) => console.log(r.status), () => console.log('failed'))`],
              { uid, gid: uid, stdio: ['ignore', 'pipe', 'inherit'] },
            )
            let out = ''
            p.stdout.on('data', (d: Buffer) => (out += d.toString()))
            p.on('error', reject)
            p.on('close', () => resolve(out.trim()))
          })
        expect(await statusAs(65534)).toBe('403') // nobody
        expect(await statusAs()).toBe('200') // this user, in another process
      })
    } finally {
      await s.close()
    }
  })
})

describe('lendPlainBytes refuses a file that names other sources', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf])
  const cases: [string, Buffer][] = [
    ['an HLS playlist', Buffer.from('#EXTM3U\n#EXT-X-VERSION:3\nhttp://192.0.2.1/a.ts\n')],
    ['an HLS playlist after a byte-order mark', Buffer.concat([bom, Buffer.from('#EXTM3U\nhttp://192.0.2.1/a.ts\n')])],
    ['an ffconcat list after blank lines', Buffer.from('\n  \r\nffconcat version 1.0\nfile http://192.0.2.1/a\n')],
    ['an SDP description', Buffer.from('v=0\r\no=- 0 0 IN IP4 192.0.2.1\r\n')],
    ['a DASH manifest, however its tag is written', Buffer.from('<?xml version="1.0"?>\n<mpd xmlns="urn:mpeg:dash">')],
  ]
  it.each(cases)('%s', async (_what, bytes) => {
    const file = join(await tempDir(), 'list')
    await writeFile(file, bytes)
    let used = false
    await expect(lendPlainBytes(file, async () => (used = true))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^This file is a playlist or a stream description, not a recording/),
    })
    expect(used).toBe(false)
  })

  it('lends a file that only mentions such a word further in, or holds a byte-order mark inside', async () => {
    for (const bytes of [
      Buffer.from('RIFF....#EXTM3U ffconcat v=0'),
      Buffer.concat([Buffer.from('#EXT'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('M3U')]),
      Buffer.from('ftypisom ... v=0'),
    ]) {
      const file = join(await tempDir(), 'media')
      await writeFile(file, bytes)
      expect(await lendPlainBytes(file, async (url) => url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    }
  })
})

describe('lendPlainBytes answers as a file server would', () => {
  async function sealedWorkspace() {
    const root = await tempDir()
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS }, analysis: false })
    const c = await s.cases.create({ title: 'Headers' })
    const blobOf = async (bytes: Buffer) =>
      s.evidence.blobPath((await s.evidence.importBytes(c.id, [bytes], 'a.bin')).file!.sha256)
    return { s, blobOf }
  }

  it('names its ranges, its type and its length; HEAD says the same with no body; an empty file is whole', async () => {
    const { s, blobOf } = await sealedWorkspace()
    try {
      const bytes = randomBytes(100_000)
      await lendPlainBytes(await blobOf(bytes), async (url) => {
        const whole = await fetch(url)
        expect(Object.fromEntries(whole.headers)).toMatchObject({
          'accept-ranges': 'bytes',
          'content-type': 'application/octet-stream',
          'content-length': '100000',
        })
        expect(whole.headers.has('content-range')).toBe(false)
        await whole.arrayBuffer()
        const head = await fetch(url, { method: 'HEAD', headers: { Range: 'bytes=10-19' } })
        expect(head.status).toBe(206)
        expect(head.headers.get('content-length')).toBe('10')
        expect(head.headers.get('content-range')).toBe('bytes 10-19/100000')
        expect((await head.arrayBuffer()).byteLength).toBe(0)
        const none = await fetch(url, { headers: { Range: 'bytes=200000-' } })
        expect(none.status).toBe(416)
        expect(none.headers.get('content-range')).toBe('bytes */100000')
      })
      await lendPlainBytes(await blobOf(Buffer.alloc(0)), async (url) => {
        // Whatever is asked of an empty file, it is answered as one: ffmpeg then says it holds no media.
        const empty = await fetch(url, { headers: { Range: 'bytes=0-99' } })
        expect(empty.status).toBe(200)
        expect(empty.headers.get('content-length')).toBe('0')
        expect((await empty.arrayBuffer()).byteLength).toBe(0)
      })
    } finally {
      await s.close()
    }
  })

  // The loan is for helpers on this machine: from the machine's own network address nothing answers.
  const outward = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address
  it.skipIf(!outward)('listens on the loopback only', async () => {
    const { s, blobOf } = await sealedWorkspace()
    try {
      const blob = await blobOf(randomBytes(1000))
      let fromOutside: unknown = 'not tried'
      await lendPlainBytes(blob, async (url) => {
        const u = new URL(url)
        expect((await fetch(url)).status).toBe(200)
        u.hostname = outward!
        fromOutside = await fetch(u).then(
          (r) => r.status,
          () => 'no answer',
        )
      })
      // Refused here; a host that drops packets to its own address gives a timeout instead: no answer either way.
      expect(fromOutside).toBe('no answer')
    } finally {
      await s.close()
    }
  })

  it('a blob gone while lent is answered 500 and fails the loan with the reason, not a result', async () => {
    const { s, blobOf } = await sealedWorkspace()
    try {
      const blob = await blobOf(randomBytes(1000))
      let status = 0
      const loan = lendPlainBytes(blob, async (url) => {
        await unlink(blob)
        status = (await fetch(url)).status
        return 'a result from nothing'
      })
      await expect(loan).rejects.toMatchObject({ code: 'ENOENT' })
      // Checked out here: inside the loan, the failure it reports takes the place of any error of ours.
      expect(status).toBe(500)
    } finally {
      await s.close()
    }
  })

  it('a lock in the middle of an answer cuts it short and fails the loan, whatever the helper made of it', async () => {
    const { s, blobOf } = await sealedWorkspace()
    let closed = false
    try {
      // Larger than the loopback's socket buffers: the answer cannot have left whole before the lock.
      const blob = await blobOf(randomBytes(64 * 1024 * 1024))
      let got = 0
      const loan = lendPlainBytes(blob, async (url) => {
        const reader = (await fetch(url)).body!.getReader()
        got += (await reader.read()).value!.length
        await s.close({ stopExaminations: true })
        closed = true
        try {
          for (let r = await reader.read(); !r.done; r = await reader.read()) got += r.value.length
        } catch {
          // cut short
        }
        return 'made from part of the file'
      })
      await expect(loan).rejects.toThrow('the workspace was locked')
      expect(got).toBeGreaterThan(0)
      expect(got).toBeLessThan(64 * 1024 * 1024)
    } finally {
      if (!closed) await s.close()
    }
  })
})
