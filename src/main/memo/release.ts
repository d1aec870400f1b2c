/**
 * What a release copy (for another agency, a court, the public) must not carry:
 * passages the author marked as redacted, actors and evidence items (or some of
 * their fields) flagged as not for release. A renderer asks these rules about
 * every piece of case text it draws, so what is withheld never reaches the file:
 * each occurrence becomes a labelled bar ("[redacted — personal data]").
 */
import type { Actor, EvidenceItem, RichText } from '@shared/domain'
import type { Translate } from '@shared/i18n'

export interface ReleaseRules {
  /** Every reason given, for the export record and the custody log. */
  reasons: string[]
  /** The text with each withheld string replaced by a marker the renderer draws as a bar. */
  split(text: string): { text: string; withheld?: string }[]
  /** Plain text with withheld strings replaced by their labels (metadata, Word runs). */
  scrub(text: string): string
  /** The reason an evidence item is withheld whole, if it is. */
  withheldItem(evidenceId: string): string | undefined
}

/** "[redacted — personal data]" in the memo's language. */
export const redactionLabel = (reason: string, t: Translate<'memo'>) =>
  t('redacted', { reason: reason || t('redactedNoReason') })

/** The passages of a body marked as redacted, with their reasons. */
export function redactedPassages(body: RichText): { text: string; reason: string }[] {
  const out: { text: string; reason: string }[] = []
  const stack: unknown[] = [body]
  while (stack.length) {
    const n = stack.pop() as { type?: unknown; text?: unknown; marks?: unknown; content?: unknown } | null
    if (!n || typeof n !== 'object') continue
    if (n.type === 'text' && typeof n.text === 'string' && Array.isArray(n.marks)) {
      const mark = (n.marks as { type?: unknown; attrs?: { reason?: unknown } }[]).find((m) => m?.type === 'redaction')
      if (mark) out.push({ text: n.text, reason: typeof mark.attrs?.reason === 'string' ? mark.attrs.reason : '' })
    }
    if (Array.isArray(n.content)) for (const c of n.content) stack.push(c)
  }
  return out
}

const FIELDS = ['title', 'description', 'sourceUrl', 'capturedBy'] as const

/**
 * The rules for one briefing of one case. Withheld strings shorter than three
 * characters are not hunted elsewhere in the text (they would blank out words);
 * a marked passage of any length is still removed where it stands.
 */
export function releaseRules(input: {
  body: RichText
  actors: readonly Actor[]
  evidence: readonly EvidenceItem[]
  t: Translate<'memo'>
}): ReleaseRules {
  const strings = new Map<string, string>()
  const add = (s: string | undefined, reason: string) => {
    const v = s?.trim()
    if (v && v.length >= 3 && !strings.has(v.toLowerCase())) strings.set(v.toLowerCase(), reason)
  }
  const reasons = new Set<string>()
  for (const p of redactedPassages(input.body)) {
    add(p.text, p.reason)
    reasons.add(p.reason)
  }
  const items = new Map<string, string>()
  for (const a of input.actors)
    if (a.withhold) {
      add(a.name, a.withhold.reason)
      reasons.add(a.withhold.reason)
    }
  for (const e of input.evidence)
    if (e.withhold) {
      reasons.add(e.withhold.reason)
      const fields = e.withhold.fields.length ? e.withhold.fields : FIELDS
      if (!e.withhold.fields.length) items.set(e.id, e.withhold.reason)
      for (const f of fields) add(e[f], e.withhold.reason)
      if (!e.withhold.fields.length && e.file) add(e.file.originalName, e.withhold.reason)
    }
  // Longest first, so "Consul Juan Pérez" goes before "Juan Pérez".
  const patterns = [...strings.keys()].sort((a, b) => b.length - a.length)
  const re = patterns.length
    ? new RegExp(patterns.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu')
    : null
  const split = (text: string) => {
    if (!re || !text) return [{ text }]
    const out: { text: string; withheld?: string }[] = []
    let last = 0
    for (const m of text.matchAll(re)) {
      if (m.index > last) out.push({ text: text.slice(last, m.index) })
      const reason = strings.get(m[0].toLowerCase()) ?? ''
      out.push({ text: redactionLabel(reason, input.t), withheld: reason })
      last = m.index + m[0].length
    }
    if (last < text.length) out.push({ text: text.slice(last) })
    return out.length ? out : [{ text }]
  }
  return {
    reasons: [...reasons].map((r) => r || input.t('redactedNoReason')),
    split,
    scrub: (text) =>
      split(text)
        .map((p) => p.text)
        .join(''),
    withheldItem: (id) => items.get(id),
  }
}
