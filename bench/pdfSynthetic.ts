/**
 * A synthetic long memo for the PDF benchmark: many numbered sections with
 * citations of every kind, lists and quotes, 60 exhibits with hashes, a big
 * timeline and several statute excerpts. Seeded, so every run draws the same memo.
 */
import { createHash } from 'node:crypto'
import type { MemoInput } from '@main/pdf/index'
import { EvidenceItem, MemoHeader, type StatuteExcerpt, type TimelineEvent } from '@shared/domain'

const WORDS = (
  'consular premises inviolable receiving state authorities consent head post mission protest note ministry ' +
  'embassy officer entrance staff protocol video verification source account statement operation federal ' +
  'immigration enforcement guarantees non-repetition bilateral talks Cancillería Sommerfeld Quito Minneapolis ' +
  'convention article paragraph duty protect intrusion damage disturbance peace dignity requisition defence ' +
  'the of and to in a that is was for on with as by at from this which be not have has are were their its'
).split(' ')

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export function syntheticMemo(opts: { sections?: number; events?: number; evidence?: number } = {}): MemoInput {
  const rand = rng(42)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS))
    w[0] = w[0][0].toUpperCase() + w[0].slice(1)
    return `${w.join(' ')}.`
  }
  const at = '2026-01-28T00:00:00.000Z'
  // Records go through their schemas, so defaults fill what the bench does not choose.
  const evidence: EvidenceItem[] = Array.from({ length: opts.evidence ?? 60 }, (_, i) =>
    EvidenceItem.parse({
      id: `ev_${i}`,
      kind: pick(['video', 'image', 'document', 'web page', 'social post'] as const),
      title: `${sentence(6).slice(0, -1)} (item ${i + 1})`,
      description: '',
      sourceUrl: `https://example.org/archive/${i}/${sentence(3).replace(/\W+/g, '-').toLowerCase()}`,
      file: {
        sha256: createHash('sha256').update(`file ${i}`).digest('hex'),
        size: 1000 + i * 7919,
        mediaType: 'video/mp4',
        originalName: `clip-${i}.mp4`,
      },
      capturedBy: 'analyst',
      verification: {
        status: pick(['unverified', 'partially verified', 'verified', 'disputed'] as const),
        reasoning: '',
        source: { status: 'unverified', reasoning: '' },
        technical: { status: 'unverified', reasoning: '' },
        content: { status: 'unverified', reasoning: '' },
      },
      sourceReliability: pick(['A', 'B', 'C', 'F'] as const),
      informationCredibility: pick(['1', '2', '3'] as const),
      createdAt: at,
      updatedAt: at,
    }),
  )
  const zones = ['America/Chicago', 'America/Guayaquil', 'Europe/Madrid', 'America/New_York']
  const events: TimelineEvent[] = Array.from({ length: opts.events ?? 400 }, (_, i) => ({
    id: `event_${String(i).padStart(4, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 5).toISOString(),
    tz: pick(zones),
    precision: pick(['exact', 'approximate', 'day'] as const),
    title: sentence(10),
    description: sentence(18),
    location: pick(['Minneapolis, Minnesota', 'Quito, Ecuador', 'Washington, D.C.']),
    actorIds: [],
    evidenceIds: [`ev_${i % 60}`],
    sources: [],
    tags: [],
  }))
  const statutes: StatuteExcerpt[] = Array.from({ length: 8 }, (_, i) => ({
    id: `st_${i}`,
    instrument: 'Vienna Convention on Consular Relations',
    shortName: 'VCCR',
    year: 1963,
    article: String(30 + i),
    paragraph: '',
    heading: sentence(4).slice(0, -1),
    text: Array.from({ length: 4 }, (_, p) => `${p + 1}. ${sentence(30)} ${sentence(24)}`).join('\n'),
    source: 'United Nations, Treaty Series, vol. 596, p. 261',
    jurisdiction: 'International',
    language: 'en',
    tags: [],
    createdAt: at,
    updatedAt: at,
  }))

  const t = (text: string, marks?: { type: string }[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) })
  let citeN = 0
  const cite = () => {
    const k = citeN++ % 4
    if (k === 0 || k === 3)
      return { type: 'citation', attrs: { target: 'evidence', id: pick(evidence).id, pinpoint: '' } }
    if (k === 1)
      return {
        type: 'citation',
        attrs: { target: 'statute', id: pick(statutes).id, pinpoint: String(1 + Math.floor(rand() * 4)) },
      }
    return { type: 'citation', attrs: { target: 'event', id: pick(events).id, pinpoint: '' } }
  }
  const paragraph = () => ({
    type: 'paragraph',
    content: [
      t(`${sentence(14)} `),
      t(sentence(6), [{ type: 'bold' }]),
      t(` ${sentence(22)}`),
      cite(),
      t(` ${sentence(16)}`),
      t(` ${sentence(8)}`, [{ type: 'italic' }]),
    ],
  })
  const content: unknown[] = []
  for (let s = 0; s < (opts.sections ?? 40); s++) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [t(sentence(5).slice(0, -1))] })
    content.push(paragraph())
    for (let sub = 0; sub < 2; sub++) {
      content.push({ type: 'heading', attrs: { level: 3 }, content: [t(sentence(4).slice(0, -1))] })
      content.push(paragraph(), paragraph())
    }
    if (s % 3 === 0) {
      content.push({
        type: 'bulletList',
        content: Array.from({ length: 4 }, () => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [t(sentence(12)), cite()] }],
        })),
      })
    }
    if (s % 4 === 1) content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: [t(sentence(30))] }] })
  }

  return {
    briefing: {
      id: 'briefing_bench',
      title: 'Synthetic long memo',
      template: 'briefing memo',
      language: 'en',
      header: {
        ...MemoHeader.parse({}),
        to: 'Minister of Foreign Affairs and Human Mobility',
        from: 'Directorate for North America — desk officer',
        date: '28 January 2026',
        subject: 'Consolidated analysis of the consular premises incidents (benchmark)',
        reference: 'ECU-USA-2026-001',
        classification: 'SENSITIVE BUT UNCLASSIFIED',
      },
      body: { type: 'doc', content },
      status: 'draft',
      exports: [],
      createdAt: at,
      updatedAt: at,
    },
    detail: {
      case: {
        id: 'case_bench',
        title: 'Consular premises incidents',
        reference: 'ECU-USA-2026-001',
        summary: '',
        status: 'open',
        classification: 'SENSITIVE BUT UNCLASSIFIED',
        jurisdictions: [],
        tags: ['benchmark'],
        createdAt: at,
        updatedAt: at,
      },
      actors: [],
      events,
      evidence,
      notes: [],
      issues: [],
      statutes,
      briefings: [],
    },
    statutes,
    annotations: [],
  }
}
