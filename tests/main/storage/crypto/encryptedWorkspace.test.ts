/**
 * An encrypted workspace driven through the services, on real temp folders: every
 * kind of record and file is written with a canary in it, then every byte under
 * the workspace and the temp folder is searched for the canary (plain, UTF-16LE,
 * base64): none may hold it. Then the services read it all back.
 */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serveBlobRequest } from '@main/http/blobResponse'
import { openWorkspace } from '@main/services/index'
import { readBlobFile } from '@main/storage/crypto/blobFiles'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { usePrivateTmpdir, useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
/** Low scrypt cost for tests only (the app's is N = 2^17). */
export const FAST = { N: 2 ** 10, r: 8, p: 1 }
const PASS = 'correct horse battery staple'

/** Every form the canary could be written in: UTF-8, UTF-16LE, and base64 at each of the three alignments. */
export function canaryForms(canary: string): Buffer[] {
  const utf8 = Buffer.from(canary, 'utf8')
  const forms = [utf8, Buffer.from(canary, 'utf16le')]
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad), utf8]).toString('base64')
    // Drop the characters that also encode the padding or the next bytes: the middle is fixed.
    forms.push(Buffer.from(b64.slice(pad ? 4 : 0, -4), 'ascii'))
  }
  return forms
}

/** Files under `dir` whose bytes hold any of the forms. */
export async function filesHolding(dir: string, forms: Buffer[]): Promise<string[]> {
  const hits: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue
    const path = join(e.parentPath, e.name)
    const bytes = await readFile(path).catch(() => null)
    if (bytes && forms.some((f) => bytes.includes(f))) hits.push(path)
  }
  return hits
}

const privateTmpdir = usePrivateTmpdir(tempDir)

describe('an encrypted workspace', () => {
  it('holds no plain case text anywhere, and reads it all back', async () => {
    const root = await tempDir()
    const outside = await tempDir('casefile-src-')
    const canary = `CANARY-${randomBytes(8).toString('hex')}`
    await encryptWorkspace(root, PASS, { cost: FAST })

    const src = join(outside, `${canary}.txt`)
    const blobText = `${canary} `.repeat(30_000) // about 0.7 MB: many segments
    await writeFile(src, blobText)
    let s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    let caseId: string, itemId: string, sha: string
    try {
      const c = await s.cases.create({ title: `Case ${canary}`, summary: canary })
      caseId = c.id
      await s.cases.addEvent(caseId, { at: '2026-01-05T10:00:00.000Z', tz: 'America/Chicago', title: canary })
      const item = await s.evidence.importFile(caseId, src, { title: `Video ${canary}` })
      itemId = item.id
      sha = item.file!.sha256
      await s.annotations.add(caseId, item.id, { target: { type: 'page', page: 1, quote: canary }, text: canary })
      await s.notes.add(caseId, {
        title: canary,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: canary }] }] },
      })
      await s.briefings.createFromTemplate(caseId, 'briefing memo', { title: `Memo ${canary}` })
      const st = await s.statutes.add({ instrument: `Convention ${canary}`, article: '31', text: canary })
      await s.statutes.link(caseId, st.id)
      await s.audit.append({ action: 'test.canary', target: canary, detail: { canary } })
      expect((await s.search.query({ query: canary.toLowerCase() })).total).toBeGreaterThan(0)
      await s.search.save()
    } finally {
      await s.close()
    }
    await rm(outside, { recursive: true, force: true })

    // Every kind of file was written: backups, the search cache, the audit log and its head, blobs.
    const written = (await readdir(root, { recursive: true })).map(String)
    for (const kind of ['backups/', 'cache/', 'audit.log.jsonl', 'audit.head.json', 'blobs/', 'statutes.json'])
      expect(
        written.some((f) => f.startsWith(kind)),
        kind,
      ).toBe(true)
    const forms = canaryForms(canary)
    expect(await filesHolding(root, forms)).toEqual([])
    expect(await filesHolding(privateTmpdir(), forms)).toEqual([])
    // The scan does find it where it is plain (the scan itself works).
    const control = join(privateTmpdir(), 'control')
    await mkdir(control)
    await writeFile(join(control, 'x'), Buffer.from(`..${canary}..`, 'utf16le'))
    expect(await filesHolding(control, forms)).toHaveLength(1)

    // Without the passphrase: refused, saying what to do. With it: everything is there.
    await expect(openWorkspace(root)).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/passphrase/),
    })
    await expect(openWorkspace(root, { unlock: { passphrase: 'not the passphrase' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      expect((await s.cases.getCase(caseId)).title).toBe(`Case ${canary}`)
      expect((await s.annotations.list(caseId, itemId))[0].text).toBe(canary)
      expect((await s.statutes.list({ caseId })).map((x) => x.text)).toEqual([canary])
      expect((await s.briefings.list(caseId)).map((b) => b.title)).toContain(`Memo ${canary}`)
      expect((await readBlobFile(await s.evidence.blobPath(sha))).toString()).toBe(blobText)
      const verified = await s.evidence.verify()
      expect(verified.problems).toEqual([])
      expect(verified.audit.ok).toBe(true)
      expect((await s.search.query({ query: canary.toLowerCase() })).total).toBeGreaterThan(0)
    } finally {
      await s.close()
    }
  })

  it('serves byte ranges of sealed evidence, and reports a changed blob or audit line without overwriting', async () => {
    const root = await tempDir()
    const outside = await tempDir('casefile-src-')
    await encryptWorkspace(root, PASS, { cost: FAST })
    const plain = Buffer.alloc(300_000)
    for (let i = 0; i < plain.length; i++) plain[i] = (i * 7) % 251
    await writeFile(join(outside, 'video.mp4'), plain)
    const s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      const c = await s.cases.create({ title: 'Case' })
      const item = await s.evidence.importFile(c.id, join(outside, 'video.mp4'), { title: 'Video' })
      const sha = item.file!.sha256
      expect(item.file!.size).toBe(plain.length)
      const res = await serveBlobRequest(
        (h) => s.evidence.blobPath(h),
        new Request(`casefile-blob://blob/${sha}`, { headers: { Range: 'bytes=65530-131080' } }),
      )
      expect(res.status).toBe(206)
      expect(res.headers.get('Content-Range')).toBe(`bytes 65530-131080/${plain.length}`)
      expect(Buffer.from(await res.arrayBuffer()).equals(plain.subarray(65530, 131081))).toBe(true)

      // A changed segment: verification reports the blob as altered, and the blob is left as it lies.
      const path = join(root, 'blobs', sha)
      const sealed = await readFile(path)
      const changed = Buffer.from(sealed)
      changed[changed.length - 100] ^= 1
      await chmod(path, 0o644)
      await writeFile(path, changed)
      const report = await s.evidence.verify()
      expect(report.problems.map((p) => p.status)).toEqual(['mismatch'])
      expect((await readFile(path)).equals(changed)).toBe(true)

      // A changed audit line: the chain reports the break; appends are refused, nothing is rewritten.
      const log = join(root, 'audit.log.jsonl')
      const lines = (await readFile(log, 'utf8')).split('\n')
      lines[0] = lines[0].slice(0, 20) + (lines[0][20] === 'A' ? 'B' : 'A') + lines[0].slice(21)
      await writeFile(log, lines.join('\n'))
      const chain = await s.audit.verifyChain()
      expect(chain.ok).toBe(false)
      await expect(s.audit.append({ action: 'x', target: 'y' })).rejects.toMatchObject({ code: 'CORRUPT' })
      expect(await readFile(log, 'utf8')).toBe(lines.join('\n'))
    } finally {
      await s.close()
    }
  })
})
