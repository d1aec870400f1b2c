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
  const [repaired, setRepaired] = useState('')
  if (!info.problems.length) return null

  // The safe fixes only; restoring backups and acknowledging an audit break stay explicit.
  const repair = async () => {
    setBusy('repair')
    setError('')
    try {
      const r = await call('workspace:repair', {})
      setRepaired(
        `${r.actions.length ? r.actions.map((a) => a.message).join(' ') : 'Nothing could be repaired safely.'}` +
          (r.remaining.length ? ` ${r.remaining.length} problem(s) need a person.` : ''),
      )
      await onRestored()
    } catch (e) {
      setError(`Repair failed: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(null)
    }
  }

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
      {!info.readOnly && (
        <button type="button" className="button--small" disabled={busy !== null} onClick={repair}>
          {busy === 'repair' ? 'Repairing…' : 'Repair'}
        </button>
      )}
      {repaired && <p role="status">{repaired}</p>}
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </section>
  )
}
