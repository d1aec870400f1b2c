import { request } from 'node:http'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { lendPlainBytes } from '@main/services/evidence/plainLoopback'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'
function get(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: any }> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method, headers }, (res) => {
      let b = ''
      res.on('data', (c) => (b += c))
      res.on('end', () => resolve({ status: res.statusCode!, body: b, headers: res.headers }))
    })
    r.on('error', reject)
    r.end()
  })
}
describe('review: loopback', () => {
  it('serves only the blob and closes', async () => {
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    await writeFile(join(media, 'a.txt'), 'hello secret world')
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS }, analysis: false })
    let saved = ''
    try {
      const c = await s.cases.create({ title: 'x' })
      const it1 = await s.evidence.importFile(c.id, join(media, 'a.txt'))
      const p = await s.evidence.blobPath(it1.file!.sha256)
      await lendPlainBytes(p, async (url) => {
        saved = url
        const u = new URL(url)
        const out: any = {}
        out.ok = await get(url)
        out.range = await get(url, 'GET', { range: 'bytes=6-11' })
        out.suffix = await get(url, 'GET', { range: 'bytes=-5' })
        out.head = await get(url, 'HEAD')
        out.post = await get(url, 'POST')
        out.q = await get(url + '?x=1')
        out.other = await get(`${u.origin}/`)
        out.dots = await get(`${u.origin}/x/..${u.pathname}`)
        out.bad = await get(url, 'GET', { range: 'bytes=100-' })
        for (const [k, v] of Object.entries(out)) console.log(k, (v as any).status, JSON.stringify((v as any).body))
      })
      let after: unknown
      try { after = await get(saved) } catch (e) { after = String(e) }
      console.log('AFTER', after)
      // use throws
      let port = ''
      await lendPlainBytes(p, async (url) => { port = url; throw new Error('boom') }).catch((e) => console.log('thrown', String(e)))
      try { after = await get(port) } catch (e) { after = String(e) }
      console.log('AFTER THROW', after)
    } finally { await s.close() }
  })
})
