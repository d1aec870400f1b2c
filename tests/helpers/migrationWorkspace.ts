/** A populated plain workspace for the encryption-change tests, and what of it must survive a change. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openWorkspace } from '@main/services/index'
import { readBlobFile } from '@main/storage/crypto/blobFiles'
import type { useTempDirs } from './tmp'

/** A cheap scrypt cost: the tests change encryption dozens of times. */
export const FAST = { N: 2 ** 10, r: 8, p: 1 }
export const PASS = 'correct horse battery staple'

/** A plain workspace with two cases, a 200 KB blob, an annotation and audit entries. */
export async function populated(tempDir: ReturnType<typeof useTempDirs>): Promise<string> {
  const root = await tempDir()
  const src = join(await tempDir('casefile-src-'), 'door.bin')
  await writeFile(src, Buffer.alloc(200_000, 'door video '))
  const s = await openWorkspace(root)
  try {
    const a = await s.cases.create({ title: 'Consulate incident', summary: 'Agents at the door' })
    await s.cases.create({ title: 'Second case' })
    await s.cases.addEvent(a.id, { at: '2026-01-27T23:00:00.000Z', tz: 'America/Guayaquil', title: 'Door blocked' })
    const item = await s.evidence.importFile(a.id, src, { title: 'Door video' })
    await s.annotations.add(a.id, item.id, { target: { type: 'page', page: 1 }, text: 'Staff at the door' })
  } finally {
    await s.close()
  }
  return root
}

/** What must survive: every case whole, every blob's bytes, the audit chain. */
export async function contents(root: string, unlock = { passphrase: PASS }) {
  const s = await openWorkspace(root, { unlock })
  try {
    const cases = await Promise.all((await s.cases.list()).map((c) => s.cases.content(c.id)))
    const blobs: Record<string, string> = {}
    const notes: string[] = []
    for (const c of cases)
      for (const e of c.evidence ?? []) {
        if (e.file)
          blobs[e.file.sha256] = (await readBlobFile(await s.evidence.blobPath(e.file.sha256))).toString('base64')
        notes.push(...(await s.annotations.list(c.case.id, e.id)).map((x) => x.text))
      }
    const chain = await s.audit.verifyChain()
    return { cases, blobs, notes, audit: { ok: chain.ok, entries: chain.entries } }
  } finally {
    await s.close()
  }
}
