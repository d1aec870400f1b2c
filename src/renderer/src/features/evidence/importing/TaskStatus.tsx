import type { TaskState } from './useImport'

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

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
  if (task) {
    const pct = task.total > 0 ? Math.min(100, Math.round((task.done / task.total) * 100)) : undefined
    return (
      <div className="ev-task" role="group" aria-label="Task in progress">
        <span className="ev-task__label">{task.label}</span>
        <progress
          className="ev-task__bar"
          aria-label={task.label}
          max={task.total > 0 ? task.total : undefined}
          value={task.total > 0 ? task.done : undefined}
        />
        <span className="ev-task__pct muted" aria-live="polite">
          {pct === undefined ? 'starting…' : `${pct}% · ${mb(task.done)} of ${mb(task.total)}`}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    )
  }
  if (!error && !notice) return null
  return (
    <div className={`ev-task ${error ? 'ev-task--error' : ''}`} role={error ? 'alert' : 'status'}>
      <span>{error ? `Failed: ${error}` : notice}</span>
      <button type="button" className="button--link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
