/**
 * Writes a case as a .casefile bundle, streaming: record files are made one at
 * a time when the zip writer reaches them, blobs are read from the blob store in
 * large chunks and checked against their SHA-256 on the way (a damaged blob stops
 * the export rather than travel), and the manifest, written last, lists what was
 * actually written. Memory stays bounded by the largest record file.
 */
import { appError } from '@shared/i18n/appError'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  citationsIn,
  CURRENT_SCHEMA_VERSION,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  type AuditEntry,
  type BundleEntry,
  type BundleEntryKind,
  type BundleExportResult,
  type BundleManifest,
  type LeftOutItem,
} from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { fsyncDir } from '@main/storage/durableWrite'
import { nowIso, type ServiceContext } from '../context'
import type { ProgressReport } from '../tasks'
import type { BundlesDeps } from './deps'
import type { Keyring } from './keys'
import { READ_CHUNK } from './zipReader'
import { prepareOutput } from '../outputs'
import { openBlobFile } from '@main/storage/crypto/blobFiles'

export interface ExportOptions {
  /** A case id or its reference. */
  caseId: string
  outPath: string
  /** Evidence item ids to leave out; the manifest says which. */
  leaveOut?: readonly string[]
  signal?: AbortSignal
  onProgress?: ProgressReport
}

/** Calls `fn` at most every `ms`, and always when `flush` is called. */
export function throttled(fn: ((done: number, total: number) => void) | undefined, ms = 100) {
  let last = 0
  return {
    report(done: number, total: number) {
      const t = Date.now()
      if (fn && t - last >= ms) {
        last = t
        fn(done, total)
      }
    },
    flush: (done: number, total: number) => fn?.(done, total),
  }
}

/** Passes bytes through, hashing and counting them; at the end checks them against what they should be. */
class Checked extends Transform {
  private readonly hash = createHash('sha256')
  bytes = 0
  constructor(
    private readonly expect: { sha256?: string; size?: number; title?: string; path?: string },
    private readonly onBytes?: (n: number) => void,
  ) {
    super({ highWaterMark: READ_CHUNK })
  }
  sha256 = ''
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.hash.update(chunk)
    this.bytes += chunk.length
    this.onBytes?.(chunk.length)
    cb(null, chunk)
  }
  override _flush(cb: TransformCallback) {
    this.sha256 = this.hash.digest('hex')
    const { sha256, size, title, path } = this.expect
    if ((sha256 && sha256 !== this.sha256) || (size !== undefined && size !== this.bytes))
      return cb(
        appError('CORRUPT', 'errMedia:doesMatchRecordedSha', {
          what: title === undefined ? 'bundle' : 'file',
          title: title ?? '',
          path: path ?? '',
          bytes: this.bytes,
          sha256: this.sha256,
        }),
      )
    cb()
  }
}

export function createExporter(ctx: ServiceContext, deps: BundlesDeps, keyring: Keyring) {
  const { cases, evidence, annotations, briefings, library, audit, workspace } = deps

  return async function exportCase(opts: ExportOptions): Promise<BundleExportResult> {
    // Custody records every export: a workspace that cannot record it does not export.
    ctx.store.assertWritable()
    const out = await prepareOutput(opts.outPath, ctx.store.root)
    const caseId = await cases.resolve(opts.caseId)
    const snap = await cases.snapshot(caseId)
    const leave = new Set(opts.leaveOut ?? [])
    for (const id of leave)
      if (!snap.evidence.some((e) => e.id === id))
        throw appError('NOT_FOUND', 'errMedia:noEvidenceItemCase', { id, caseId })
    const included = snap.evidence.filter((e) => !leave.has(e.id))
    const leftOut: LeftOutItem[] = snap.evidence
      .filter((e) => leave.has(e.id))
      .map((e) => ({ evidenceId: e.id, kind: e.kind, hadFile: !!e.file }))

    // What goes in besides the case file: annotations of the items sent, every briefing,
    // the excerpts the case links or anything in it cites, the sender's audit entries per item.
    const statuteIds = new Set(snap.statuteIds)
    const annotated: string[] = []
    for (const item of included) {
      const list = await annotations.list(caseId, item.id)
      if (!list.length) continue
      annotated.push(item.id)
      for (const a of list) for (const s of a.statuteIds) statuteIds.add(s)
    }
    const briefingIds = (await briefings.list(caseId)).map((b) => b.id).sort()
    for (const id of briefingIds)
      for (const c of citationsIn((await briefings.get(caseId, id)).body))
        if (c.target === 'statute') statuteIds.add(c.id)
    for (const n of snap.notes) for (const c of citationsIn(n.body)) if (c.target === 'statute') statuteIds.add(c.id)
    for (const i of snap.issues) for (const id of i.statuteIds) statuteIds.add(id)
    const excerpts = await library.getMany([...statuteIds].sort())
    const includedIds = new Set(included.map((e) => e.id))
    const auditOf = new Map<string, AuditEntry[]>()
    for (const a of await audit.list({ target: `evidence:${caseId}` })) {
      const id = a.target.slice(`evidence:${caseId}/`.length)
      if (!includedIds.has(id)) continue
      auditOf.set(id, [...(auditOf.get(id) ?? []), a])
    }
    const blobs = new Map<string, { size: number; title: string }>()
    for (const item of included) {
      if (!item.file) continue
      const known = blobs.get(item.file.sha256)
      if (known && known.size !== item.file.size)
        throw appError('CORRUPT', 'errMedia:twoItemsRecordBlob', { sha256: item.file.sha256 })
      blobs.set(item.file.sha256, { size: item.file.size, title: item.title })
      // Fails now (NOT_FOUND) rather than after gigabytes were written.
      await evidence.blobPath(item.file.sha256).catch((e) => {
        throw appError('NOT_FOUND', 'errMedia:fileBlobsMissingBlob', {
          title: item.title,
          sha256: item.file!.sha256,
          reason: messageOf(e),
        })
      })
    }

    const key = await keyring.ownKey()
    const info = await workspace.info()
    const createdAt = nowIso(ctx)
    const mtime = new Date(createdAt)
    const total = [...blobs.values()].reduce((n, b) => n + b.size, 0)
    let done = 0
    const progress = throttled(opts.onProgress && ((d, t) => opts.onProgress!('Writing the case bundle', d, t)))
    const onBytes = (n: number) => progress.report((done += n), total)

    const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`)

    const zip = new yazl.ZipFile()
    const entries: BundleEntry[] = []
    const sources: { destroy(e?: Error): unknown }[] = []
    let failure: Error | null = null
    const fail = (e: unknown) => {
      if (failure) return
      failure = e instanceof Error ? e : new Error(String(e))
      for (const s of sources) s.destroy()
      ;(zip.outputStream as unknown as Readable).destroy(failure)
    }
    zip.on('error', fail)
    const onAbort = () => fail(appError('CANCELLED', 'errMedia:exportCancelledNoBundle'))
    if (opts.signal?.aborted) onAbort()
    opts.signal?.addEventListener('abort', onAbort)

    const json = (path: string, kind: BundleEntryKind, produce: () => Promise<unknown>) =>
      zip.addReadStreamLazy(path, { compress: true, mtime, mode: 0o100644 }, (cb) => {
        produce().then(
          (data) => {
            const buf = Buffer.from(JSON.stringify(data, null, 1), 'utf8')
            entries.push({ path, kind, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') })
            cb(null, Readable.from([buf], { objectMode: false }))
          },
          (e) => fail(e),
        )
      })

    json('case.json', 'case', async () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, ...snap, evidence: included }))
    if (excerpts.length)
      json('statutes.json', 'statutes', async () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, excerpts }))
    for (const id of annotated)
      json(`annotations/${id}.json`, 'annotations', async () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        evidenceId: id,
        annotations: await annotations.list(caseId, id),
      }))
    for (const id of briefingIds)
      json(`briefings/${id}.json`, 'briefing', async () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        briefing: await briefings.get(caseId, id),
      }))
    for (const item of included)
      json(`custody/${item.id}.json`, 'custody', async () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        evidenceId: item.id,
        audit: auditOf.get(item.id) ?? [],
      }))
    for (const [sha256, b] of blobs) {
      const path = `blobs/${sha256}`
      zip.addReadStreamLazy(path, { compress: false, size: b.size, mtime, mode: 0o100644 }, (cb) => {
        // Through openBlobFile: in an encrypted workspace the bundle carries the original bytes.
        evidence
          .blobPath(sha256)
          .then(openBlobFile)
          .then(
            (blob) => {
              const read = Readable.from(blob.range(0, blob.size - 1, READ_CHUNK), { objectMode: false })
              read.on('close', () => void blob.close().catch(() => undefined))
              const check = new Checked({ sha256, size: b.size, title: b.title, path }, onBytes)
              sources.push(read, check)
              read.on('error', fail)
              check.on('error', fail)
              check.on('end', () => entries.push({ path, kind: 'blob', size: b.size, sha256 }))
              cb(null, read.pipe(check))
            },
            (e) => fail(e),
          )
      })
    }
    let manifestBytes: Buffer | null = null
    zip.addReadStreamLazy(MANIFEST_PATH, { compress: true, mtime, mode: 0o100644 }, (cb) => {
      const manifest: BundleManifest = {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        createdAt,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        sender: { workspace: info.name, user: info.userName, publicKey: key.publicKey, fingerprint: key.fingerprint },
        case: {
          id: snap.case.id,
          title: snap.case.title,
          reference: snap.case.reference,
          classification: snap.case.classification,
        },
        leftOut,
        entries,
      }
      manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8')
      cb(null, Readable.from([manifestBytes], { objectMode: false }))
    })
    zip.addReadStreamLazy(SIGNATURE_PATH, { compress: false, mtime, mode: 0o100644 }, (cb) => {
      try {
        const sig = `${key.sign(manifestBytes!).toString('base64')}\n`
        cb(null, Readable.from([Buffer.from(sig, 'ascii')], { objectMode: false }))
      } catch (e) {
        fail(e)
      }
    })
    zip.end()

    const whole = new Checked({})
    try {
      try {
        await pipeline(
          zip.outputStream as unknown as Readable,
          whole,
          createWriteStream(temp, { flags: 'wx', mode: 0o644 }),
        )
      } catch (e) {
        throw failure ?? appError('IO', 'errMedia:couldWrite', { out, reason: messageOf(e) })
      }
      if (failure) throw failure
      // On disk before it gets its name, and the name on disk before custody says it went out.
      const fh = await open(temp, 'r+')
      try {
        await fh.sync()
      } finally {
        await fh.close()
      }
      await rename(temp, out)
      await fsyncDir(dirname(out))
    } catch (e) {
      await unlink(temp).catch(() => undefined)
      throw e
    } finally {
      opts.signal?.removeEventListener('abort', onAbort)
    }
    progress.flush(total, total)

    const sha256 = whole.sha256
    await evidence.recordExported(
      caseId,
      included.map((e) => e.id),
      { format: 'case bundle', file: out, sha256 },
    )
    await audit.append({
      action: 'bundle exported',
      target: `case:${caseId}`,
      detail: {
        file: out,
        sha256,
        bytes: whole.bytes,
        signer: key.fingerprint,
        evidence: included.length,
        leftOut: leftOut.map((l) => l.evidenceId),
      },
    })
    return {
      path: out,
      sha256,
      bytes: whole.bytes,
      fingerprint: key.fingerprint,
      caseId,
      evidence: included.length,
      blobs: blobs.size,
      leftOut,
    }
  }
}
