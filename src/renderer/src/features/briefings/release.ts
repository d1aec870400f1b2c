/**
 * What a release copy of a briefing will leave out, for the export dialog to list
 * before the user exports: the passages marked as redacted in the body, and the
 * actors and evidence items (or some of their fields) flagged not for release.
 * Main applies the same marks and flags when it writes the copy.
 */
import type { Actor, EvidenceItem, RichText } from '@shared/domain'

export type WithholdField = NonNullable<EvidenceItem['withhold']>['fields'][number]

export type Withheld =
  | { kind: 'passage'; text: string; reason: string }
  | { kind: 'actor'; name: string; reason: string }
  | { kind: 'item'; title: string; reason: string }
  | { kind: 'fields'; title: string; fields: WithholdField[]; reason: string }

/** The redacted passages of a body in reading order; neighbouring pieces of one passage are joined. */
export function redactedPassages(body: RichText): { text: string; reason: string }[] {
  const out: { text: string; reason: string }[] = []
  let open: { text: string; reason: string } | null = null
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: unknown; text?: unknown; marks?: unknown; content?: unknown }
    if (n.type === 'text' && typeof n.text === 'string') {
      const mark = Array.isArray(n.marks)
        ? (n.marks as { type?: unknown; attrs?: { reason?: unknown } }[]).find((m) => m?.type === 'redaction')
        : undefined
      if (!mark) {
        open = null
        return
      }
      const reason = typeof mark.attrs?.reason === 'string' ? mark.attrs.reason : ''
      if (open && open.reason === reason) open.text += n.text
      else {
        open = { text: n.text, reason }
        out.push(open)
      }
      return
    }
    // A block or an atom (a citation) ends a passage.
    open = null
    if (Array.isArray(n.content)) for (const c of n.content) walk(c)
    open = null
  }
  walk(body)
  return out
}

export function withheldFor(
  body: RichText,
  detail: { actors: readonly Actor[]; evidence: readonly EvidenceItem[] },
): Withheld[] {
  const out: Withheld[] = redactedPassages(body).map((p) => ({ kind: 'passage' as const, ...p }))
  for (const a of detail.actors) if (a.withhold) out.push({ kind: 'actor', name: a.name, reason: a.withhold.reason })
  for (const e of detail.evidence) {
    if (!e.withhold) continue
    if (e.withhold.fields.length)
      out.push({ kind: 'fields', title: e.title, fields: e.withhold.fields, reason: e.withhold.reason })
    else out.push({ kind: 'item', title: e.title, reason: e.withhold.reason })
  }
  return out
}
