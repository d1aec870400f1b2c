/**
 * Id rewriting for an imported case. Keeping both cases gives every record of
 * the incoming one a new id; a library excerpt whose id is taken by other text
 * gets a new id too. Every reference follows: events to actors and evidence,
 * evidence to events and to the item a still or clip was made from, issues to
 * events, evidence and excerpts, annotations to their item, events and excerpts,
 * briefings to the version they came back from clearance as, citations in
 * briefings and notes to whatever they cite.
 */
import type { Annotation, Briefing, CaseFile, RichText } from '@shared/domain'

export interface IdMaps {
  caseId: string
  actors: Map<string, string>
  events: Map<string, string>
  evidence: Map<string, string>
  notes: Map<string, string>
  issues: Map<string, string>
  annotations: Map<string, string>
  briefings: Map<string, string>
  statutes: Map<string, string>
}

export const emptyMaps = (caseId: string): IdMaps => ({
  caseId,
  actors: new Map(),
  events: new Map(),
  evidence: new Map(),
  notes: new Map(),
  issues: new Map(),
  annotations: new Map(),
  briefings: new Map(),
  statutes: new Map(),
})

const via = (m: Map<string, string>) => (id: string) => m.get(id) ?? id

/** A copy of a rich-text body with every citation node's target ids rewritten (iterative: no depth limit). */
export function remapRichText(body: RichText, maps: IdMaps): RichText {
  const out = structuredClone(body)
  const stack: unknown[] = [out]
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    const n = node as { type?: unknown; attrs?: Record<string, unknown>; content?: unknown }
    if (n.type === 'citation' && n.attrs && typeof n.attrs.id === 'string') {
      const a = n.attrs
      const id = a.id as string
      if (a.target === 'evidence') a.id = via(maps.evidence)(id)
      else if (a.target === 'event') a.id = via(maps.events)(id)
      else if (a.target === 'statute') a.id = via(maps.statutes)(id)
      else if (a.target === 'annotation') a.id = via(maps.annotations)(id)
      if (typeof a.evidenceId === 'string') a.evidenceId = via(maps.evidence)(a.evidenceId)
    }
    if (Array.isArray(n.content)) for (const c of n.content) stack.push(c)
  }
  return out
}

type CaseContent = Omit<CaseFile, 'schemaVersion'>

export function remapCase(c: CaseContent, maps: IdMaps): CaseContent {
  const actor = via(maps.actors)
  const event = via(maps.events)
  const evidence = via(maps.evidence)
  return {
    case: { ...c.case, id: maps.caseId },
    actors: c.actors.map((a) => ({ ...a, id: actor(a.id) })),
    events: c.events.map((e) => ({
      ...e,
      id: event(e.id),
      actorIds: e.actorIds.map(actor),
      evidenceIds: e.evidenceIds.map(evidence),
    })),
    // What the sender's Casefile read from a file (metadata, Content Credentials, fingerprint) is not
    // taken on its word: the item arrives unexamined, and Read the file again (or evidence reread) reads it here.
    evidence: c.evidence.map(({ analysis: _sendersReading, ...x }) => ({
      ...x,
      id: evidence(x.id),
      eventIds: x.eventIds.map(event),
      ...(x.derivedFrom ? { derivedFrom: { ...x.derivedFrom, evidenceId: evidence(x.derivedFrom.evidenceId) } } : {}),
    })),
    notes: c.notes.map((n) => ({ ...n, id: via(maps.notes)(n.id), body: remapRichText(n.body, maps) })),
    issues: c.issues.map((i) => ({
      ...i,
      id: via(maps.issues)(i.id),
      eventIds: i.eventIds.map(event),
      evidenceIds: i.evidenceIds.map(evidence),
      statuteIds: i.statuteIds.map(via(maps.statutes)),
    })),
    statuteIds: c.statuteIds.map(via(maps.statutes)),
  }
}

export function remapAnnotation(a: Annotation, maps: IdMaps): Annotation {
  return {
    ...a,
    id: via(maps.annotations)(a.id),
    evidenceId: via(maps.evidence)(a.evidenceId),
    eventIds: a.eventIds.map(via(maps.events)),
    statuteIds: a.statuteIds.map(via(maps.statutes)),
  }
}

export function remapBriefing(b: Briefing, maps: IdMaps): Briefing {
  return {
    ...b,
    id: via(maps.briefings)(b.id),
    body: remapRichText(b.body, maps),
    ...(b.clearance
      ? { clearance: { ...b.clearance, fromBriefingId: via(maps.briefings)(b.clearance.fromBriefingId) } }
      : {}),
  }
}
