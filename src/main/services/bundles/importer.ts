/**
 * Inspecting and importing a .casefile. Import runs in four steps and nothing
 * becomes visible before the last:
 *
 *  1. check: the archive's structure (zipReader), the manifest and its signature,
 *     the archive against the manifest (manifest.ts);
 *  2. stream: every entry read once, hashed and compared with the manifest; blobs
 *     go into staged temp files of the evidence service's writer (a blob already
 *     stored is only hashed), record files into this area's scratch folder;
 *  3. stage: each record file parsed and validated, ids rewritten when both cases
 *     are kept, and written by its owning service under the staging folder;
 *  4. move in: blobs placed, excerpts added to the library, the case folder moved
 *     into cases/ and indexed (the replaced one to the trash), custody logged.
 *
 * A failure in steps 1–3 leaves the workspace as it was (the staging folder and
 * the staged blobs go). A failure in step 4 undoes what step 4 did; the only
 * trace left can be blobs placed in the store that no record refers to, which is
 * harmless (blobs are content-addressed and never deleted by the app).
 */
import { appError } from '@shared/i18n/appError'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, rmdir, statfs, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { z } from 'zod'
import {
  AnnotationsFile,
  BriefingFile,
  BundleCustodyFile,
  bundlePathId,
  CaseFile,
  CURRENT_SCHEMA_VERSION,
  StatuteLibraryFile,
  type AuditEntry,
  type BundleImportResult,
  type BundleInspection,
  type BundleManifest,
  type EvidenceItem,
  type OnClash,
  type StatuteExcerpt,
} from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import { SAFE_ID } from '@main/storage/layout'
import type { FileKind } from '@main/storage/migrations'
import { parseStoredJson, type AnySchema, type StoredJsonFailure } from '@main/storage/storedJson'
import { canonicalJson, entryHash } from '../audit/auditLog'
import type { ServiceContext } from '../context'
import type { SealedBlob } from '../evidence/blobStore'
import type { ProgressReport } from '../tasks'
import type { BundlesDeps } from './deps'
import { throttled } from './exporter'
import { BUNDLES_DIR, type Keyring } from './keys'
import { crossCheck, readManifest } from './manifest'
import { emptyMaps, remapAnnotation, remapBriefing, remapCase, type IdMaps } from './remap'
import { refused, refusedFor, refusedInvalid, refusedWithIssues, type Refusal } from './refusal'
import { MAX_RECORD_BYTES, openBundle, type BundleFileEntry, type OpenBundle } from './zipReader'

export const STAGING_DIR = join(BUNDLES_DIR, 'staging')

export interface ImportOptions {
  /** Required when the workspace holds a case with the bundle's case id. */
  onClash?: OnClash
  signal?: AbortSignal
  onProgress?: ProgressReport
}

/** Named points of step 4, where tests make the import fail to see it undone. */
export type ImportStep = 'stage' | 'place-blobs' | 'statutes' | 'move-in' | 'custody' | 'done'
export interface ImporterHooks {
  step?: (step: ImportStep) => void | Promise<void>
}

const cancelled = () => appError('CANCELLED', 'errMedia:importCancelledNothingImported')
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Everything but the id and the times a library keeps: two excerpts equal here say the same thing. */
const sameExcerpt = (a: StatuteExcerpt, b: StatuteExcerpt) => {
  const { id: _i, createdAt: _a, updatedAt: _b, ...x } = a
  const { id: _j, createdAt: _c, updatedAt: _d, ...y } = b
  return canonicalJson(x) === canonicalJson(y)
}

function unique(ids: string[], what: 'actor' | 'event' | 'evidence' | 'note' | 'issue'): void {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw refused('errBundles:idTwice', { what, id: JSON.stringify(id) })
    seen.add(id)
  }
}

/** A record file of the bundle: UTF-8 JSON in its stored shape (migrated forward when older). */
function parseRecord<S extends AnySchema>(bytes: Buffer, path: string, kind: FileKind, schema: S): z.output<S> {
  const parsed = parseStoredJson(bytes, kind, schema)
  if (parsed.ok === 'newer')
    throw refused('errBundles:recordNewer', {
      path,
      version: String(parsed.version),
      known: String(CURRENT_SCHEMA_VERSION),
    })
  if (parsed.ok === false) throw recordRefusal(parsed, path)
  return parsed.data
}

/** Why a record file did not parse, in catalogue words: a wrong shape with its issues, worded in either language. */
function recordRefusal(f: StoredJsonFailure, path: string): AppError {
  switch (f.step) {
    case 'utf8':
      return refused('errBundles:recordNotUtf8', { path })
    case 'json':
      return refused('errBundles:recordNotJson', { path })
    case 'object':
      return refused('errBundles:recordNotObject', { path })
    case 'migration':
      return refused('errBundles:recordNotMigrated', { path, version: String(f.version) }, { cause: f.why })
    case 'shape':
      return refusedInvalid('errBundles:recordInvalid', f.error, { path })
  }
}

/** What an owner refuses when a record is staged (its own catalogue message), said of the bundle's file. */
const STAGED: Record<string, Refusal> = {
  'errMedia:annotated': 'errBundles:stagedAnnotated',
  'errMedia:regionReachesOutsideImage': 'errBundles:stagedRegion',
  'errMedia:annotationBelongs': 'errBundles:stagedAnnotationBelongs',
}

export function createImporter(ctx: ServiceContext, deps: BundlesDeps, keyring: Keyring, hooks: ImporterHooks = {}) {
  const { cases, evidence, annotations, briefings, library, audit, trash } = deps
  const step = async (s: ImportStep) => hooks.step?.(s)
  // One import at a time: two would race for the same ids and blobs.
  let chain: Promise<unknown> = Promise.resolve()
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.catch(() => undefined).then(fn)
    chain = run
    return run
  }

  async function checked(path: string) {
    const bundle = await openBundle(path)
    try {
      const read = await readManifest(bundle)
      return { bundle, ...read }
    } catch (e) {
      await bundle.close()
      throw e
    }
  }

  async function clashWith(caseId: string) {
    const c = (await cases.list()).find((s) => s.id === caseId)
    return c ? { caseId: c.id, title: c.title } : null
  }

  async function signerOf(m: BundleManifest, signatureProblem: string | null) {
    const trust = signatureProblem
      ? { trust: 'invalid' as const, own: false }
      : await keyring.trustOf(m.sender.fingerprint)
    return { workspace: m.sender.workspace, user: m.sender.user, fingerprint: m.sender.fingerprint, ...trust }
  }

  /** What a bundle holds and who signed it, without importing; the signature's failure is reported, not thrown. */
  async function inspect(path: string, opts: { signal?: AbortSignal; onProgress?: ProgressReport } = {}) {
    const { bundle, manifest: m, bytes: _b, signatureProblem } = await checked(path)
    try {
      if (!signatureProblem) crossCheck(bundle, m)
      const progress = throttled(opts.onProgress && ((d, t) => opts.onProgress!('Reading the bundle', d, t)))
      let done = 0
      const sha = await bundle.sha256(opts.signal, (n) => progress.report((done += n), bundle.size))
      progress.flush(bundle.size, bundle.size)
      let evidenceCount = 0
      let statuteCount = 0
      if (!signatureProblem) {
        // The case file is small: read and check it, so the count is of what would arrive.
        const f = bundle.byName.get('case.json')!
        const bytes = await bundle.readWhole(f, MAX_RECORD_BYTES)
        if (createHash('sha256').update(bytes).digest('hex') !== m.entries.find((e) => e.kind === 'case')!.sha256)
          throw refused('errBundles:recordSha', { path: 'case.json' })
        evidenceCount = parseRecord(bytes, 'case.json', 'case', CaseFile).evidence.length
        const lib = bundle.byName.get('statutes.json')
        if (lib) {
          const libBytes = await bundle.readWhole(lib, MAX_RECORD_BYTES)
          if (
            createHash('sha256').update(libBytes).digest('hex') !== m.entries.find((e) => e.kind === 'statutes')!.sha256
          )
            throw refused('errBundles:recordSha', { path: 'statutes.json' })
          statuteCount = parseRecord(libBytes, 'statutes.json', 'statutes', StatuteLibraryFile).excerpts.length
        }
      }
      const blobs = m.entries.filter((e) => e.kind === 'blob')
      const inspection: BundleInspection = {
        bundleSha256: sha,
        size: bundle.size,
        format: m.format,
        version: m.version,
        createdAt: m.createdAt,
        signer: await signerOf(m, signatureProblem),
        case: m.case,
        counts: {
          evidence: evidenceCount,
          briefings: m.entries.filter((e) => e.kind === 'briefing').length,
          statutes: statuteCount,
          blobs: blobs.length,
          bytes: m.entries.reduce((n, e) => n + e.size, 0),
          entries: m.entries.length,
        },
        leftOut: m.leftOut,
        clash: await clashWith(m.case.id),
      }
      return { inspection, signatureProblem }
    } finally {
      await bundle.close()
    }
  }

  async function assertRoom(bytes: number): Promise<void> {
    const fs = await statfs(ctx.store.root).catch(() => null)
    if (!fs) return
    const free = fs.bavail * fs.bsize
    // Leave room for the workspace's own files to keep being saved.
    if (bytes + 64 * 1024 * 1024 > free)
      throw appError('IO', 'errMedia:enoughFreeDiskSpace2', {
        ceil: Math.ceil(bytes / 1e6),
        floor: Math.floor(Math.max(0, free - 64 * 1024 * 1024) / 1e6),
      })
  }

  async function makeStaging(): Promise<string> {
    const dir = ctx.store.resolve(join(STAGING_DIR, `${process.pid}-${randomBytes(6).toString('hex')}`))
    await mkdir(dir, { recursive: true })
    return dir
  }

  /** Removes a staging folder, then bundles/staging and bundles if that left them empty (a fresh workspace stays as it was). */
  async function removeStaging(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true })
    for (const d of [STAGING_DIR, BUNDLES_DIR]) await rmdir(ctx.store.resolve(d)).catch(() => undefined)
  }

  const mismatch = (f: BundleFileEntry) => refused('errBundles:entryMismatch', { name: JSON.stringify(f.name) })

  /**
   * Streams one entry through `sink`, comparing size and SHA-256 with the manifest.
   * `hashed`: the sink hashes the bytes itself (the blob writer) and the caller compares.
   */
  async function pump(
    bundle: OpenBundle,
    f: BundleFileEntry,
    want: { sha256: string; size: number },
    sink: (chunk: Buffer) => void | Promise<void>,
    signal: AbortSignal | undefined,
    onBytes: (n: number) => void,
    { hashed = false } = {},
  ): Promise<void> {
    const hash = hashed ? null : createHash('sha256')
    let bytes = 0
    let stream: Readable | undefined
    let writing = false
    try {
      stream = await bundle.stream(f)
      for await (const chunk of stream) {
        if (signal?.aborted) throw cancelled()
        hash?.update(chunk as Buffer)
        bytes += (chunk as Buffer).length
        onBytes((chunk as Buffer).length)
        writing = true
        await sink(chunk as Buffer)
        writing = false
      }
    } catch (e) {
      stream?.destroy()
      if (e instanceof AppError) throw e
      // A failed write of what was read (a full disk) is not damage to the entry: said as what it is.
      const code = (e as { code?: unknown } | null)?.code
      if (writing && typeof code === 'string')
        throw refusedFor('errBundles:entryNotWritten', e, { name: JSON.stringify(f.name), code })
      throw refusedFor('errBundles:entryDamaged', e, { name: JSON.stringify(f.name) })
    }
    if (bytes !== want.size || (hash && hash.digest('hex') !== want.sha256)) throw mismatch(f)
  }

  async function importBundle(path: string, opts: ImportOptions = {}): Promise<BundleImportResult> {
    ctx.store.assertWritable()
    return serial(async () => {
      const { signal } = opts
      const { bundle, manifest: m, signatureProblem } = await checked(path)
      let staging: string | null = null
      const sealed: SealedBlob[] = []
      try {
        if (signatureProblem) throw refused(signatureProblem)
        const listed = crossCheck(bundle, m)
        const signer = await signerOf(m, null)
        const clash = await clashWith(m.case.id)
        if (clash && !opts.onClash)
          throw appError(
            'CONFLICT',
            'errMedia:workspaceAlreadyHasCase',
            { caseId: clash.caseId, title: clash.title },
            { clash },
          )
        const mode: 'none' | OnClash = clash ? opts.onClash! : 'none'

        // 2. Stream every entry once: hash, compare, stage.
        const blobEntries = m.entries.filter((e) => e.kind === 'blob')
        const present = new Set<string>()
        for (const b of blobEntries) if (await evidence.hasBlob(b.sha256)) present.add(b.sha256)
        const recordBytes = m.entries.filter((e) => e.kind !== 'blob').reduce((n, e) => n + e.size, 0)
        await assertRoom(
          blobEntries.filter((b) => !present.has(b.sha256)).reduce((n, b) => n + b.size, 0) + 3 * recordBytes,
        )
        const total = bundle.size + m.entries.reduce((n, e) => n + e.size, 0)
        let done = 0
        const progress = throttled(
          opts.onProgress && ((d, t) => opts.onProgress!('Checking and importing the bundle', d, t)),
        )
        const onBytes = (n: number) => progress.report((done += n), total)

        staging = await makeStaging()
        const raw = join(staging, 'raw')
        const blobTemp = join(staging, 'blobs')
        const ws = join(staging, 'ws')
        await mkdir(raw)
        const bundleSha = bundle.sha256(signal, onBytes)
        bundleSha.catch(() => undefined)
        const recordFiles = new Map<string, string>()
        for (const f of bundle.entries) {
          if (!f.kind) continue
          if (signal?.aborted) throw cancelled()
          const want = listed.get(f.name)!
          if (f.kind === 'blob') {
            if (present.has(want.sha256)) {
              await pump(bundle, f, want, () => undefined, signal, onBytes)
              continue
            }
            // The blob writer hashes what it stores: that hash is the one compared (one pass, not two).
            const writer = await evidence.stageBlob(blobTemp, want.size)
            try {
              await pump(bundle, f, want, (c) => writer.write(c), signal, onBytes, { hashed: true })
              const s = await writer.seal()
              sealed.push(s)
              if (s.sha256 !== want.sha256 || s.size !== want.size) throw mismatch(f)
            } catch (e) {
              await writer.abort()
              throw e
            }
          } else {
            if (f.size > MAX_RECORD_BYTES)
              throw refused('errBundles:recordTooLarge', {
                name: JSON.stringify(f.name),
                size: String(f.size),
                max: String(MAX_RECORD_BYTES),
              })
            const parts: Buffer[] = []
            await pump(bundle, f, want, (c) => void parts.push(c), signal, onBytes)
            const file = join(raw, `${recordFiles.size}.json`)
            await writeFile(file, Buffer.concat(parts))
            recordFiles.set(f.name, file)
          }
        }
        const sha256 = await bundleSha
        progress.flush(total, total)

        // 3. Parse, validate, rewrite ids, stage through the owners.
        const record = (p: string) => readFile(recordFiles.get(p)!)
        const cf = parseRecord(await record('case.json'), 'case.json', 'case', CaseFile)
        if (cf.case.id !== m.case.id) throw refused('errBundles:caseMismatch')
        if (!SAFE_ID.test(cf.case.id)) throw refused('errBundles:caseIdUnsafe', { id: JSON.stringify(cf.case.id) })
        unique(
          cf.actors.map((a) => a.id),
          'actor',
        )
        unique(
          cf.events.map((e) => e.id),
          'event',
        )
        unique(
          cf.evidence.map((e) => e.id),
          'evidence',
        )
        unique(
          cf.notes.map((n) => n.id),
          'note',
        )
        unique(
          cf.issues.map((i) => i.id),
          'issue',
        )
        const items = new Map(cf.evidence.map((e) => [e.id, e]))
        for (const id of items.keys())
          if (!SAFE_ID.test(id)) throw refused('errBundles:evidenceIdUnsafe', { id: JSON.stringify(id) })
        for (const l of m.leftOut)
          if (items.has(l.evidenceId)) throw refused('errBundles:leftOutPresent', { id: l.evidenceId })
        const carried = new Set<string>()
        for (const item of cf.evidence) {
          if (!item.file) continue
          const b = listed.get(`blobs/${item.file.sha256}`)
          if (!b) throw refused('errBundles:blobMissing', { id: item.id, sha256: item.file.sha256 })
          if (b.size !== item.file.size)
            throw refused('errBundles:blobSize', { id: item.id, size: String(item.file.size), held: String(b.size) })
          carried.add(item.file.sha256)
        }
        for (const b of blobEntries)
          if (!carried.has(b.sha256)) throw refused('errBundles:blobOrphan', { path: b.path })
        for (const e of m.entries)
          if ((e.kind === 'annotations' || e.kind === 'custody') && !items.has(bundlePathId(e.path)))
            throw refused('errBundles:recordOrphan', { path: e.path })
        if (signal?.aborted) throw cancelled()

        const keepBoth = mode === 'keep-both'
        const maps: IdMaps = emptyMaps(keepBoth ? ctx.newId('case') : cf.case.id)
        if (keepBoth) {
          for (const a of cf.actors) maps.actors.set(a.id, ctx.newId('actor'))
          for (const e of cf.events) maps.events.set(e.id, ctx.newId('event'))
          for (const e of cf.evidence) maps.evidence.set(e.id, ctx.newId('ev'))
          for (const n of cf.notes) maps.notes.set(n.id, ctx.newId('note'))
          for (const i of cf.issues) maps.issues.set(i.id, ctx.newId('issue'))
        }

        // Excerpts: the same id with the same text is reused; with other text it arrives under a new id.
        let toAdd: StatuteExcerpt[] = []
        let statutesReused = 0
        let statutesRenamed = 0
        let statuteCount = 0
        const statutesEntry = m.entries.find((e) => e.kind === 'statutes')
        if (statutesEntry) {
          const lib = parseRecord(await record(statutesEntry.path), 'statutes.json', 'statutes', StatuteLibraryFile)
          const ids = lib.excerpts.map((s) => s.id)
          if (new Set(ids).size !== ids.length) throw refused('errBundles:excerptTwice')
          const here = new Map((await library.getMany(ids)).map((s) => [s.id, s]))
          let all: StatuteExcerpt[] | null = null
          for (const s of lib.excerpts) {
            const mine = here.get(s.id)
            if (!mine) toAdd.push(s)
            else if (sameExcerpt(mine, s)) statutesReused++
            else {
              // Its id is taken by other text. The same text may be here already under another id
              // (this bundle imported before): reuse that; otherwise it arrives under a new id.
              all ??= await library.list()
              const same = all.find((x) => sameExcerpt(x, s))
              if (same) {
                maps.statutes.set(s.id, same.id)
                statutesReused++
              } else {
                const id = ctx.newId('statute')
                maps.statutes.set(s.id, id)
                toAdd.push({ ...s, id })
                statutesRenamed++
              }
            }
          }
          statuteCount = lib.excerpts.length
        }

        // The sender's audit entries per item (each still verifiable by its own hash).
        const senderAudit = new Map<string, AuditEntry[]>()
        for (const e of m.entries.filter((x) => x.kind === 'custody')) {
          let raw: unknown
          try {
            raw = JSON.parse(utf8.decode(await record(e.path)))
          } catch {
            throw refused('errBundles:custodyNotJson', { path: e.path })
          }
          const parsed = BundleCustodyFile.safeParse(raw)
          if (!parsed.success) throw refusedInvalid('errBundles:recordInvalid', parsed.error, { path: e.path })
          if (parsed.data.schemaVersion > CURRENT_SCHEMA_VERSION)
            throw refused('errBundles:custodyNewer', { path: e.path })
          const id = bundlePathId(e.path)
          if (parsed.data.evidenceId !== id)
            throw refused('errBundles:custodyOtherItem', { path: e.path, id: parsed.data.evidenceId })
          senderAudit.set(
            maps.evidence.get(id) ?? id,
            parsed.data.audit.filter((a) => entryHash(a) === a.hash),
          )
        }

        await step('stage')
        const remapped = remapCase(cf, maps)
        const remappedItems = new Map(remapped.evidence.map((e) => [e.id, e]))
        let annotationCount = 0
        const annIds = new Set<string>()
        for (const e of m.entries.filter((x) => x.kind === 'annotations')) {
          if (signal?.aborted) throw cancelled()
          const id = bundlePathId(e.path)
          const file = parseRecord(await record(e.path), e.path, 'annotations', AnnotationsFile)
          if (file.evidenceId !== id)
            throw refused('errBundles:annotationsOtherItem', { path: e.path, id: file.evidenceId })
          for (const a of file.annotations) {
            if (annIds.has(a.id)) throw refused('errBundles:annotationTwice', { id: JSON.stringify(a.id) })
            annIds.add(a.id)
            if (keepBoth) maps.annotations.set(a.id, ctx.newId('ann'))
          }
          const item = remappedItems.get(maps.evidence.get(id) ?? id)!
          await stageOrRefuse(e.path, () =>
            annotations.writeStaged(
              ws,
              maps.caseId,
              item,
              file.annotations.map((a) => remapAnnotation(a, maps)),
            ),
          )
          annotationCount += file.annotations.length
        }
        let briefingCount = 0
        for (const e of m.entries.filter((x) => x.kind === 'briefing')) {
          if (signal?.aborted) throw cancelled()
          const id = bundlePathId(e.path)
          const file = parseRecord(await record(e.path), e.path, 'briefing', BriefingFile)
          if (file.briefing.id !== id) throw refused('errBundles:briefingOther', { path: e.path, id: file.briefing.id })
          if (keepBoth) maps.briefings.set(id, ctx.newId('briefing'))
          await stageOrRefuse(e.path, () => briefings.writeStaged(ws, maps.caseId, remapBriefing(file.briefing, maps)))
          briefingCount++
        }

        // Every item carries the sender's custody and gains the entry saying how it arrived here.
        const detail =
          `received in bundle ${sha256} signed by ${signer.fingerprint} ` +
          `(${signer.own ? "this workspace's own key" : signer.trust === 'known' ? 'a key trusted here' : 'a key not trusted here yet'}; ` +
          `sender workspace ${JSON.stringify(m.sender.workspace)}, user ${JSON.stringify(m.sender.user)})`
        const finalItems: EvidenceItem[] = []
        for (const item of remapped.evidence) {
          const entry = await evidence.custodyEntry('received', detail.slice(0, 2_000), item.file?.sha256)
          finalItems.push({ ...item, custody: [...item.custody, entry] })
        }
        await stageOrRefuse('case.json', () => cases.writeStaged(ws, { ...remapped, evidence: finalItems }))
        if (signal?.aborted) throw cancelled()

        // 4. Move in. From here on, a failure undoes what was done.
        await step('place-blobs')
        for (const s of sealed) await evidence.placeBlob(s)
        sealed.length = 0
        await step('statutes')
        const added = await library.importMany(toAdd)
        toAdd = []
        let trashedTo: string | undefined
        try {
          await step('move-in')
          const moved = await cases.moveIn(
            ws,
            maps.caseId,
            mode === 'replace' ? { replace: { trash, reason: `Replaced by the case in bundle ${sha256}.` } } : {},
          )
          trashedTo = moved.trashedTo
          annotations.forgetCase(maps.caseId)
          try {
            await step('custody')
            await evidence.logImported(maps.caseId, finalItems, {
              bundleSha256: sha256,
              fingerprint: signer.fingerprint,
              senderAudit,
            })
            await audit.append({
              action: 'bundle imported',
              target: `case:${maps.caseId}`,
              detail: {
                bundle: sha256,
                file: path,
                signer: signer.fingerprint,
                trust: signer.trust,
                senderWorkspace: m.sender.workspace,
                senderUser: m.sender.user,
                originalCaseId: cf.case.id,
                clash: mode,
                ...(trashedTo ? { trashedTo } : {}),
                leftOut: m.leftOut.map((l) => l.evidenceId),
              },
            })
            await step('done')
          } catch (e) {
            try {
              await moved.undo()
              annotations.forgetCase(maps.caseId)
            } catch (u) {
              throw appError('IO', 'errMedia:importFailedCouldFully', { reason: messageOf(e), reason2: messageOf(u) })
            }
            await audit
              .append({
                action: 'bundle import undone',
                target: `case:${maps.caseId}`,
                detail: { bundle: sha256, reason: messageOf(e) },
              })
              .catch(() => undefined)
            throw e
          }
        } catch (e) {
          await library.removeMany(added.map((s) => s.id)).catch(() => undefined)
          throw e
        }
        // A bookkeeping note, not part of the case: its failure does not undo the import.
        await keyring.recordSeen(m.sender).catch(() => undefined)

        return {
          caseId: maps.caseId,
          originalCaseId: cf.case.id,
          title: cf.case.title,
          bundleSha256: sha256,
          signer,
          clash: mode,
          ...(trashedTo ? { trashedTo } : {}),
          counts: {
            actors: cf.actors.length,
            events: cf.events.length,
            evidence: cf.evidence.length,
            notes: cf.notes.length,
            annotations: annotationCount,
            briefings: briefingCount,
            statutes: statuteCount,
            blobs: blobEntries.length,
            bytes: m.entries.reduce((n, e) => n + e.size, 0),
          },
          blobsAlreadyPresent: present.size,
          statutesRenamed,
          statutesReused,
          leftOut: m.leftOut,
        }
      } catch (e) {
        for (const s of sealed) await evidence.discardBlob(s)
        throw e
      } finally {
        if (staging) await removeStaging(staging).catch(() => undefined)
        await bundle.close()
      }
    })
  }

  /** An owner refusing a record (VALIDATION) refuses the bundle, saying which file. */
  async function stageOrRefuse(path: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn()
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') {
        // The owner's reason, said of the bundle's file: a failed parse with its issues, a reason the
        // catalogue says of a bundle too, else the file named and the owner's words kept for the log.
        const values = e.text?.values
        if (values && 'issues' in values) throw refusedWithIssues('errBundles:recordInvalid', values.issues, { path })
        const said = e.text && STAGED[e.text.key]
        if (said) throw refused(said, { ...values, path })
        throw refusedFor('errBundles:stagedRefused', e, { path })
      }
      if (e instanceof Error && e.name === 'ZodError')
        throw refusedInvalid('errBundles:recordInvalid', e as unknown as z.ZodError, { path })
      throw e
    }
  }

  /** Staging folders of other processes: what an import stopped by a crash left. */
  async function sweep(): Promise<number> {
    let removed = 0
    for (const name of await readdir(ctx.store.resolve(STAGING_DIR)).catch(() => [] as string[])) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1])
      if (pid && pid !== process.pid) {
        await rm(join(ctx.store.resolve(STAGING_DIR), name), { recursive: true, force: true }).then(
          () => removed++,
          () => undefined,
        )
      }
    }
    return removed
  }

  return { inspect, importBundle, sweep }
}
