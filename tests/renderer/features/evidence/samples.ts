import type { Annotation, EvidenceItem } from '@shared/domain'

const SHA = 'a'.repeat(64)
export const AT = '2026-01-27T17:00:00.000Z'

export const videoItem = (over: Partial<EvidenceItem> = {}): EvidenceItem => ({
  id: 'ev_video',
  kind: 'video',
  title: 'Video of the exchange at the door',
  description: '',
  sourceUrl: 'https://social.example/post/1',
  file: { sha256: SHA, size: 1234, mediaType: 'video/webm', originalName: 'door.webm' },
  capturedBy: 'Analyst',
  verification: {
    status: 'disputed',
    reasoning: 'Two outlets dispute the date.',
    source: { status: 'unverified', reasoning: '' },
    technical: { status: 'verified', reasoning: 'No re-encoding found.' },
    content: { status: 'unverified', reasoning: '' },
  },
  sourceReliability: 'B',
  informationCredibility: '3',
  custody: [
    { at: AT, actor: 'Analyst', action: 'imported', sha256: SHA, detail: 'Imported "door.webm".' },
    { at: '2026-02-01T09:00:00.000Z', actor: 'Analyst', action: 'hash verified', sha256: SHA, detail: '' },
  ],
  eventIds: [],
  tags: [],
  createdAt: AT,
  updatedAt: AT,
  ...over,
})

export const timeAnnotation = (id: string, start: number, end = start, text = ''): Annotation => ({
  id,
  evidenceId: 'ev_video',
  target: { type: 'time', start, end },
  text,
  tags: [],
  eventIds: [],
  statuteIds: [],
  createdAt: AT,
  updatedAt: AT,
})
