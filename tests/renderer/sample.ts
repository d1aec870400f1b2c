import type { Case, CaseDetail } from '@shared/domain'

export const sampleCase = (over: Partial<Case> = {}): Case => ({
  id: 'case_1',
  title: 'Attempted entry into the consulate',
  reference: 'ECU-USA-2026-001',
  summary: 'An officer tried to enter.',
  status: 'open',
  classification: 'SENSITIVE BUT UNCLASSIFIED',
  jurisdictions: ['Ecuador'],
  tags: ['VCCR'],
  createdAt: '2026-01-27T17:00:00.000Z',
  updatedAt: '2026-01-27T17:00:00.000Z',
  ...over,
})

export const sampleDetail = (over: Partial<CaseDetail> = {}): CaseDetail => ({
  case: sampleCase(),
  actors: [],
  events: [],
  evidence: [],
  notes: [],
  issues: [],
  statutes: [],
  briefings: [],
  ...over,
})
