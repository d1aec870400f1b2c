import type { CaseStatus } from '@shared/domain'

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  monitoring: 'Monitoring',
  closed: 'Closed',
  archived: 'Archived',
}
