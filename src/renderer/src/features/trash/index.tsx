import { useCallback, useEffect, useState } from 'react'
import type { TrashEntry } from '@shared/domain'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { ApiError, call } from '@renderer/lib/api'
import { useFocusOnOpen } from '@renderer/lib/focus'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'
import { formatRoute } from '@renderer/lib/router'
import { showToast } from '@renderer/lib/toasts'
import { messageOf } from '@shared/ipc/result'
import './trash.css'

interface Props {
  readOnly: boolean
  /** After a case came back: the shell re-reads the case list. */
  onRestored: () => Promise<void>
  /** After a restore failed: it may have left a problem for the warning to offer (a backup to put back). */
  onFailed: () => Promise<void>
}

/**
 * What was removed and can come back (#/trash): cases with everything in them,
 * and library excerpts with their links. Nothing here is deleted for good.
 */
export function TrashScreen({ readOnly, onRestored, onFailed }: Props) {
  const t = useT()
  const fmt = useFormat()
  const headingRef = useFocusOnOpen<HTMLHeadingElement>()
  const [entries, setEntries] = useState<TrashEntry[] | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  // An entry whose restore found nothing of it left in the trash: offered to drop.
  const [empty, setEmpty] = useState<TrashEntry | null>(null)

  const load = useCallback(async () => {
    try {
      setEntries(await call('trash:list', {}))
      setError('')
    } catch (e) {
      setError(messageOf(e))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const restore = async (entry: TrashEntry) => {
    setBusy(entry.id)
    setError('')
    setNotice('')
    setEmpty(null)
    try {
      const back = await call('trash:restore', { entryId: entry.id })
      await load()
      if (back.kind === 'case') {
        await onRestored()
        if (back.fromBackup)
          // Older than what went to the trash: said where it stays in view, not only in a passing notice.
          setNotice(t('trash.caseRestoredFromBackup', { title: back.case.title, backup: back.fromBackup }))
        else showToast({ message: t('trash.caseRestored', { title: back.case.title }) })
      } else if (back.notRelinked.length)
        // Links it could not put back: said where it stays in view, so the person can link them again.
        setNotice(
          t('trash.statuteRestoredUnlinked', {
            title: entry.title,
            count: back.notRelinked.length,
            cases: back.notRelinked.map((x) => x.caseId).join(', '),
          }),
        )
      else showToast({ message: t('trash.statuteRestored', { title: entry.title }) })
    } catch (e) {
      // The entry may have left the trash all the same (its folder back, its damaged file set aside).
      await Promise.all([load(), onFailed()])
      setError(t('trash.restoreFailed', { title: entry.title || entry.itemId, reason: messageOf(e) }))
      if (e instanceof ApiError && (e.error.details as { nothingHeld?: boolean } | undefined)?.nothingHeld)
        setEmpty(entry)
    } finally {
      setBusy(null)
    }
  }

  const forget = async (entry: TrashEntry) => {
    setBusy(entry.id)
    try {
      await call('trash:forget', { entryId: entry.id })
      setEmpty(null)
      setError('')
      await load()
      showToast({ message: t('trash.forgotten', { title: entry.title || entry.itemId }) })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="trash">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('trash.title')}
        </h1>
      </header>
      <p className="muted">{t('trash.intro')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      {empty && !readOnly && (
        <p>
          <button
            type="button"
            className="button--small"
            disabled={busy !== null}
            aria-label={t('trash.forgetNamed', { title: empty.title || empty.itemId })}
            onClick={() => void forget(empty)}
          >
            {t('trash.forget')}
          </button>
        </p>
      )}
      {notice && (
        <p role="status" className="trash-notice">
          {notice}
        </p>
      )}
      {entries === null ? (
        !error && <p className="muted loading">{t('trash.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('trash.empty')}</p>
      ) : (
        <table className="table trash-table">
          <caption className="visually-hidden">{t('trash.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trash.what')}</th>
              <th scope="col">{t('trash.kind')}</th>
              <th scope="col">{t('trash.removedAt')}</th>
              <th scope="col" className="table__actions">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row" translate={e.kind === 'statute' ? 'no' : undefined}>
                  {e.title || e.itemId}
                </th>
                <td>{t(e.kind === 'case' ? 'trash.kindCase' : 'trash.kindStatute')}</td>
                <td>
                  <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                </td>
                <td className="table__actions">
                  {!readOnly && (
                    <button
                      type="button"
                      className="button--small"
                      disabled={busy !== null}
                      aria-label={t('trash.restoreNamed', { title: e.title || e.itemId })}
                      onClick={() => void restore(e)}
                    >
                      {busy === e.id ? t('trash.restoring') : t('trash.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={formatRoute({ name: 'home' })}>{t('case.backToList')}</a>
      </p>
    </div>
  )
}
