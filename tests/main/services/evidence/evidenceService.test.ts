import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, open, readdir, statfs, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Change } from '@main/services/changes'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { editCaseFileOnDisk } from '../../../helpers/storedFiles'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function setup() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const c = await s.cases.create({ title: 'Consulate incident' })
  const changes: Change[] = []
  s.ctx.changes.on((ch) => changes.push(ch))
  const src = join(await tempDir(), 'door.mp4')
  const bytes = randomBytes(1_500_000)
  await writeFile(src, bytes)
  return { root, s, caseId: c.id, src, bytes, changes }
}

describe('evidence service', () => {
  it('imports a file: blob, SHA-256, media type, custody and audit in step', async () => {
    const { root, s, caseId, src, changes } = await setup()
    try {
      const item = await s.evidence.importFile(caseId, src, { title: 'Door video' })
      const sha = execFileSync('sha256sum', [src], { encoding: 'utf8' }).split(' ')[0]
      expect(item).toMatchObject({
        kind: 'video',
        title: 'Door video',
        file: { sha256: sha, size: 1_500_000, mediaType: 'video/mp4', originalName: 'door.mp4' },
      })
      expect(item.custody.map((c) => c.action)).toEqual(['imported', 'hashed'])
      expect(item.custody.every((c) => c.sha256 === sha && c.actor === 'local user')).toBe(true)
      const audit = await s.audit.list({ target: `evidence:${caseId}/${item.id}` })
      expect(audit.map((a) => a.action)).toEqual(['imported', 'hashed'])
      expect(audit[0].detail).toMatchObject({ sha256: sha, size: 1_500_000, originalName: 'door.mp4' })
      expect(await readdir(join(root, 'blobs'))).toEqual([sha])
      expect((await s.caseDetail.get(caseId)).evidence[0].file?.sha256).toBe(sha)
      expect(changes).toContainEqual({ kind: 'evidence', op: 'upsert', caseId, id: item.id })
      expect(await s.evidence.blobUrl(caseId, item.id)).toEqual({
        url: `casefile-blob://blob/${sha}?type=video%2Fmp4`,
        mediaType: 'video/mp4',
        size: 1_500_000,
      })
    } finally {
      await s.close()
    }
  })

  it('adds a URL-only reference and records status changes old -> new with reasoning', async () => {
    const { s, caseId } = await setup()
    try {
      const item = await s.evidence.add(caseId, {
        kind: 'social post',
        title: 'Post',
        sourceUrl: 'https://example.org/p/1',
      })
      expect(item.custody).toMatchObject([
        { action: 'referenced', detail: expect.stringContaining('https://example.org/p/1') },
      ])
      const next = await s.evidence.update(caseId, item.id, {
        verification: {
          status: 'partially verified',
          reasoning: 'Geolocated to the door.',
          technical: { status: 'verified' },
        },
        sourceReliability: 'B',
        tags: ['door'],
        publishedAt: '2026-01-27T18:00:00.000Z',
      })
      expect(next.verification).toMatchObject({
        status: 'partially verified',
        reasoning: 'Geolocated to the door.',
        technical: { status: 'verified', reasoning: '' },
      })
      expect(next.custody.map((c) => c.action)).toEqual(['referenced', 'status changed', 'edited'])
      expect(next.custody[1].detail).toMatch(
        /overall: unverified -> partially verified; technical: unverified -> verified\. Reasoning: Geolocated/,
      )
      expect(next.custody[2].detail).toMatch(/publishedAt.*sourceReliability.*tags|sourceReliability/)
      const audit = await s.audit.list({ target: `evidence:${caseId}/${item.id}` })
      expect(audit.map((a) => a.action)).toEqual(['referenced', 'status changed', 'edited'])
      expect(audit[1].detail).toMatchObject({ from: 'unverified', to: 'partially verified' })
      // A check's reasoning alone keeps its status; untouched fields stay.
      const reasoned = await s.evidence.update(caseId, item.id, {
        verification: { technical: { reasoning: 'Metadata intact' } },
      })
      expect(reasoned.verification.technical).toEqual({ status: 'verified', reasoning: 'Metadata intact' })
      expect(reasoned.tags).toEqual(['door'])
      expect(reasoned.custody.at(-1)).toMatchObject({ action: 'edited', detail: 'Changed verification reasoning.' })
      // null clears an optional field
      const cleared = await s.evidence.update(caseId, item.id, { publishedAt: null, sourceReliability: null })
      expect(cleared.publishedAt).toBeUndefined()
      expect(cleared.sourceReliability).toBeUndefined()
      await expect(s.evidence.update(caseId, item.id, { title: '' })).rejects.toThrow()
      expect((await s.evidence.get(caseId, item.id)).title).toBe('Post') // a refused edit changes nothing
      await expect(s.evidence.update(caseId, 'nope', { title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
    } finally {
      await s.close()
    }
  })

  it('verify names a flipped byte, a missing blob, and records hash verified / hash mismatch', async () => {
    const { root, s, caseId, src } = await setup()
    try {
      const good = await s.evidence.importFile(caseId, src, { title: 'Good' })
      const otherSrc = join(await tempDir(), 'photo.jpg')
      await writeFile(otherSrc, randomBytes(100_000))
      const bad = await s.evidence.importFile(caseId, otherSrc, { title: 'Tampered photo' })
      const gone = await s.evidence.importFile(caseId, await writeTemp('memo.pdf', randomBytes(1000)), {
        title: 'Gone',
      })

      const first = await s.evidence.verify({ caseId })
      expect(first).toMatchObject({ ok: true, checked: 3, problems: [], custodyGaps: [] })

      // Flip one byte of the stored photo (it is read-only: make it writable first, as an attacker would).
      const blob = join(root, 'blobs', bad.file!.sha256)
      await chmod(blob, 0o644)
      const fh = await open(blob, 'r+')
      const b = Buffer.alloc(1)
      await fh.read(b, 0, 1, 5000)
      b[0] ^= 0x01
      await fh.write(b, 0, 1, 5000)
      await fh.close()
      await unlink(join(root, 'blobs', gone.file!.sha256))

      const report = await s.evidence.verify()
      expect(report.ok).toBe(false)
      expect(report.checked).toBe(3)
      const actual = execFileSync('sha256sum', [blob], { encoding: 'utf8' }).split(' ')[0]
      expect(report.problems).toEqual([
        { caseId, evidenceId: bad.id, title: 'Tampered photo', status: 'mismatch', expected: bad.file!.sha256, actual },
        { caseId, evidenceId: gone.id, title: 'Gone', status: 'missing', expected: gone.file!.sha256 },
      ])
      expect(report.items.find((i) => i.evidenceId === good.id)?.status).toBe('ok')
      const after = await s.evidence.get(caseId, bad.id)
      expect(after.custody.map((c) => c.action)).toEqual(['imported', 'hashed', 'hash verified', 'hash mismatch'])
      expect((await s.evidence.get(caseId, good.id)).custody.at(-1)?.action).toBe('hash verified')
      const audit = await s.audit.list({ target: `evidence:${caseId}/${bad.id}` })
      expect(audit.at(-1)).toMatchObject({
        action: 'hash mismatch',
        detail: { status: 'mismatch', expected: bad.file!.sha256, actual },
      })
      expect(report.audit).toMatchObject({ ok: true })
    } finally {
      await s.close()
    }
  })

  it('verify names a custody entry that never reached the audit log', async () => {
    const { root, s: first, caseId, src } = await setup()
    const item = await first.evidence.importFile(caseId, src, { title: 'Door video' })
    await first.close()
    // What a stop between the case write and the audit append leaves behind.
    await editCaseFileOnDisk(root, caseId, (file) => {
      file.evidence[0].custody.push({ ...item.custody[0], at: '2026-02-01T10:00:00.000Z', action: 'exported' })
    })
    const s = await openWorkspace(root, { newId: sequentialIds() })
    try {
      const report = await s.evidence.verify({ caseId })
      expect(report).toMatchObject({ ok: false, problems: [], audit: { ok: true } })
      expect(report.custodyGaps).toEqual([
        {
          caseId,
          evidenceId: item.id,
          title: 'Door video',
          action: 'exported',
          at: '2026-02-01T10:00:00.000Z',
          sha256: item.file!.sha256,
        },
      ])
    } finally {
      await s.close()
    }
  })

  it('uploads a dropped file in chunks through the same writer, and cancel drops it', async () => {
    const { root, s, caseId, bytes, src } = await setup()
    try {
      const progress: number[] = []
      const { uploadId } = await s.evidence.uploads.begin({
        caseId,
        taskId: 't1',
        name: 'drop.webm',
        size: bytes.length,
        onProgress: (d) => progress.push(d),
      })
      let off = 0
      await expect(s.evidence.uploads.chunk(uploadId, 7, 'AAAA')).rejects.toMatchObject({ code: 'CONFLICT' })
      while (off < bytes.length) {
        const part = bytes.subarray(off, off + 400_000)
        expect((await s.evidence.uploads.chunk(uploadId, off, part.toString('base64'))).received).toBe(
          off + part.length,
        )
        off += part.length
      }
      const item = await s.evidence.uploads.finish(uploadId)
      expect(item.file).toMatchObject({
        sha256: execFileSync('sha256sum', [src], { encoding: 'utf8' }).split(' ')[0],
        mediaType: 'video/webm',
        originalName: 'drop.webm',
      })
      expect(item.kind).toBe('video')
      expect(progress.at(-1)).toBe(bytes.length)

      const second = await s.evidence.uploads.begin({ caseId, taskId: 't2', name: 'x.bin', size: 10 })
      await s.evidence.uploads.chunk(second.uploadId, 0, Buffer.from('12345').toString('base64'))
      expect(s.tasks.cancel('t2')).toBe(true)
      await expect(s.evidence.uploads.chunk(second.uploadId, 5, 'AAAA')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      // The temp file goes without waiting for another chunk.
      await vi.waitFor(async () => expect(await readdir(join(root, 'blobs'))).toEqual([item.file!.sha256]), {
        timeout: 10_000,
        interval: 20,
      })

      const short = await s.evidence.uploads.begin({ caseId, taskId: 't3', name: 'y.bin', size: 10 })
      await expect(s.evidence.uploads.finish(short.uploadId)).rejects.toMatchObject({ code: 'VALIDATION' })
      expect(await readdir(join(root, 'blobs'))).toEqual([item.file!.sha256])
    } finally {
      await s.close()
    }
  })

  it('refuses a file larger than the free disk space before copying a byte', async () => {
    const { root, s, caseId } = await setup()
    try {
      const { bavail, bsize } = await statfs(root)
      // A sparse file: it claims more than the disk has, without taking the space.
      const huge = join(await tempDir(), 'huge.mov')
      const fh = await open(huge, 'w')
      await fh.truncate(bavail * bsize + 2 ** 30)
      await fh.close()
      await expect(s.evidence.importFile(caseId, huge)).rejects.toMatchObject({
        code: 'IO',
        message: expect.stringMatching(/^Not enough free disk space for "huge\.mov": it needs [\d.]+ GB/),
      })
      await expect(
        s.evidence.uploads.begin({ caseId, taskId: 't9', name: 'drop.mov', size: bavail * bsize }),
      ).rejects.toMatchObject({ code: 'IO' })
      // Nothing was started: no temp file, no task left holding the id.
      expect(await readdir(join(root, 'blobs')).catch(() => [])).toEqual([])
      expect(s.tasks.cancel('t9')).toBe(false)
      expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('records exports and removes an item with its annotations (the blob stays)', async () => {
    const { root, s, caseId, src, changes } = await setup()
    try {
      const item = await s.evidence.importFile(caseId, src)
      await s.evidence.recordExported(caseId, [item.id], {
        format: 'PDF memo',
        file: '/x/memo.pdf',
        sha256: 'a'.repeat(64),
      })
      expect((await s.evidence.get(caseId, item.id)).custody.at(-1)).toMatchObject({
        action: 'exported',
        sha256: item.file!.sha256,
      })
      await s.annotations.add(caseId, item.id, { target: { type: 'time', start: 1, end: 2 } })
      await s.evidence.remove(caseId, item.id)
      expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
      expect(await readdir(join(root, 'cases', caseId, 'annotations'))).toEqual([])
      expect(await readdir(join(root, 'blobs'))).toEqual([item.file!.sha256])
      expect((await s.audit.list()).at(-1)).toMatchObject({
        action: 'removed',
        target: `evidence:${caseId}/${item.id}`,
      })
      expect(changes).toContainEqual({ kind: 'evidence', op: 'remove', caseId, id: item.id })
      expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
    } finally {
      await s.close()
    }
  })
  it('closing the workspace drops unfinished uploads (no temp file left) and refuses later writes', async () => {
    const root = await tempDir()
    const s = await openWorkspace(root, { newId: sequentialIds() })
    const { id: caseId } = await s.cases.create({ title: 'Consulate incident' })
    const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 'drop', name: 'clip.webm', size: 10 })
    await s.evidence.uploads.chunk(uploadId, 0, Buffer.from('12345').toString('base64'))
    expect((await readdir(join(root, 'blobs'))).filter((n) => n.startsWith('.incoming-'))).toHaveLength(1)
    await s.close()
    expect(await readdir(join(root, 'blobs'))).toEqual([])
    // The lock is gone: a late write (an import finishing, an autosave) must not land unlocked.
    await expect(s.cases.update(caseId, { title: 'late' })).rejects.toMatchObject({ code: 'READ_ONLY' })
  })
})

async function writeTemp(name: string, bytes: Buffer) {
  const p = join(await tempDir(), name)
  await writeFile(p, bytes)
  return p
}
