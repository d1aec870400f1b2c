import demo from '@resources/demo/consulate-case.json'
import { EvidenceItem, StatuteExcerpt, TimelineEvent, type Annotation } from '@shared/domain'
import type { CitationSources } from '@shared/domain/citationDisplay'

const at = '2026-01-28T00:00:00.000Z'

/** The demo case's evidence, events and statute, parsed like main would store them. */
export function demoSources(): CitationSources {
  const evidence = demo.evidence.map((e) => EvidenceItem.parse({ ...e, createdAt: at, updatedAt: at }))
  const annotations: Annotation[] = [
    {
      id: 'annotation_door',
      evidenceId: 'evidence_video',
      target: { type: 'time', start: 12, end: 20.5 },
      text: 'Official says the building is consular space',
      tags: [],
      eventIds: [],
      statuteIds: [],
      createdAt: at,
      updatedAt: at,
    },
  ]
  return {
    evidence,
    annotations,
    events: demo.events.map((e) => TimelineEvent.parse(e)),
    statutes: demo.statutes.map((s) => StatuteExcerpt.parse({ ...s, createdAt: at, updatedAt: at })),
  }
}
