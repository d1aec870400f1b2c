import { useEffect, useState } from 'react'
import { onAppEvent } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'

let counter = 0
/** A name for one encrypt or decrypt run, so its `progress` pushes from main can be told apart. */
export const newMigrationTask = (what: 'encrypt' | 'decrypt') => `security-${what}-${Date.now()}-${++counter}`

/**
 * While a migration runs: what it does, and how many files are done once main reports it (every file is
 * rewritten, so a large evidence collection takes a while).
 */
export function MigrationProgress({ taskId, label }: { taskId: string; label: string }) {
  const t = useT()
  const [counts, setCounts] = useState<{ done: number; total: number } | null>(null)
  useEffect(
    () =>
      onAppEvent('progress', (p) => {
        if (p.taskId === taskId) setCounts({ done: p.done, total: p.total })
      }),
    [taskId],
  )
  return (
    <div className="security__busy" role="status">
      <progress aria-label={label} max={counts?.total || undefined} value={counts ? counts.done : undefined} />
      <span>
        {label}
        {counts && <> {t('security.progress', { done: counts.done, total: counts.total })}</>}
      </span>
    </div>
  )
}
