/**
 * Helping a person verify an item, over what the evidence service keeps with it
 * (`analysis`): the inspection of one item (metadata, warnings against the
 * claims as they stand now, Content Credentials, near-duplicates across the
 * workspace, the sun then and there), the near-duplicates of a case, and
 * re-reading files imported before. Owns no file: the evidence service remains
 * the only writer of evidence records.
 */
import { appError, worded } from '@shared/i18n/appError'
import {
  factInstant,
  factOf,
  gpsOf,
  ItemInspection,
  RereadOutcome,
  VerificationSettings,
  type DuplicateMatch,
  type DuplicatePair,
  type EvidenceItem,
  type SunRequest,
  type TimePlaceAid,
} from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { SAFE_ID } from '@main/storage/layout'
import type { CasesService } from '../cases/casesService'
import type { EvidenceService } from '../evidence/evidenceService'
import type { ProgressReport, TaskRegistry } from '../tasks'
import type { WorkspaceService } from '../workspace/workspaceService'
import type { Analyser } from './analyser'
import { compare, printedOf, type Printed } from './match'
import { sunAt, zoneAt } from './sun'

export interface VerificationDeps {
  workspace: WorkspaceService
  cases: CasesService
  evidence: EvidenceService
  analyser?: Analyser
  tasks: TaskRegistry
}

export function createVerificationService({ workspace, cases, evidence, analyser, tasks }: VerificationDeps) {
  const records = cases.evidenceRecords

  /** Every item of the workspace (or of the cases named) that can be matched. */
  async function printed(caseIds?: string[]): Promise<Printed[]> {
    const out: Printed[] = []
    for (const c of caseIds ?? (await cases.list()).map((c) => c.id)) {
      // A case whose file cannot be read is reported by check; the others are still searched.
      const items = await records.list(c).catch(() => [] as readonly EvidenceItem[])
      for (const item of items) {
        const p = printedOf(c, item)
        if (p) out.push(p)
      }
    }
    return out
  }

  function matchesAgainst(me: Printed, all: Printed[]): DuplicateMatch[] {
    return all.filter((o) => !(o.caseId === me.caseId && o.evidenceId === me.evidenceId)).flatMap((o) => compare(me, o))
  }

  return {
    /** The case holding an item, by the item's id alone (or within `caseRef`, a case id or reference). */
    async locate(evidenceId: string, caseRef?: string): Promise<string> {
      if (caseRef) {
        const caseId = await cases.resolve(caseRef)
        await records.get(caseId, evidenceId)
        return caseId
      }
      const found: string[] = []
      if (SAFE_ID.test(evidenceId))
        for (const c of await cases.list()) {
          const items = await records.list(c.id).catch(() => [] as readonly EvidenceItem[])
          if (items.some((i) => i.id === evidenceId)) found.push(c.id)
        }
      if (found.length === 1) return found[0]
      if (found.length > 1)
        throw appError('CONFLICT', 'errMedia:casesHoldEvidenceItem', {
          foundCount: found.length,
          foundList: found.join(', '),
          evidenceId,
        })
      throw appError('NOT_FOUND', 'errMedia:noEvidenceItemId2', { evidenceId })
    },

    /** Everything the technical check can show about one item, the warnings worked out against its claims now. */
    async inspect(caseId: string, evidenceId: string): Promise<ItemInspection> {
      const item = await evidence.get(caseId, evidenceId)
      const settings = (await workspace.settings()).verification
      const notes: string[] = []
      const a = item.analysis
      let warnings: ItemInspection['warnings'] = []
      let claims: ItemInspection['claims'] = []
      const examining = evidence.examiningLater(caseId, evidenceId)
      if (a && analyser) ({ warnings, claims } = await analyser.warningsFor(caseId, item, a))
      else if (!item.file) notes.push('The item holds no file: there is nothing to examine.')
      else if (examining) notes.push('The file is being examined now: look again in a moment.')
      else
        notes.push(
          'The file has not been examined here (imported before Casefile read files, or received in a bundle, whose sender reading is not taken on trust): re-read it.',
        )
      if (a && a.sha256 !== item.file?.sha256)
        notes.push('The examination is of a different file than the one the item now holds: re-read it.')
      if (a && a.fingerprint.status === 'skipped' && a.fingerprint.reason)
        notes.push(`No fingerprint: ${a.fingerprint.reason}.`)

      const me = printedOf(caseId, item)
      const duplicates = me ? matchesAgainst(me, await printed()) : []

      const aids: TimePlaceAid[] = []
      const gps = a ? gpsOf(a.metadata.facts) : null
      for (const c of claims) {
        if (!c.at) continue
        if (c.place)
          aids.push({
            basis: `${c.label}: its time at its place${c.place.label ? ` (${c.place.label})` : ''}`,
            from: 'claim-place',
            claim: c,
            sun: sunAt({ at: c.at, latitude: c.place.latitude, longitude: c.place.longitude }),
          })
        else if (gps)
          aids.push({
            basis: `${c.label}: its time at the file’s GPS position`,
            from: 'claim-gps',
            claim: c,
            sun: sunAt({ at: c.at, latitude: gps.latitude, longitude: gps.longitude }),
          })
      }
      if (a && gps) {
        const capture = factOf(a.metadata.facts, 'captureTime')
        const ms = capture ? factInstant(capture.value, zoneAt(gps.latitude, gps.longitude) ?? undefined) : null
        if (ms !== null)
          aids.push({
            basis: 'the file’s own capture time and GPS position',
            from: 'file',
            sun: sunAt({ at: new Date(ms).toISOString(), latitude: gps.latitude, longitude: gps.longitude }),
          })
      }
      return ItemInspection.parse({
        caseId,
        evidenceId,
        title: item.title,
        kind: item.kind,
        sha256: item.file?.sha256,
        analysis: a,
        warnings,
        claims,
        duplicates,
        aids,
        settings: { timeMarginMinutes: settings.timeMarginMinutes, placeRadiusKm: settings.placeRadiusKm },
        notes,
        examining,
      })
    },

    /** Near-duplicates of the items of a case (or of every case) anywhere in the workspace; each pair once. */
    async duplicates(caseId?: string): Promise<DuplicatePair[]> {
      if (caseId) await cases.assertExists(caseId)
      const all = await printed()
      const scope = caseId ? all.filter((p) => p.caseId === caseId) : all
      const key = (p: { caseId: string; evidenceId: string }) => `${p.caseId}/${p.evidenceId}`
      const order = new Map(all.map((p, i) => [key(p), i]))
      const out: DuplicatePair[] = []
      for (const me of scope) {
        const mine = order.get(key(me))!
        const inScope = (m: DuplicateMatch) => scope.some((s) => key(s) === key(m))
        // A pair inside the scope is listed from its first item only.
        const matches = matchesAgainst(me, all).filter((m) => !inScope(m) || order.get(key(m))! > mine)
        if (matches.length) out.push({ a: { caseId: me.caseId, evidenceId: me.evidenceId, title: me.title }, matches })
      }
      return out
    },

    /**
     * Reads the files of items again: one item, a case's items, or every item
     * of the workspace. One item's failure is reported and the rest go on.
     */
    async reread(
      target: { caseId?: string; evidenceId?: string },
      opts: { taskId?: string; onProgress?: ProgressReport } = {},
    ): Promise<RereadOutcome> {
      const list: { caseId: string; item: EvidenceItem }[] = []
      if (target.evidenceId) {
        if (!target.caseId) throw appError('VALIDATION', 'errMedia:nameCaseItemRe')
        list.push({ caseId: target.caseId, item: await evidence.get(target.caseId, target.evidenceId) })
      } else {
        for (const c of target.caseId ? [target.caseId] : (await cases.list()).map((c) => c.id))
          for (const item of await records.list(c)) list.push({ caseId: c, item })
      }
      const items: RereadOutcome['items'] = []
      await tasks.run(opts.taskId, async (signal) => {
        for (const [n, { caseId, item }] of list.entries()) {
          opts.onProgress?.(
            worded('errMedia:progress.reading', { n: n + 1, count: list.length, title: item.title }),
            n,
            list.length,
          )
          const base = { caseId, evidenceId: item.id, title: item.title }
          if (!item.file) {
            items.push({ ...base, status: 'no file', warnings: 0, reason: '' })
            continue
          }
          try {
            const out = await evidence.reexamine(caseId, item.id, signal)
            items.push({
              ...base,
              status: 'read',
              metadata: out.analysis?.metadata.status,
              c2pa: out.analysis?.c2pa.status,
              warnings: out.analysis?.warnings.length ?? 0,
              reason: out.analysis?.metadata.reason ?? '',
            })
          } catch (e) {
            if (signal?.aborted) throw e
            items.push({ ...base, status: 'failed', warnings: 0, reason: messageOf(e) })
          }
        }
        opts.onProgress?.(worded('errMedia:progress.read'), list.length, list.length)
      })
      return RereadOutcome.parse({ items })
    },

    /** The sun's elevation and azimuth at a time and place, and the place's zone and local time. */
    sun: (req: SunRequest) => sunAt(req),

    /** The verification settings in force (margins; how many trust anchors). */
    async settings(): Promise<VerificationSettings> {
      return (await workspace.settings()).verification
    },
  }
}
export type VerificationService = ReturnType<typeof createVerificationService>
