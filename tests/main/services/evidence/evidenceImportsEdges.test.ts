/**
 * Imports to the word: what a file or a stream of bytes becomes (kind, title, media
 * type, details, derivation, custody and its twins), which file the examination reads
 * (the source while it is unchanged, else the stored blob), when (now, or after the
 * import returns), cancelling, and the blob store's own doors.
 *
 * The reader is a stand-in ffprobe: it says in the make tag whether it was handed the
 * source or the stored blob, and logs each call, so every test sees which file was read.
 */
import { createHash } from 'node:crypto'
import { appendFileSync, unlinkSync, utimesSync } from 'node:fs'
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EvidenceItem } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace, type OpenOptions } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const opened: Awaited<ReturnType<typeof openWorkspace>>[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})
const NOW = '2026-02-01T10:00:00.000Z'
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

const probe = (dir: string) => `#!/bin/sh
for a; do input="$a"; done
case "$input" in */blobs/*) from=blob;; *) from=source;; esac
echo "$from" >> "${dir}/reads"
while [ -e "${dir}/hold" ]; do sleep 0.01; done
printf '{"format":{"format_name":"mov","tags":{"make":"%s","creation_time":"2026-01-27T17:00:00Z"}},"streams":[{"codec_type":"audio","codec_name":"aac"}]}' "$from"
`

async function setup(options: OpenOptions = {}) {
  const tools = await tempDir('casefile-tools-')
  await writeFile(join(tools, 'ffprobe'), probe(tools), { mode: 0o755 })
  const root = await tempDir()
  const s = await openWorkspace(root, {
    newId: sequentialIds(),
    now: () => new Date(NOW),
    analysis: { tools: { ffprobe: { path: join(tools, 'ffprobe'), label: 'probe' }, ffmpeg: null } },
    ...options,
  })
  opened.push(s)
  const { id: caseId } = await s.cases.create({ title: 'Calls' })
  const files = await tempDir()
  const file = async (name: string, text = 'not really sound') => {
    await writeFile(join(files, name), text)
    return join(files, name)
  }
  const reads = async () => (await readFile(join(tools, 'reads'), 'utf8').catch(() => '')).split('\n').filter(Boolean)
  const hold = () => writeFile(join(tools, 'hold'), '')
  const release = () => unlinkSync(join(tools, 'hold'))
  const leftovers = async () => (await readdir(join(root, 'blobs')).catch(() => [])).filter((n) => n.startsWith('.'))
  return { root, s, caseId, file, reads, hold, release, leftovers }
}

/** Which file the examination kept read: 'source', 'blob', or none. */
const readFrom = (item: EvidenceItem) => item.analysis?.metadata.facts.find((f) => f.name === 'make')?.value
/** Calls `fn` at the copy's last progress report, made once the blob is stored (the first comes mid-copy). */
function afterCopy(fn: () => void) {
  let ends = 0
  return (done: number, total: number) => {
    if (done === total && ++ends === 2) fn()
  }
}
const custody = (action: string, detail: string, sha256: string) => ({
  at: NOW,
  actor: 'local user',
  action,
  sha256,
  detail,
})

describe('what an import records', () => {
  it('examines a small file from its source as it is copied, and records it with the import', async () => {
    const { s, caseId, file, reads } = await setup()
    const progress: number[][] = []
    const item = await s.evidence.importFile(caseId, await file('call.m4a'), {
      onProgress: (done, total) => progress.push([done, total]),
    })
    const hash = sha('not really sound')
    expect(item).toMatchObject({
      id: 'ev_0001',
      kind: 'audio',
      title: 'call.m4a',
      file: { sha256: hash, size: 16, mediaType: 'audio/mp4', originalName: 'call.m4a' },
    })
    expect(item.custody).toEqual([
      custody('imported', 'Imported "call.m4a" (16 bytes).', hash),
      custody('hashed', 'SHA-256 computed while copying into the blob store.', hash),
    ])
    expect(progress.at(-1)).toEqual([16, 16])
    expect([readFrom(item), await reads(), s.evidence.examiningLater(caseId, item.id)]).toEqual([
      'source',
      ['source'],
      false,
    ])
    expect(item.verification.technical.reasoning).toMatch(
      /^\[Casefile examination .*metadata: 2 descriptive facts \(probe\)/,
    )
    const audit = await s.audit.list({ target: `evidence:${caseId}/${item.id}` })
    expect(audit[0].detail).toMatchObject({
      size: 16,
      originalName: 'call.m4a',
      mediaType: 'audio/mp4',
      examined: {
        metadata: 'found',
        facts: 4,
        readers: ['probe'],
        c2pa: 'absent',
        fingerprint: 'none',
        warnings: [],
      },
    })
    const again = await s.evidence.importFile(caseId, await file('copy.m4a'), { analyse: false })
    expect(again.custody[0].detail).toBe('Imported "copy.m4a" (16 bytes); identical bytes were already stored.')
    expect([again.analysis, await reads()]).toEqual([undefined, ['source']])
  })

  it('takes the id, title, kind, details and derivation given; the claims weigh the examination', async () => {
    const { s, caseId } = await setup()
    const event = await s.cases.addEvent(caseId, { at: '2026-01-20T10:00:00.000Z', tz: 'UTC', title: 'Call' })
    const from = { evidenceId: 'ev_source', sha256: 'e'.repeat(64), kind: 'still' as const, at: 1.5 }
    const still = await s.evidence.importBytes(caseId, [Buffer.from('abc'), Buffer.from('def')], 'still.bin', {
      id: 'ev_still',
      title: '  Still  ',
      kind: 'testimony',
      mediaType: 'audio/mp4',
      details: { description: 'Frame', eventIds: [event.id] },
      derivation: { from, detail: 'Still at 1.5 s.' },
    })
    expect(still).toMatchObject({
      id: 'ev_still',
      title: 'Still',
      kind: 'testimony',
      description: 'Frame',
      eventIds: [event.id],
      derivedFrom: from,
      file: { sha256: sha('abcdef'), size: 6, mediaType: 'audio/mp4', originalName: 'still.bin' },
    })
    expect(still.custody.map((c) => [c.action, c.detail])).toEqual([
      ['derived', 'Still at 1.5 s.'],
      ['hashed', 'SHA-256 computed while copying into the blob store.'],
    ])
    expect(still.analysis?.warnings.map((w) => [w.code, w.claim?.eventId])).toEqual([
      ['capture-time-differs', event.id],
    ])
    const [twin] = await s.audit.list({ target: `evidence:${caseId}/ev_still` })
    expect(twin.detail).toMatchObject({ derivedFrom: from, note: 'Still at 1.5 s.' })
    // A blank title is the file's name; an event date is a claim too.
    const dated = await s.evidence.importBytes(caseId, [Buffer.from('xyz')], 'dated.m4a', {
      title: '   ',
      details: { eventDate: '2026-01-20T10:00:00.000Z' },
    })
    expect(dated.title).toBe('dated.m4a')
    expect(dated.analysis?.warnings.map((w) => [w.code, w.claim?.source])).toEqual([
      ['capture-time-differs', 'event date'],
    ])
  })

  it('keeps a well-formed media type given over the name, never octet-stream or a malformed one', async () => {
    const { s, caseId, file } = await setup()
    const named = await s.evidence.importFile(caseId, await file('memo.bin', 'one'), { mediaType: 'audio/mp4' })
    expect([named.file?.mediaType, named.kind, readFrom(named)]).toEqual(['audio/mp4', 'audio', 'source'])
    const odd = await s.evidence.importFile(caseId, await file('call.m4a', 'two'), { mediaType: 'Not/A Type' })
    expect([odd.file?.mediaType, readFrom(odd)]).toEqual(['audio/mp4', 'source'])
    const octet = await s.evidence.importBytes(caseId, [Buffer.from('%')], 'memo.pdf', {
      mediaType: 'application/octet-stream',
      analyse: false,
    })
    expect([octet.file?.mediaType, octet.kind]).toEqual(['application/pdf', 'document'])
  })
})

describe('examined now, or after the import returns', () => {
  it('examines up to examineInlineUpTo bytes now, a byte more after; waits when asked', async () => {
    const { s, caseId, file, hold, release } = await setup({ examineInlineUpTo: 16 })
    const at16 = await s.evidence.importFile(caseId, await file('a.m4a', 'x'.repeat(16)))
    const bytes16 = await s.evidence.importBytes(caseId, [Buffer.from('y'.repeat(16))], 'b.m4a')
    expect([readFrom(at16), readFrom(bytes16)]).toEqual(['source', 'blob'])
    expect([s.evidence.examiningLater(caseId, at16.id), s.evidence.examiningLater(caseId, bytes16.id)]).toEqual([
      false,
      false,
    ])

    // Held, the examinations after the import cannot end before they are looked at.
    await hold()
    const big = await s.evidence.importFile(caseId, await file('c.m4a', 'x'.repeat(17)))
    const bigBytes = await s.evidence.importBytes(caseId, [Buffer.from('y'.repeat(17))], 'd.m4a')
    expect([big.analysis, bigBytes.analysis]).toEqual([undefined, undefined])
    expect([s.evidence.examiningLater(caseId, big.id), s.evidence.examiningLater(caseId, bigBytes.id)]).toEqual([
      true,
      true,
    ])
    release()
    await s.evidence.examinationsSettled()
    // After the import the source is read while unchanged; bytes that came as a stream have only the blob.
    expect(readFrom(await s.evidence.get(caseId, big.id))).toBe('source')
    expect(readFrom(await s.evidence.get(caseId, bigBytes.id))).toBe('blob')
    expect((await s.audit.list({ target: `evidence:${caseId}/${big.id}` })).map((a) => a.action)).toEqual([
      'imported',
      'hashed',
      'examined',
    ])
    const waited = await s.evidence.importFile(caseId, await file('e.m4a', 'z'.repeat(17)), {
      awaitExamination: true,
    })
    expect(readFrom(waited)).toBe('source')
  })

  it('examines nothing in a workspace without readers, nor when the import says not to', async () => {
    for (const [options, opts] of [
      [{ analysis: false }, {}],
      [{}, { analyse: false }],
    ] as const) {
      const { s, caseId, file, reads } = await setup({ examineInlineUpTo: 0, ...options })
      const items = [
        await s.evidence.importFile(caseId, await file('a.m4a'), opts),
        await s.evidence.importBytes(caseId, [Buffer.from('b')], 'b.m4a', opts),
      ]
      for (const item of items)
        expect([item.analysis, s.evidence.examiningLater(caseId, item.id)]).toEqual([undefined, false])
      await s.evidence.examinationsSettled()
      expect(await reads()).toEqual([])
      await expect(s.evidence.importFile(caseId, '/nonexistent/x.m4a', opts)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Cannot read /nonexistent/x.m4a: no such file.',
      })
    }
  })
})

describe('the source stands for the blob only while unchanged', () => {
  it('reads the blob when the source was touched, grew or went once copied', async () => {
    const { s, caseId, file } = await setup()
    const touched = await file('touched.m4a', 'touched')
    const grown = await file('grown.m4a', 'grown')
    const gone = await file('gone.m4a', 'gone')
    // Whole seconds: the time is set back exactly after the file grew.
    await utimes(grown, 1_700_000_000, 1_700_000_000)
    const changes: [string, () => void][] = [
      [touched, () => utimesSync(touched, 1_600_000_000, 1_600_000_000)],
      [grown, () => (appendFileSync(grown, '!'), utimesSync(grown, 1_700_000_000, 1_700_000_000))],
      [gone, () => unlinkSync(gone)],
    ]
    for (const [path, change] of changes) {
      const item = await s.evidence.importFile(caseId, path, { onProgress: afterCopy(change) })
      expect([path, readFrom(item)]).toEqual([path, 'blob'])
    }
  })

  it('keeps the reason of an examination that broke as it read the source; the import stands', async () => {
    const broken = {
      ffmpeg: null,
      get ffprobe(): never {
        throw new Error('the readers broke')
      },
    }
    const { s, caseId, file } = await setup({ analysis: { tools: broken } })
    const item = await s.evidence.importFile(caseId, await file('call.m4a'))
    expect(item.analysis).toMatchObject({
      sha256: item.file?.sha256,
      metadata: { status: 'unreadable', reason: 'No metadata found: the examination failed (the readers broke).' },
      c2pa: { status: 'error', reason: 'not examined' },
      fingerprint: { status: 'skipped', reason: 'not examined' },
    })
  })
})

describe('cancel', () => {
  it('stops an import before the copy, and its examination after it; nothing is added, no byte is kept', async () => {
    const { root, s, caseId, file, hold, release, leftovers } = await setup()
    const path = await file('call.m4a')
    await expect(s.evidence.importFile(caseId, path, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'The import was cancelled; nothing was stored.',
    })
    // The stand-in reader waits until released: only the cancel can end its examination first.
    await hold()
    const stop = new AbortController()
    const cancelled = s.evidence.importFile(caseId, path, {
      signal: stop.signal,
      onProgress: afterCopy(() => (stop.abort(), release())),
    })
    // The copy was done and placed: it is taken back, so the message can say nothing was stored.
    await expect(cancelled).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'The import was cancelled; nothing was stored.',
    })
    expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
    expect(await leftovers()).toEqual([])
    expect(await readdir(join(root, 'blobs'))).toEqual([])
  })

  it('keeps the blob a cancelled import placed when another import of the same bytes came to use it', async () => {
    const { root, s, caseId, file, hold, release } = await setup()
    const path = await file('call.m4a')
    const copy = await file('copy of call.m4a')
    await hold()
    const stop = new AbortController()
    let second: Promise<EvidenceItem> | undefined
    const cancelled = s.evidence.importFile(caseId, path, {
      signal: stop.signal,
      onProgress: afterCopy(() => {
        // The same bytes imported again while the first one's examination waits: they are found stored.
        second = s.evidence.importFile(caseId, copy, { analyse: false })
        void second.then(() => (stop.abort(), release()))
      }),
    })
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' })
    const kept = await second!
    expect((await s.caseDetail.get(caseId)).evidence.map((e) => e.id)).toEqual([kept.id])
    expect(await readdir(join(root, 'blobs'))).toEqual([kept.file!.sha256])
    expect((await s.evidence.verify()).ok).toBe(true)
  })

  it('stops bytes arriving as a stream, leaving no temp file; whole streams are stored as sent', async () => {
    const { s, caseId, leftovers } = await setup({ analysis: false })
    const refused = { code: 'CANCELLED', message: 'The import was cancelled; nothing was stored.' }
    await expect(
      s.evidence.importBytes(caseId, [Buffer.from('a')], 'a.bin', { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject(refused)
    const stop = new AbortController()
    async function* halfway() {
      yield Buffer.from('first')
      stop.abort()
      yield Buffer.from('second')
    }
    await expect(s.evidence.importBytes(caseId, halfway(), 'b.bin', { signal: stop.signal })).rejects.toMatchObject(
      refused,
    )
    expect(await leftovers()).toEqual([])
    expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
    const whole = await s.evidence.importBytes(caseId, [Buffer.from('first'), Buffer.from('second')], 'c.bin')
    expect(whole.file).toEqual({
      sha256: sha('firstsecond'),
      size: 11,
      mediaType: 'application/octet-stream',
      originalName: 'c.bin',
    })
  })
})

describe('the blob store beyond imports', () => {
  it('stores, stages, places and discards blobs of this workspace only', async () => {
    const { root, s, file } = await setup({ analysis: false })
    const other = await setup({ analysis: false })
    const stored = await s.evidence.storeBlob(await file('logo.png', 'logo'))
    expect(stored).toEqual({ sha256: sha('logo'), size: 4, existed: false })
    expect(await s.evidence.blobPath(stored.sha256)).toBe(join(root, 'blobs', stored.sha256))
    expect([await s.evidence.hasBlob(stored.sha256), await s.evidence.hasBlob(sha('none'))]).toEqual([true, false])
    // Only a file under the name counts.
    await mkdir(join(root, 'blobs', sha('folder')))
    expect(await s.evidence.hasBlob(sha('folder'))).toBe(false)

    const staging = join(root, 'staging')
    const stage = async (at: typeof s, dir: string, text: string) => {
      const writer = await at.evidence.stageBlob(dir, text.length)
      await writer.write(Buffer.from(text))
      return writer.seal()
    }
    const sealed = await stage(s, staging, 'staged')
    expect(sealed.tempPath.startsWith(join(staging, '.incoming-'))).toBe(true)
    expect(await s.evidence.placeBlob(sealed)).toEqual({ sha256: sha('staged'), size: 6, existed: false })
    expect(await s.evidence.hasBlob(sha('staged'))).toBe(true)

    const foreign = await stage(other.s, join(other.root, 'staging'), 'foreign')
    await expect(s.evidence.placeBlob(foreign)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'That blob was staged for another workspace.',
    })
    await s.evidence.discardBlob(foreign)
    expect(await readdir(join(other.root, 'staging'))).toEqual([])
    await expect(s.evidence.stageBlob(await tempDir())).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
