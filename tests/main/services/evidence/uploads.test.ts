/**
 * Drag and drop at its edges: an upload is a temp file under blobs/ and a task until it is finished;
 * every way it can end early (a wrong chunk, too many bytes, too few, a failed write or commit, a
 * cancel, silence, the workspace closing) removes the temp file, frees the task id and stores nothing.
 */
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { BlobWriter } from '@main/services/evidence/blobStore'
import { openWorkspace, type Services } from '@main/services/index'
import { withFault } from '../../../helpers/faults'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64')

async function setup() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const { id: caseId } = await s.cases.create({ title: 'Uploads' })
  const temps = async () =>
    (await readdir(join(root, 'blobs')).catch(() => [])).filter((n) => n.startsWith('.incoming-'))
  const stored = async () => (await readdir(join(root, 'blobs')).catch(() => [])).filter((n) => !n.startsWith('.'))
  /** Nothing of the upload is left: no temp file, no blob, no item, and its task id is free again. */
  const nothingLeft = async (taskId: string) => {
    await vi.waitFor(async () => expect(await temps()).toEqual([]), { timeout: 10_000, interval: 20 })
    expect(await stored()).toEqual([])
    expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
    expect(s.tasks.cancel(taskId)).toBe(false)
  }
  return { root, s, caseId, temps, stored, nothingLeft }
}

async function closing<T>(s: Services, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } finally {
    await s.close()
  }
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('uploads', () => {
  it('names each upload by a random id, and one not in progress is told apart from one cancelled', async () => {
    const { s, caseId } = await setup()
    await closing(s, async () => {
      const a = await s.evidence.uploads.begin({ caseId, taskId: 'a', name: 'a.bin', size: 3 })
      const b = await s.evidence.uploads.begin({ caseId, taskId: 'b', name: 'b.bin', size: 3 })
      expect(a.uploadId).toMatch(/^up_[0-9a-f]{24}$/)
      expect(b.uploadId).not.toBe(a.uploadId)
      await expect(s.evidence.uploads.chunk('up_nothing', 0, b64('x'))).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'That upload is not in progress (it finished, was cancelled or expired).',
      })
      await expect(s.evidence.uploads.finish('up_nothing')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('refuses a chunk at the wrong offset by its byte, and keeps the upload', async () => {
    const { s, caseId } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })
      await s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
      await expect(s.evidence.uploads.chunk(uploadId, 2, b64('def'))).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'Expected the chunk at byte 3, got 2.',
      })
      expect(await s.evidence.uploads.chunk(uploadId, 3, b64('def'))).toEqual({ received: 6 })
      const item = await s.evidence.uploads.finish(uploadId)
      expect(item).toMatchObject({ title: 'a.bin', file: { size: 6, originalName: 'a.bin' } })
    })
  })

  it('takes one chunk at a time: a second sent before the first is written is refused', async () => {
    const { s, caseId } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })
      const first = s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
      await expect(s.evidence.uploads.chunk(uploadId, 3, b64('def'))).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'Send upload chunks one at a time, awaiting each.',
      })
      expect(await first).toEqual({ received: 3 })
      // Once written, the next is taken.
      expect(await s.evidence.uploads.chunk(uploadId, 3, b64('def'))).toEqual({ received: 6 })
    })
  })

  it('drops an upload sent more bytes than it announced, byte counts in the words', async () => {
    const { s, caseId, nothingLeft } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 4 })
      await s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
      await expect(s.evidence.uploads.chunk(uploadId, 3, b64('de'))).rejects.toMatchObject({
        code: 'VALIDATION',
        message: 'More bytes were sent than the 4 announced; the upload was dropped.',
      })
      await nothingLeft('t')
      await expect(s.evidence.uploads.chunk(uploadId, 3, b64('d'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('takes exactly the bytes announced, in one chunk', async () => {
    const { s, caseId } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 4 })
      expect(await s.evidence.uploads.chunk(uploadId, 0, b64('abcd'))).toEqual({ received: 4 })
      expect((await s.evidence.uploads.finish(uploadId)).file).toMatchObject({ size: 4 })
    })
  })

  it('drops an upload finished short, saying how many bytes of how many came', async () => {
    const { s, caseId, nothingLeft } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 10 })
      await s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
      await expect(s.evidence.uploads.finish(uploadId)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: 'Received 3 of 10 bytes; the upload was dropped.',
      })
      await nothingLeft('t')
    })
  })

  it('drops an upload whose write fails (a full disk): the next chunk reports the disk’s error, and nothing is kept', async () => {
    const { s, caseId, nothingLeft } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 9 })
      await withFault({ step: 'write', fault: 'ENOSPC', match: (p) => p.includes('.incoming-') }, async (inj) => {
        // The bytes are written behind the chunk's answer: the failure is the next chunk's.
        await s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
        await expect(s.evidence.uploads.chunk(uploadId, 3, b64('def'))).rejects.toMatchObject({ code: 'ENOSPC' })
        expect(inj.hits).toBe(1)
      })
      await nothingLeft('t')
      await expect(s.evidence.uploads.chunk(uploadId, 6, b64('ghi'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('drops an upload whose bytes cannot be made durable at the finish: no item, no temp file, the task id free', async () => {
    const { s, caseId, nothingLeft } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })
      await s.evidence.uploads.chunk(uploadId, 0, b64('abcdef'))
      await withFault({ step: 'sync', fault: 'EIO', match: (p) => p.includes('.incoming-') }, async (inj) => {
        await expect(s.evidence.uploads.finish(uploadId)).rejects.toMatchObject({ code: 'EIO' })
        expect(inj.hits).toBe(1)
      })
      await nothingLeft('t')
      await expect(s.evidence.uploads.finish(uploadId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('a cancel removes the temp file at once, before any further chunk, and frees the task id', async () => {
    const { s, caseId, temps, nothingLeft } = await setup()
    await closing(s, async () => {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })
      await s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
      expect(await temps()).toHaveLength(1)
      expect(s.tasks.cancel('t')).toBe(true)
      await nothingLeft('t')
      await expect(s.evidence.uploads.chunk(uploadId, 3, b64('def'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
      // The id is free for the next upload.
      const again = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'b.bin', size: 1 })
      await s.evidence.uploads.chunk(again.uploadId, 0, b64('z'))
      expect((await s.evidence.uploads.finish(again.uploadId)).title).toBe('b.bin')
    })
  })

  it('a cancel that comes while the upload is being set up is kept: its first chunk says cancelled', async () => {
    const { s, caseId, nothingLeft } = await setup()
    await closing(s, async () => {
      const create = BlobWriter.create.bind(BlobWriter)
      vi.spyOn(BlobWriter, 'create').mockImplementationOnce(async (...args) => {
        expect(s.tasks.cancel('t')).toBe(true)
        return create(...args)
      })
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })
      await expect(s.evidence.uploads.chunk(uploadId, 0, b64('abc'))).rejects.toMatchObject({
        code: 'CANCELLED',
        message: 'The upload was cancelled; nothing was stored.',
      })
      await nothingLeft('t')
      await expect(s.evidence.uploads.finish(uploadId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('a writer that cannot be made frees the task id it took', async () => {
    const { s, caseId } = await setup()
    await closing(s, async () => {
      await withFault({ step: 'open', fault: 'EACCES', match: (p) => p.includes('.incoming-') }, async () => {
        await expect(s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })).rejects.toBeTruthy()
      })
      expect(s.tasks.cancel('t')).toBe(false)
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 1 })
      await s.evidence.uploads.chunk(uploadId, 0, b64('a'))
      expect((await s.evidence.uploads.finish(uploadId)).file).toMatchObject({ size: 1 })
    })
  })

  it('refuses to begin in a case that does not exist or a workspace open read-only', async () => {
    const { root, s, caseId } = await setup()
    await s.close()
    const again = await openWorkspace(root)
    await closing(again, async () => {
      await expect(
        again.evidence.uploads.begin({ caseId: 'c_none', taskId: 't', name: 'a', size: 1 }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(again.tasks.cancel('t')).toBe(false)
    })
    const reader = await openWorkspace(root, { readOnly: true })
    await closing(reader, async () => {
      await expect(reader.evidence.uploads.begin({ caseId, taskId: 't', name: 'a', size: 1 })).rejects.toMatchObject({
        code: 'READ_ONLY',
      })
    })
  })

  it('an upload left silent for ten minutes is dropped; each chunk starts the ten minutes again', async () => {
    const { s, caseId, temps, nothingLeft } = await setup()
    await closing(s, async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: 't', name: 'a.bin', size: 6 })
      vi.advanceTimersByTime(9 * 60_000)
      await s.evidence.uploads.chunk(uploadId, 0, b64('abc'))
      vi.advanceTimersByTime(9 * 60_000)
      expect(await temps()).toHaveLength(1)
      expect(await s.evidence.uploads.chunk(uploadId, 3, b64('de'))).toEqual({ received: 5 })
      vi.advanceTimersByTime(10 * 60_000)
      vi.useRealTimers()
      await nothingLeft('t')
      await expect(s.evidence.uploads.chunk(uploadId, 5, b64('f'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('closing the workspace drops every unfinished upload', async () => {
    const { root, s, caseId, temps } = await setup()
    for (const t of ['a', 'b', 'c']) {
      const { uploadId } = await s.evidence.uploads.begin({ caseId, taskId: t, name: `${t}.bin`, size: 9 })
      await s.evidence.uploads.chunk(uploadId, 0, b64(randomBytes(3)))
    }
    expect(await temps()).toHaveLength(3)
    await s.close()
    expect(await readdir(join(root, 'blobs'))).toEqual([])
  })
})
