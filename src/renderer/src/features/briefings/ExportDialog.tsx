import { useEffect, useRef, useState } from 'react'
import type { Briefing, ExportRecord } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { ApiError, call, onAppEvent } from '@renderer/lib/api'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'
import { formatDateTime } from './format'

interface Props {
  caseId: string
  briefing: Briefing
  /** Saves pending edits first, so the PDF holds what the user sees. */
  beforeExport: () => Promise<void>
  onExported: () => Promise<void>
  onClose: () => void
}

type Phase =
  | { kind: 'idle'; note?: string }
  /** started: main has sent progress for this export, so it is a task tasks:cancel can reach. */
  | { kind: 'running'; label: string; done: number; total: number; started: boolean }
  | { kind: 'done'; path: string; sha256: string; pages: number }
  | { kind: 'error'; message: string }

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** DRAFT watermark option, progress from main's `progress` events, then Open PDF and the export history. */
export function ExportDialog({ caseId, briefing, beforeExport, onExported, onClose }: Props) {
  const [draft, setDraft] = useState(briefing.status === 'draft')
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const [openError, setOpenError] = useState('')
  const taskId = useRef('')
  const cancelling = useRef(false)

  useEffect(
    () =>
      onAppEvent('progress', (p) => {
        if (p.taskId !== taskId.current) return
        setPhase((ph) =>
          ph.kind === 'running'
            ? { ...ph, label: cancelling.current ? ph.label : p.label, done: p.done, total: p.total, started: true }
            : ph,
        )
      }),
    [],
  )

  const cancel = () => {
    cancelling.current = true
    setPhase((ph) => (ph.kind === 'running' ? { ...ph, label: 'Cancelling' } : ph))
    void call('tasks:cancel', { taskId: taskId.current }).catch(() => undefined)
  }

  const run = async () => {
    taskId.current = `export-${briefing.id}-${Date.now().toString(36)}`
    cancelling.current = false
    setPhase({ kind: 'running', label: 'Saving the latest edits', done: 0, total: 1, started: false })
    try {
      await beforeExport()
      const r = await call('briefings:export', { caseId, briefingId: briefing.id, draft, taskId: taskId.current })
      setPhase({ kind: 'done', ...r })
      await onExported()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED')
        setPhase({ kind: 'idle', note: cancelling.current ? 'Export cancelled. No file was written.' : undefined })
      else setPhase({ kind: 'error', message: messageOf(e) })
    }
  }

  const open = async (path: string) => {
    setOpenError('')
    try {
      await call('briefings:openExport', { path })
    } catch (e) {
      setOpenError(messageOf(e))
    }
  }

  const history: ExportRecord[] = [...briefing.exports].reverse()
  const running = phase.kind === 'running'

  return (
    <Dialog title="Export the memo as PDF" onClose={onClose} className="dialog--wide export-dialog">
      <label className="check">
        <input type="checkbox" checked={draft} disabled={running} onChange={(e) => setDraft(e.target.checked)} /> Add a
        DRAFT watermark on every page
      </label>
      <p className="hint">You choose where to save the file. The export is recorded with its SHA-256 below.</p>

      {phase.kind === 'running' && (
        <div className="export-progress">
          <progress max={phase.total || 1} value={phase.done} aria-label="Export progress" />
          <span role="status" aria-live="polite">
            {phase.label}…
          </span>
          {phase.started && (
            <button type="button" onClick={cancel} disabled={phase.label === 'Cancelling'}>
              Cancel export
            </button>
          )}
        </div>
      )}
      {phase.kind === 'idle' && phase.note && (
        <p className="hint" role="status">
          {phase.note}
        </p>
      )}
      {phase.kind === 'error' && <ErrorAlert>{phase.message}</ErrorAlert>}
      {phase.kind === 'done' && (
        <div className="export-result" role="status">
          <p>
            Exported <strong>{fileName(phase.path)}</strong> ({phase.pages} page{phase.pages === 1 ? '' : 's'}).
          </p>
          <p className="export-result__hash">
            SHA-256 <code data-testid="export-sha256">{phase.sha256}</code>
          </p>
          <button type="button" className="button--primary" onClick={() => void open(phase.path)}>
            Open PDF
          </button>
        </div>
      )}
      <ErrorAlert>{openError}</ErrorAlert>

      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className={phase.kind === 'done' ? '' : 'button--primary'}
          disabled={running}
          onClick={() => void run()}
        >
          {phase.kind === 'done' ? 'Export again…' : 'Choose file and export…'}
        </button>
      </div>

      <h3 className="export-history__title">Export history</h3>
      {history.length ? (
        <table className="table export-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col">Pages</th>
              <th scope="col">SHA-256</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <tr key={`${r.at}-${r.sha256}`}>
                <td>{formatDateTime(r.at)}</td>
                <td title={r.file}>
                  {fileName(r.file)}
                  {r.options.draft && <span className="badge badge--small export-history__draft">DRAFT</span>}
                </td>
                <td>{r.pages}</td>
                <td>
                  <code className="export-history__hash" title={r.sha256}>
                    {r.sha256.slice(0, 16)}…
                  </code>
                </td>
                <td>
                  <button type="button" className="button--small" onClick={() => void open(r.file)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Not exported yet.</p>
      )}
    </Dialog>
  )
}
