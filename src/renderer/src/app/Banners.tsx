import { useState } from 'react'
import type { WorkspaceInfo } from '@shared/domain'
import { call } from '@renderer/lib/api'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { currentLanguage, i18n, useT } from '@renderer/lib/i18n'
import { messageOf, type MessageRef } from '@shared/ipc/result'
import { localValues } from '@shared/i18n/invalidInput'

/** Why the workspace is read-only, as a sentence of its own ("It was written by a newer version …."). */
const sentence = (clause: string) => `${clause.charAt(0).toLocaleUpperCase()}${clause.slice(1)}.`

export function ReadOnlyBanner({ reason, text }: { reason?: string; text?: MessageRef }) {
  const t = useT()
  // Opened read-only on purpose (or by a second window): the banner's own sentence says it best.
  const said = text && text.values?.why !== 'opened' ? sentence(i18n.t(text.key, text.values)) : undefined
  return (
    <div className="banner banner--warning" role="status">
      <strong>{t('banner.readOnly')}</strong>{' '}
      {said ?? (text ? t('banner.readOnlyReason') : reason || t('banner.readOnlyReason'))}
    </div>
  )
}

/** Files the store could not load (now in quarantine), with the way back when a backup exists. */
export function ProblemsBanner({ info, onRestored }: { info: WorkspaceInfo; onRestored: () => Promise<void> }) {
  const t = useT()
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
      // The actions' messages come from the main process, which writes them in English.
      setRepaired(
        [
          r.actions.length
            ? r.actions.map((a) => (a.text ? i18n.t(a.text.key, a.text.values) : a.message)).join(' ')
            : t('banner.nothingRepaired'),
          r.remaining.length ? t('banner.remaining', { count: r.remaining.length }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      )
      await onRestored()
    } catch (e) {
      setError(t('banner.repairFailed', { reason: e instanceof Error ? e.message : String(e) }))
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
    <section className="banner banner--danger" aria-label={t('banner.problems')}>
      <strong>{t('banner.problemsCount', { count: info.problems.length })}</strong>
      <ul className="problems">
        {info.problems.map((p) => (
          <li key={`${p.file}:${p.kind}`}>
            {/* The store's message names the file and where it went; add only what it leaves out. */}
            {!p.message.includes(p.file) && <code>{p.file}: </code>}
            {p.text ? i18n.t(p.text.key, localValues(p.text, currentLanguage())) : p.message}
            {p.quarantinedTo && !p.message.includes(p.quarantinedTo) && (
              <span className="muted"> {t('banner.movedTo', { path: p.quarantinedTo })}</span>
            )}
            {p.backupAvailable && !info.readOnly && (
              <button type="button" className="button--small" disabled={busy !== null} onClick={() => restore(p.file)}>
                {busy === p.file ? t('banner.restoring') : t('banner.restoreBackup')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {info.readOnly ? (
        // The messages may name Restore backup and casefile repair: say why neither is offered here (a file
        // newer than this version names neither: nothing to say then).
        info.problems.some((p) => p.kind !== 'newer-version') && <p className="muted">{t('banner.readOnlyNoRepair')}</p>
      ) : (
        <button type="button" className="button--small" disabled={busy !== null} onClick={repair}>
          {busy === 'repair' ? t('banner.repairing') : t('banner.repair')}
        </button>
      )}
      {repaired && <p role="status">{repaired}</p>}
      {error && <ErrorAlert>{t('banner.restoreFailed', { reason: error })}</ErrorAlert>}
    </section>
  )
}
