/**
 * Case bundles end to end on real folders: the demo case exported from one
 * workspace and imported into another arrives whole (every blob byte for byte,
 * every record equal, annotation and briefing files identical), with custody
 * carried over and `check` and `evidence verify` clean on the receiving side.
 * Then the trust list, clashes (keep both, replace), a selection, blobs already
 * present, excerpts whose id is taken, cancelling, and a failure at each step
 * of moving in (nothing half-imported).
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationsIn, type CaseFile, type EvidenceItem } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { createBundlesService } from '@main/services/bundles/bundlesService'
import type { ImportStep } from '@main/services/bundles/importer'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'
import { partsOf, readZip } from './hostileZip'
import { diffTrees, snapshotTree } from './tree'

const tempDir = useTempDirs()
const REF = 'ECU-USA-2026-001'
const CASE = 'case_ecu_mpls_2026'

async function demoBundle(opts: { leaveOut?: string[] } = {}) {
  const root = await tempDir('casefile-bundle-')
  const a = await openWorkspace(join(root, 'a'))
  await a.demo.install()
  const out = join(root, 'out', 'demo.casefile')
  /** The case as it was sent (exporting then records custody "exported" on the sender's side). */
  const sent = await a.cases.snapshot(CASE)
  const exported = await a.bundles.export({ caseId: REF, outPath: out, leaveOut: opts.leaveOut })
  return { root, a, out, exported, sent }
}

const withoutLast = (e: EvidenceItem) => ({ ...e, custody: e.custody.slice(0, -1) })
/** The sender's reading of a file does not travel: the receiver reads the file itself. */
const unexamined = ({ analysis: _a, ...e }: EvidenceItem) => e
const files = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort()

describe('case bundles', () => {
  it('carries the demo case byte for byte, custody included; check and evidence verify are clean', async () => {
    const { root, a, out, exported, sent: sender } = await demoBundle()
    const senderAudit = await a.audit.list({ target: `evidence:${CASE}` })
    const libA = await a.statutes.list({ caseId: CASE })
    const b = await openWorkspace(join(root, 'b'))
    try {
      const seen = await b.bundles.inspect(out)
      expect(seen).toMatchObject({
        bundleSha256: exported.sha256,
        signer: { fingerprint: exported.fingerprint, trust: 'new', own: false, workspace: expect.any(String) },
        case: { id: CASE, reference: REF },
        counts: { evidence: sender.evidence.length, blobs: 2 },
        leftOut: [],
        clash: null,
      })

      const r = await b.bundles.import(out)
      expect(r).toMatchObject({ caseId: CASE, clash: 'none', bundleSha256: exported.sha256, blobsAlreadyPresent: 0 })

      // Every blob, byte for byte.
      const blobsA = (await files(join(root, 'a', 'blobs'))).filter((n) => /^[0-9a-f]{64}$/.test(n))
      expect(blobsA).toHaveLength(2)
      expect((await files(join(root, 'b', 'blobs'))).filter((n) => /^[0-9a-f]{64}$/.test(n))).toEqual(blobsA)
      for (const sha of blobsA)
        expect(
          (await readFile(join(root, 'b', 'blobs', sha))).equals(await readFile(join(root, 'a', 'blobs', sha))),
        ).toBe(true)

      // Every record equal to what was sent; each item gained one custody entry on each side:
      // "exported" there (after the bundle was written), "received" here.
      const got = await b.cases.snapshot(CASE)
      expect(got.case).toEqual(sender.case)
      expect(got.actors).toEqual(sender.actors)
      expect(got.events).toEqual(sender.events)
      expect(got.notes).toEqual(sender.notes)
      expect(got.statuteIds).toEqual(sender.statuteIds)
      expect(got.evidence.map(withoutLast)).toEqual(sender.evidence.map(unexamined))
      expect(sender.evidence.some((e) => e.analysis)).toBe(true)
      expect(got.evidence.some((e) => e.analysis)).toBe(false)
      const senderNow = await a.cases.snapshot(CASE)
      expect(senderNow.evidence.map(withoutLast)).toEqual(sender.evidence)
      for (const [i, item] of got.evidence.entries()) {
        expect(senderNow.evidence[i].custody.at(-1)).toMatchObject({
          action: 'exported',
          detail: expect.stringContaining(exported.sha256),
        })
        expect(item.custody.at(-1)).toMatchObject({
          action: 'received',
          ...(item.file ? { sha256: item.file.sha256 } : {}),
          detail: expect.stringMatching(
            new RegExp(`^received in bundle ${exported.sha256} signed by ${exported.fingerprint}`),
          ),
        })
      }
      // Annotation and briefing files: the same bytes.
      for (const sub of ['annotations', 'briefings']) {
        const names = await files(join(root, 'a', 'cases', CASE, sub))
        expect(names.length).toBeGreaterThan(0)
        expect(await files(join(root, 'b', 'cases', CASE, sub))).toEqual(names)
        for (const n of names)
          expect(await readFile(join(root, 'b', 'cases', CASE, sub, n), 'utf8')).toBe(
            await readFile(join(root, 'a', 'cases', CASE, sub, n), 'utf8'),
          )
      }
      expect(await b.statutes.list({ caseId: CASE })).toEqual(libA)

      // The receiving side is whole: files, audit chain, custody twins, every blob re-hashed.
      expect((await b.check.run()).problems).toEqual([])
      const verify = await b.evidence.verify()
      expect(verify).toMatchObject({ ok: true, problems: [], custodyGaps: [], audit: { ok: true } })

      // Custody twins in the audit log: carried ones name the bundle and the sender's own audit entry.
      const logged = await b.audit.list({ target: `evidence:${CASE}` })
      const received = logged.filter((e) => e.action === 'received')
      expect(received).toHaveLength(sender.evidence.length)
      for (const e of received)
        expect(e.detail).toMatchObject({ bundle: exported.sha256, signer: exported.fingerprint })
      const carried = logged.filter((e) => e.detail.carriedIn === exported.sha256)
      expect(carried.length).toBe(sender.evidence.reduce((n, e) => n + e.custody.length, 0))
      const senderHashes = new Set(senderAudit.map((e) => e.hash))
      for (const e of carried) expect(senderHashes.has(e.detail.senderAuditHash as string)).toBe(true)
      expect((await b.audit.list({ target: `case:${CASE}` })).at(-1)).toMatchObject({
        action: 'bundle imported',
        detail: { bundle: exported.sha256, trust: 'new' },
      })
      // The sender's log says what left, and where to.
      expect((await a.audit.list({ target: `case:${CASE}` })).at(-1)).toMatchObject({
        action: 'bundle exported',
        detail: { sha256: exported.sha256, file: out },
      })
      // Nothing staged is left over.
      expect(await files(join(root, 'b', 'bundles'))).not.toContain('staging')
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('trust: known after trusting the fingerprint, new again after removing it; the own key is known and kept', async () => {
    const { root, a, out, exported } = await demoBundle()
    const b = await openWorkspace(join(root, 'b'))
    try {
      expect((await a.bundles.inspect(out)).signer).toMatchObject({ trust: 'known', own: true })
      expect((await a.bundles.keys.list()).own.fingerprint).toBe(exported.fingerprint)
      await expect(a.bundles.keys.remove(exported.fingerprint)).rejects.toThrow(/own key cannot be removed/)

      expect((await b.bundles.inspect(out)).signer.trust).toBe('new')
      // Read out over the phone in groups, with colons or in capitals: still the same key.
      const spoken = exported.fingerprint.toUpperCase().replace(/(.{4})/g, '$1 ')
      expect(await b.bundles.keys.trust(spoken)).toMatchObject({ fingerprint: exported.fingerprint, trusted: true })
      expect((await b.bundles.inspect(out)).signer.trust).toBe('known')
      const list = await b.bundles.keys.list()
      expect(list.own.fingerprint).not.toBe(exported.fingerprint)
      expect(list.keys).toEqual([expect.objectContaining({ fingerprint: exported.fingerprint, trusted: true })])
      const r = await b.bundles.import(out)
      expect(r.signer.trust).toBe('known')
      expect((await b.cases.snapshot(CASE)).evidence[0].custody.at(-1)!.detail).toMatch(/a key trusted here/)
      // The import remembered the names the key's bundle claimed.
      expect((await b.bundles.keys.list()).keys[0]).toMatchObject({
        workspace: expect.stringMatching(/Demo/),
        trusted: true,
      })

      await b.bundles.keys.remove(exported.fingerprint)
      expect((await b.bundles.inspect(out)).signer.trust).toBe('new')
      await expect(b.bundles.keys.trust('not-a-key')).rejects.toThrow(/not a key fingerprint/)
      await expect(b.bundles.keys.remove('ab'.repeat(32))).rejects.toThrow(/No key with fingerprint/)
      // The private key stays private: only its owner may read it, and no bundle carries it.
      expect((await stat(join(root, 'a', 'bundles', 'signing-key.pem'))).mode & 0o777).toBe(0o600)
      const pem = await readFile(join(root, 'a', 'bundles', 'signing-key.pem'), 'utf8')
      const secret = pem.split('\n').slice(1, -2).join('')
      for (const e of await readZip(out)) expect(e.data.toString('latin1')).not.toContain(secret)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('a clash asks; keep-both gives every record a new id and rewrites references; replace puts the old case in the trash', async () => {
    const { root, a, out } = await demoBundle()
    await a.close()
    const b = await openWorkspace(join(root, 'b'))
    try {
      await b.bundles.import(out)
      const firstTree = await snapshotTree(join(root, 'b', 'cases', CASE))
      const clash = await b.bundles.import(out).catch((e: AppError) => e)
      expect(clash).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/keep-both .* replace/) })
      expect((await b.bundles.inspect(out)).clash).toMatchObject({ caseId: CASE })

      const both = await b.bundles.import(out, { onClash: 'keep-both' })
      expect(both).toMatchObject({ clash: 'keep-both', originalCaseId: CASE })
      expect(both.caseId).not.toBe(CASE)
      const orig = await b.cases.snapshot(CASE)
      const copy = await b.cases.snapshot(both.caseId)
      expect(copy.case.title).toBe(orig.case.title)
      const ids = (f: Omit<CaseFile, 'schemaVersion'>) => [
        ...f.actors.map((x) => x.id),
        ...f.events.map((x) => x.id),
        ...f.evidence.map((x) => x.id),
        ...f.notes.map((x) => x.id),
      ]
      const old = new Set(ids(orig))
      for (const id of ids(copy)) expect(old.has(id)).toBe(false)
      const evidence = new Set(copy.evidence.map((e) => e.id))
      const events = new Set(copy.events.map((e) => e.id))
      const actors = new Set(copy.actors.map((e) => e.id))
      for (const e of copy.events) {
        for (const id of e.evidenceIds) expect(evidence.has(id)).toBe(true)
        for (const id of e.actorIds) expect(actors.has(id)).toBe(true)
      }
      for (const e of copy.evidence) for (const id of e.eventIds) expect(events.has(id)).toBe(true)
      const annotationIds = new Set<string>()
      for (const e of copy.evidence)
        for (const ann of await b.annotations.list(both.caseId, e.id)) {
          expect(ann.evidenceId).toBe(e.id)
          annotationIds.add(ann.id)
        }
      expect(annotationIds.size).toBeGreaterThan(0)
      for (const s of await b.briefings.list(both.caseId)) {
        const br = await b.briefings.get(both.caseId, s.id)
        expect(await b.briefings.list(CASE)).not.toContainEqual(expect.objectContaining({ id: br.id }))
        const cites = citationsIn(br.body)
        expect(cites.length).toBeGreaterThan(0)
        for (const c of cites) {
          if (c.target === 'evidence') expect(evidence.has(c.id)).toBe(true)
          if (c.target === 'event') expect(events.has(c.id)).toBe(true)
          if (c.target === 'annotation') expect(annotationIds.has(c.id)).toBe(true)
        }
      }
      // The first import is untouched.
      expect(diffTrees(firstTree, await snapshotTree(join(root, 'b', 'cases', CASE)))).toEqual([])

      // Replace: the case here goes to the trash whole, the bundle's takes its id.
      await b.evidence.update(CASE, orig.evidence[0].id, { title: 'Edited here before the replace' })
      const replaced = await b.bundles.import(out, { onClash: 'replace' })
      expect(replaced).toMatchObject({ caseId: CASE, clash: 'replace', trashedTo: expect.stringMatching(/^trash\//) })
      const trashed = join(root, 'b', replaced.trashedTo!)
      const trashedCase = JSON.parse(await readFile(join(trashed, 'case.json'), 'utf8')) as CaseFile
      expect(trashedCase.evidence[0].title).toBe('Edited here before the replace')
      expect(await b.trash.list()).toEqual([
        expect.objectContaining({
          kind: 'case',
          itemId: CASE,
          from: join('cases', CASE),
          reason: expect.stringContaining(replaced.bundleSha256),
        }),
      ])
      expect((await b.cases.snapshot(CASE)).evidence[0].title).not.toBe('Edited here before the replace')
      expect((await b.cases.list()).map((c) => c.id).sort()).toEqual([both.caseId, CASE].sort())
      // Open documents of the replaced case were retired: an edit now lands in the new case, not the old file.
      await b.evidence.update(CASE, orig.evidence[0].id, { description: 'after replace' })
      expect((await b.cases.snapshot(CASE)).evidence[0].description).toBe('after replace')
      expect(JSON.parse(await readFile(join(trashed, 'case.json'), 'utf8'))).toEqual(trashedCase)
      expect((await b.check.run()).problems).toEqual([])
      expect(await b.evidence.verify()).toMatchObject({ ok: true })
    } finally {
      await b.close()
    }
  })

  it('a selection says what it leaves out; the items left out do not travel', async () => {
    const clip = 'evidence_sample_clip'
    const { root, a, out, exported } = await demoBundle({ leaveOut: [clip] })
    const clipSha = (await a.evidence.get(CASE, clip)).file!.sha256
    await a.close()
    expect(exported.leftOut).toEqual([{ evidenceId: clip, kind: 'video', hadFile: true }])
    const { manifest, files: entries } = await partsOf(out)
    expect(manifest.leftOut).toEqual(exported.leftOut)
    expect(entries.map((e) => e.name)).not.toContain(`blobs/${clipSha}`)
    expect(entries.map((e) => e.name)).not.toContain(`annotations/${clip}.json`)
    expect(entries.map((e) => e.name)).not.toContain(`custody/${clip}.json`)
    const b = await openWorkspace(join(root, 'b'))
    try {
      expect((await b.bundles.inspect(out)).leftOut).toEqual(exported.leftOut)
      const r = await b.bundles.import(out)
      expect(r.leftOut).toEqual(exported.leftOut)
      await expect(b.evidence.get(CASE, clip)).rejects.toThrow(/No evidence item/)
      expect(existsSync(join(root, 'b', 'blobs', clipSha))).toBe(false)
      expect((await b.check.run()).problems).toEqual([])
      expect(await b.evidence.verify()).toMatchObject({ ok: true })
      await expect(
        b.bundles.export({ caseId: CASE, outPath: join(root, 'x.casefile'), leaveOut: ['nope'] }),
      ).rejects.toThrow(/No evidence item "nope"/)
    } finally {
      await b.close()
    }
  })

  it('keeps a blob already present (not copied twice) and never overwrites a library excerpt with other text', async () => {
    const { root, a, out } = await demoBundle()
    const clip = await a.evidence.get(CASE, 'evidence_sample_clip')
    const linked = await a.statutes.list({ caseId: CASE })
    await a.close()
    const b = await openWorkspace(join(root, 'b'))
    try {
      // The receiving side already holds the clip's bytes (as its own evidence) and an excerpt under the same id.
      const c = await b.cases.create({ title: 'Other case' })
      const copy = join(root, 'clip.webm')
      await writeFile(copy, await readFile(join(root, 'a', 'blobs', clip.file!.sha256)))
      await b.evidence.importFile(c.id, copy)
      const blobPath = join(root, 'b', 'blobs', clip.file!.sha256)
      const before = await stat(blobPath)
      const mine = await b.library.importMany([{ ...linked[0], text: 'Another text under the same id.' }])

      const r = await b.bundles.import(out)
      expect(r.blobsAlreadyPresent).toBe(1)
      const after = await stat(blobPath)
      expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])

      expect(r.statutesRenamed).toBe(1)
      expect(await b.library.get(mine[0].id)).toEqual(mine[0])
      const ids = await b.cases.linkedStatuteIds(CASE)
      expect(ids).not.toContain(linked[0].id)
      const arrived = await b.library.getMany(ids)
      expect(arrived.find((s) => s.text === linked[0].text)).toBeDefined()
      // Annotations citing the excerpt follow it to its new id.
      const cited = (await b.annotations.list(CASE, 'evidence_sample_clip')).flatMap((x) => x.statuteIds)
      expect(cited).not.toContain(linked[0].id)
      expect((await b.check.run()).problems).toEqual([])
      expect(await b.evidence.verify()).toMatchObject({ ok: true })

      // Imported again, the excerpt finds its text already here under the new id: reused, not added twice.
      const again = await b.bundles.import(out, { onClash: 'keep-both' })
      expect(again).toMatchObject({ statutesReused: 1, statutesRenamed: 0 })
      expect(await b.cases.linkedStatuteIds(again.caseId)).toEqual(ids)
    } finally {
      await b.close()
    }
  })

  it('cancelling an export leaves no file; cancelling an import changes nothing', async () => {
    const root = await tempDir('casefile-bundle-')
    const a = await openWorkspace(join(root, 'a'))
    const c = await a.cases.create({ title: 'Large', reference: 'BIG-1' })
    const big = join(root, 'big.bin')
    await writeFile(big, randomBytes(24 * 1024 * 1024))
    await a.evidence.importFile(c.id, big, { title: 'Big file' })
    const out = join(root, 'out', 'big.casefile')
    const stopped = await a.bundles
      .export({
        caseId: 'BIG-1',
        outPath: out,
        taskId: 'exp',
        onProgress: () => a.tasks.cancel('exp'),
      })
      .catch((e: AppError) => e)
    expect(stopped).toMatchObject({ code: 'CANCELLED' })
    expect(await files(join(root, 'out'))).toEqual([])
    const custody = (await a.cases.snapshot(c.id)).evidence[0].custody.map((x) => x.action)
    expect(custody).not.toContain('exported')

    await a.bundles.export({ caseId: 'BIG-1', outPath: out })
    await a.close()
    const b = await openWorkspace(join(root, 'b'))
    try {
      const before = await snapshotTree(join(root, 'b'))
      const e = await b.bundles
        .import(out, { taskId: 'imp', onProgress: (_l, done) => done > 0 && b.tasks.cancel('imp') })
        .catch((x: AppError) => x)
      expect(e).toMatchObject({ code: 'CANCELLED' })
      expect(diffTrees(before, await snapshotTree(join(root, 'b')))).toEqual([])
      await b.bundles.import(out)
      expect((await b.cases.list()).map((x) => x.reference)).toEqual(['BIG-1'])
    } finally {
      await b.close()
    }
  })

  const STEPS: ImportStep[] = ['stage', 'place-blobs', 'statutes', 'move-in', 'custody', 'done']
  it.each(STEPS)('a failure at "%s" leaves nothing half-imported', async (failAt) => {
    const { root, a, out } = await demoBundle()
    await a.close()
    const b = await openWorkspace(join(root, 'b'))
    try {
      // A case already here, to be replaced: it must come back whole when the import fails.
      await b.bundles.import(out)
      await b.evidence.update(CASE, 'evidence_video', { title: 'Mine, edited' })
      const casesBefore = await snapshotTree(join(root, 'b', 'cases'))
      const listBefore = await b.cases.list()
      const libBefore = await b.library.list()
      const bundles = createBundlesService(b.ctx, b, {
        step: (s) => {
          if (s === failAt) throw new Error(`stopped at ${s}`)
        },
      })
      await expect(bundles.import(out, { onClash: 'replace' })).rejects.toThrow(`stopped at ${failAt}`)
      expect(diffTrees(casesBefore, await snapshotTree(join(root, 'b', 'cases')))).toEqual([])
      expect(await b.cases.list()).toEqual(listBefore)
      expect(await b.library.list()).toEqual(libBefore)
      expect(await b.trash.list()).toEqual([])
      expect(await files(join(root, 'b', 'trash'))).toEqual(
        existsSync(join(root, 'b', 'trash', 'trash.json')) ? ['trash.json'] : [],
      )
      expect(await files(join(root, 'b', 'bundles'))).not.toContain('staging')
      expect((await b.evidence.get(CASE, 'evidence_video')).title).toBe('Mine, edited')
      expect((await b.check.run()).problems).toEqual([])
      expect(await b.evidence.verify()).toMatchObject({ ok: true })
      // And the same import then succeeds.
      const r = await b.bundles.import(out, { onClash: 'replace' })
      expect(r.clash).toBe('replace')
    } finally {
      await b.close()
    }
  })

  it('a read-only workspace neither exports nor imports', async () => {
    const { root, a, out } = await demoBundle()
    await a.close()
    const ro = await openWorkspace(join(root, 'a'), { readOnly: true })
    try {
      await expect(ro.bundles.export({ caseId: CASE, outPath: join(root, 'again.casefile') })).rejects.toMatchObject({
        code: 'READ_ONLY',
      })
      await expect(ro.bundles.import(out, { onClash: 'keep-both' })).rejects.toMatchObject({ code: 'READ_ONLY' })
      expect((await ro.bundles.inspect(out)).signer).toMatchObject({ trust: 'known', own: true })
    } finally {
      await ro.close()
    }
  })
})
