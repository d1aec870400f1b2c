/**
 * The item editor's draft: every field as the inputs hold it (dates as
 * "YYYY-MM-DDTHH:mm" wall-clock text in the zone `tz` the user picked), and the
 * patch that takes the saved item to it. Items store instants; the zone is only
 * how they are typed and read. Only fields that differ are sent, so an untouched
 * date keeps its seconds.
 */
import {
  instantToLocal,
  localToInstant,
  type EvidenceItem,
  type EvidenceKind,
  type VerificationStatus,
} from '@shared/domain'
import type { EvidencePatch } from '@shared/domain'
import { i18n } from '@renderer/lib/i18n'

export const CHECKS = ['source', 'technical', 'content'] as const
export type CheckName = (typeof CHECKS)[number]

/** The fields of an item that can be kept out of a release copy one by one. */
export const WITHHOLD_FIELDS = ['title', 'description', 'sourceUrl', 'capturedBy'] as const
export type WithholdField = (typeof WITHHOLD_FIELDS)[number]

export interface WithholdForm {
  /** Not for release at all. */
  on: boolean
  reason: string
  /** 'item': the whole item; 'fields': only the fields chosen. */
  scope: 'item' | 'fields'
  fields: WithholdField[]
}

export interface CheckForm {
  status: VerificationStatus
  reasoning: string
}

export interface EvidenceForm {
  kind: EvidenceKind
  title: string
  description: string
  sourceUrl: string
  capturedAt: string
  capturedBy: string
  publishedAt: string
  eventDate: string
  verification: CheckForm & Record<CheckName, CheckForm>
  sourceReliability: string
  informationCredibility: string
  eventIds: string[]
  tags: string[]
  withhold: WithholdForm
  /** The zone the dates are shown and typed in (not stored on the item). */
  tz: string
  /** The stored instants the date texts were drawn from: a zone switch redraws from these, not from text. */
  saved: Partial<Record<DateField, string>>
}

const DATE_FIELDS = ['capturedAt', 'publishedAt', 'eventDate'] as const
type DateField = (typeof DATE_FIELDS)[number]

export function formOf(item: EvidenceItem, tz = 'UTC'): EvidenceForm {
  const local = (iso: string | undefined) => (iso ? instantToLocal(iso, tz) : '')
  const v = item.verification
  return {
    kind: item.kind,
    title: item.title,
    description: item.description,
    sourceUrl: item.sourceUrl,
    capturedAt: local(item.capturedAt),
    capturedBy: item.capturedBy,
    publishedAt: local(item.publishedAt),
    eventDate: local(item.eventDate),
    verification: {
      status: v.status,
      reasoning: v.reasoning,
      source: { ...v.source },
      technical: { ...v.technical },
      content: { ...v.content },
    },
    sourceReliability: item.sourceReliability ?? '',
    informationCredibility: item.informationCredibility ?? '',
    eventIds: [...item.eventIds],
    tags: [...item.tags],
    withhold: withholdOf(item),
    tz,
    saved: savedOf(item),
  }
}

const withholdOf = (item: EvidenceItem): WithholdForm => ({
  on: !!item.withhold,
  reason: item.withhold?.reason ?? '',
  scope: item.withhold?.fields.length ? 'fields' : 'item',
  fields: [...(item.withhold?.fields ?? [])],
})

const sameWithhold = (a: WithholdForm, b: WithholdForm) =>
  a.on === b.on && (!a.on || (a.reason === b.reason && a.scope === b.scope && sameList(a.fields, b.fields)))

const savedOf = (item: EvidenceItem): EvidenceForm['saved'] => ({
  capturedAt: item.capturedAt,
  publishedAt: item.publishedAt,
  eventDate: item.eventDate,
})

/** The form compared against from now on: the texts as they are, the instants as stored. */
export const withSaved = (form: EvidenceForm, item: EvidenceItem): EvidenceForm => ({ ...form, saved: savedOf(item) })

/** The stored instant of `f` as wall-clock text in `tz` ('' when there is none). */
const shown = (form: EvidenceForm, f: DateField, tz: string) => {
  const instant = form.saved[f]
  return instant ? instantToLocal(instant, tz) : ''
}

/**
 * The draft with its dates shown in another zone. A date still as stored is redrawn
 * from its instant: going through the text would pick the wrong one of the two
 * instants a repeated hour (clocks going back) can mean. Typed text is converted.
 */
export function inZone(form: EvidenceForm, tz: string): EvidenceForm {
  const out = { ...form, tz }
  for (const f of DATE_FIELDS) {
    if (form[f] === shown(form, f, form.tz)) out[f] = shown(form, f, tz)
    else {
      const instant = form[f] && localToInstant(form[f], form.tz)
      out[f] = instant ? instantToLocal(instant, tz) : form[f]
    }
  }
  return out
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** Throws an Error whose message tells the user what to fix; the draft stays as typed. */
export function patchOf(base: EvidenceForm, next: EvidenceForm): EvidencePatch {
  const patch: EvidencePatch = {}
  if (next.kind !== base.kind) patch.kind = next.kind
  if (next.title !== base.title) {
    if (!next.title.trim()) throw new Error(i18n.t('evidence:form.titleEmpty'))
    patch.title = next.title
  }
  if (next.description !== base.description) patch.description = next.description
  if (next.sourceUrl !== base.sourceUrl) patch.sourceUrl = next.sourceUrl.trim()
  if (next.capturedBy !== base.capturedBy) patch.capturedBy = next.capturedBy
  for (const f of DATE_FIELDS) {
    // A date still showing its stored instant (in whatever zone) is no change, and keeps its seconds.
    if (next[f] === shown(base, f, next.tz)) continue
    if (!next[f]) {
      patch[f] = null
      continue
    }
    const instant = localToInstant(next[f], next.tz)
    if (!instant) throw new Error(i18n.t('evidence:form.dateIncomplete', { field: i18n.t(`evidence:details.${f}`) }))
    patch[f] = instant
  }
  const vb = base.verification
  const vn = next.verification
  const verification: NonNullable<EvidencePatch['verification']> = {}
  if (vn.status !== vb.status) verification.status = vn.status
  if (vn.reasoning !== vb.reasoning) verification.reasoning = vn.reasoning
  for (const c of CHECKS) {
    if (vn[c].status !== vb[c].status || vn[c].reasoning !== vb[c].reasoning) verification[c] = { ...vn[c] }
  }
  if (Object.keys(verification).length) patch.verification = verification
  if (next.sourceReliability !== base.sourceReliability)
    patch.sourceReliability = (next.sourceReliability || null) as EvidencePatch['sourceReliability']
  if (next.informationCredibility !== base.informationCredibility)
    patch.informationCredibility = (next.informationCredibility || null) as EvidencePatch['informationCredibility']
  if (!sameList(next.eventIds, base.eventIds)) patch.eventIds = next.eventIds
  if (!sameList(next.tags, base.tags)) patch.tags = next.tags
  if (!sameWithhold(next.withhold, base.withhold)) {
    const w = next.withhold
    if (w.on && w.scope === 'fields' && !w.fields.length) throw new Error(i18n.t('evidence:form.withholdNoFields'))
    patch.withhold = w.on ? { reason: w.reason.trim(), fields: w.scope === 'fields' ? w.fields : [] } : null
  }
  return patch
}
