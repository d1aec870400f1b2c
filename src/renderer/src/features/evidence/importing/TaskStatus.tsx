import { formatBytes } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'
import type { TaskState } from './useImport'

/** The running task as a progress bar with Cancel, or the last error/notice. */
export function TaskStatus({
  task,
  error,
  notice,
  onCancel,
  onDismiss,
}: {
  task: TaskState | null
  error: string
  notice: string
  onCancel: () => void
  onDismiss: () => void
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  if (task) {
    const pct = task.total > 0 ? Math.min(100, Math.round((task.done / task.total) * 100)) : undefined
    return (
      <div className="ev-task" role="group" aria-label={t('task.label')}>
        <span className="ev-task__label">{task.label}</span>
        <progress
          className="ev-task__bar"
          aria-label={task.label}
          max={task.total > 0 ? task.total : undefined}
          value={task.total > 0 ? task.done : undefined}
        />
        <span className="ev-task__pct muted" aria-live="polite">
          {pct === undefined
            ? t('task.starting')
            : t('task.progress', {
                pct,
                done: formatBytes(task.done, lang),
                total: formatBytes(task.total, lang),
              })}
        </span>
        <button type="button" onClick={onCancel}>
          {t('task.cancel')}
        </button>
      </div>
    )
  }
  if (!error && !notice) return null
  return (
    <div className={`ev-task ${error ? 'ev-task--error' : ''}`} role={error ? 'alert' : 'status'}>
      <span>{error ? t('task.failed', { message: error }) : notice}</span>
      <button type="button" className="button--link" onClick={onDismiss}>
        {t('task.dismiss')}
      </button>
    </div>
  )
}
