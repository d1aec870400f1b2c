import { useEffect, useMemo, useRef, useState } from 'react'
import type { Briefing, BriefingStatus, CaseDetail, RichText } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { ApiError, call, onAppEvent } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'
import { ExportHistory, fileName } from './ExportHistory'
import { ExportOptions, type ExportFormat } from './ExportOptions'
import { withheldFor } from './release'

interface Props {
  caseId: string
  briefing: Briefing
  /** The status as the editor shows it now: the dialog follows it while open. */
  status: BriefingStatus
  /** The body as the editor holds it now, for the passages a release copy leaves out. */
  body: () => RichText
  detail: Pick<CaseDetail, 'actors' | 'evidence'>
  /** Saves pending edits first, so the file holds what the user sees. */
  beforeExport: () => Promise<void>
  onExported: () => Promise<void>
  /** Sets the status to Final (the dialog then follows it); absent when read-only. */
  onSetFinal?: () => void
  onClose: () => void
}

type Phase =
  | { kind: 'idle'; note?: string }
  /** started: main has sent progress for this export, so it is a task tasks:cancel can reach. */
  | { kind: 'running'; saving: boolean; cancelling: boolean; done: number; total: number; started: boolean }
  | { kind: 'done'; path: string; sha256: string; pages: number; format: ExportFormat }
  | { kind: 'error'; message: string }

/**
 * PDF or Word, the DRAFT mark (always on a draft; a choice on a final briefing),
 * a release copy with what it leaves out, progress from main's `progress` events,
 * then Open and the export history.
 */
export function ExportDialog({
  caseId,
  briefing,
  status,
  body,
  detail,
  beforeExport,
  onExported,
  onSetFinal,
  onClose,
}: Props) {
  const t = useT('briefings')
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [draftMark, setDraftMark] = useState(false)
  const [release, setRelease] = useState(false)
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const [openError, setOpenError] = useState('')
  const taskId = useRef('')
  const withheld = useMemo(() => withheldFor(body(), detail), [body, detail])

  useEffect(
    () =>
      onAppEvent('progress', (p) => {
        if (p.taskId !== taskId.current) return
        setPhase((ph) =>
          ph.kind === 'running' ? { ...ph, saving: false, done: p.done, total: p.total, started: true } : ph,
        )
      }),
    [],
  )

  const cancel = () => {
    setPhase((ph) => (ph.kind === 'running' ? { ...ph, cancelling: true } : ph))
    void call('tasks:cancel', { taskId: taskId.current }).catch(() => undefined)
  }

  const run = async () => {
    taskId.current = `export-${briefing.id}-${Date.now().toString(36)}`
    setPhase({ kind: 'running', saving: true, cancelling: false, done: 0, total: 1, started: false })
    try {
      await beforeExport()
      const r = await call('briefings:export', {
        caseId,
        briefingId: briefing.id,
        // A draft always carries the mark; main enforces it too.
        draft: status === 'draft' || draftMark,
        format,
        release,
        taskId: taskId.current,
      })
      setPhase({ kind: 'done', ...r, format })
      await onExported()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED')
        setPhase((ph) => ({
          kind: 'idle',
          note: ph.kind === 'running' && ph.cancelling ? t('export.cancelled') : undefined,
        }))
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

  const running = phase.kind === 'running'

  return (
    <Dialog title={t('export.title')} onClose={onClose} className="dialog--wide export-dialog">
      <ExportOptions
        status={status}
        format={format}
        draftMark={draftMark}
        release={release}
        withheld={withheld}
        disabled={running}
        onFormat={setFormat}
        onDraftMark={setDraftMark}
        onRelease={setRelease}
        onSetFinal={onSetFinal}
      />
      <p className="hint">{t('export.where')}</p>

      {phase.kind === 'running' && (
        <div className="export-progress">
          <progress max={phase.total || 1} value={phase.done} aria-label={t('export.progressLabel')} />
          <span role="status" aria-live="polite">
            {phase.cancelling
              ? t('export.cancelling')
              : phase.saving
                ? t('export.saving')
                : t('export.running', { done: phase.done, total: phase.total })}
          </span>
          {phase.started && (
            <button type="button" onClick={cancel} disabled={phase.cancelling}>
              {t('export.cancel')}
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
            {phase.format === 'pdf'
              ? t('export.donePdf', { file: fileName(phase.path), pages: phase.pages })
              : t('export.doneDocx', { file: fileName(phase.path) })}
          </p>
          <p className="export-result__hash">
            SHA-256 <code data-testid="export-sha256">{phase.sha256}</code>
          </p>
          <button type="button" className="button--primary" onClick={() => void open(phase.path)}>
            {phase.format === 'pdf' ? t('export.openPdf') : t('export.openDocx')}
          </button>
        </div>
      )}
      <ErrorAlert>{openError}</ErrorAlert>

      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button
          type="button"
          className={phase.kind === 'done' ? '' : 'button--primary'}
          disabled={running}
          onClick={() => void run()}
        >
          {phase.kind === 'done' ? t('export.again') : t('export.go')}
        </button>
      </div>

      <ExportHistory exports={briefing.exports} onOpen={(p) => void open(p)} />
    </Dialog>
  )
}
