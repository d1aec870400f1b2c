import type { BriefingStatus } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'

/** Draft / Final: two pressed-state buttons, legible in every state (briefings.css). */
export function StatusToggle({
  status,
  disabled,
  onChange,
}: {
  status: BriefingStatus
  disabled?: boolean
  onChange: (status: BriefingStatus) => void
}) {
  const t = useT('briefings')
  return (
    <div className="status-toggle" role="group" aria-label={t('editor.statusGroup')}>
      {(['draft', 'final'] as const).map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={status === s}
          disabled={disabled}
          className="status-toggle__option"
          onClick={() => status !== s && onChange(s)}
        >
          {t(`status.${s}`)}
        </button>
      ))}
    </div>
  )
}
