import type { CaseStatus } from '@shared/domain'

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  monitoring: 'Monitoring',
  closed: 'Closed',
  archived: 'Archived',
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e))
