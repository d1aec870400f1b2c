import { useState } from 'react'
import type { WorkspaceInfo } from '@shared/domain'
import { call } from '@renderer/lib/api'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'

export function ReadOnlyBanner({ reason }: { reason?: string }) {
  return (
    <div className="banner banner--warning" role="status">
      <strong>Read-only.</strong> {reason || 'This workspace was opened read-only; changes cannot be saved.'}
    </div>
  )
}

/** Files the store could not load (now in quarantine), with the way back when a backup exists. */
export function ProblemsBanner({ info, onRestored }: { info: WorkspaceInfo; onRestored: () => Promise<void> }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState('')
  if (!info.problems.length) return null

  const restore = async (file: string) => {
    setBusy(file)
    setError('')
    try {
      await call('workspace:restoreBackup', { file })
      await onRestored()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="banner banner--danger" aria-label="Workspace problems">
      <strong>
        {info.problems.length === 1
          ? 'A file of this workspace could not be read.'
          : `${info.problems.length} files of this workspace could not be read.`}
      </strong>
      <ul className="problems">
        {info.problems.map((p) => (
          <li key={`${p.file}:${p.kind}`}>
            {/* The store's message names the file and where it went; add only what it leaves out. */}
            {!p.message.includes(p.file) && <code>{p.file}: </code>}
            {p.message}
            {p.quarantinedTo && !p.message.includes(p.quarantinedTo) && (
              <span className="muted"> (moved to {p.quarantinedTo})</span>
            )}
            {p.backupAvailable && !info.readOnly && (
              <button type="button" className="button--small" disabled={busy !== null} onClick={() => restore(p.file)}>
                {busy === p.file ? 'Restoring…' : 'Restore backup'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorAlert>Restore failed: {error}</ErrorAlert>}
    </section>
  )
}
