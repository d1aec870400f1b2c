import { useT } from '@renderer/lib/i18n'

/** Colour follows the usual marking conventions; anything unknown gets a neutral outline. */
export function classificationTone(marking: string): string {
  const m = marking.trim().toUpperCase()
  if (m.startsWith('TOP SECRET')) return 'top-secret'
  if (m.startsWith('SECRET')) return 'secret'
  if (m.startsWith('CONFIDENTIAL') || m.startsWith('CONFIDENCIAL')) return 'confidential'
  if (m.includes('SENSITIVE') || m.includes('RESTRICTED') || m.includes('OFFICIAL') || m.includes('RESERVADO'))
    return 'sensitive'
  if (m.startsWith('UNCLASSIFIED') || m.startsWith('SIN CLASIFICAR') || m.startsWith('PÚBLICO')) return 'unclassified'
  return 'other'
}

export function ClassificationBadge({ marking, size = 'normal' }: { marking: string; size?: 'normal' | 'small' }) {
  const t = useT()
  return (
    <span
      className={`badge classification classification--${classificationTone(marking)} ${size === 'small' ? 'badge--small' : ''}`.trim()}
      title={t('classification.title', { marking })}
    >
      {marking}
    </span>
  )
}
