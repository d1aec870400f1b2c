import { useCallback, useEffect, useMemo, useState } from 'react'
import { citationLabel, StatuteUsage, type StatuteExcerpt } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { Dialog } from '@renderer/components/Dialog'
import { ApiError, call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { showToast } from '@renderer/lib/toasts'
import { ImportDialog } from './ImportDialog'
import { StatuteFormDialog } from './StatuteFormDialog'
import { StatuteRow } from './StatuteRow'
import './statutes.css'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'

type Modal =
  | { kind: 'add' }
  | { kind: 'edit'; excerpt: StatuteExcerpt }
  | { kind: 'import' }
  | { kind: 'remove'; excerpt: StatuteExcerpt; conflict?: string }
  | null

/**
 * The workspace's statute library, seen from a case: what this case links
 * first, then everything else. A removed excerpt goes to the trash (with its
 * links), undoable from its notice.
 */
export function StatutesTab({ caseId, detail, reload, readOnly, itemId, links }: CaseTabProps) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [library, setLibrary] = useState<StatuteExcerpt[] | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const [modal, setModal] = useState<Modal>(null)
  const [busyId, setBusyId] = useState<string | null>(null)

  const load = useCallback(async (q: string) => {
    try {
      setLibrary(await call('statutes:list', { query: q || undefined }))
      setError('')
    } catch (e) {
      setError(messageOf(e))
    }
  }, [])

  useEffect(() => {
    // Debounced so typing a long query does not ask main on every key.
    const t = setTimeout(() => void load(query.trim()), query ? 150 : 0)
    return () => clearTimeout(t)
  }, [query, load])

  const linkedIds = useMemo(() => new Set(detail.statutes.map((s) => s.id)), [detail.statutes])
  const issueNames = useMemo(() => new Map(detail.issues.map((i) => [i.id, i.question])), [detail.issues])

  // Arriving from a link (#/case/<id>/statutes/<statuteId>): bring that excerpt into view once the library is read.
  const loaded = !!library
  useEffect(() => {
    if (itemId && loaded) document.getElementById(`statute-${itemId}`)?.scrollIntoView({ block: 'center' })
  }, [itemId, loaded])
  const linked = (library ?? []).filter((s) => linkedIds.has(s.id))
  const others = (library ?? []).filter((s) => !linkedIds.has(s.id))

  const refresh = async () => {
    await Promise.all([load(query.trim()), reload()])
  }

  const toggleLink = async (s: StatuteExcerpt) => {
    setBusyId(s.id)
    try {
      const isLinked = linkedIds.has(s.id)
      await call(isLinked ? 'statutes:unlink' : 'statutes:link', { caseId, statuteId: s.id })
      setNotice(t(isLinked ? 'statutes.unlinkedNotice' : 'statutes.linkedNotice', { label: citationLabel(s) }))
      await reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusyId(null)
    }
  }

  const remove = async (s: StatuteExcerpt, force: boolean) => {
    try {
      const entry = await call('statutes:trash', { statuteId: s.id, force })
      setModal(null)
      setNotice('')
      showToast({
        message: t('statutes.removedNotice', { label: citationLabel(s) }),
        action: {
          label: t('common.undo'),
          run: async () => {
            await call('trash:restore', { entryId: entry.id })
            await refresh()
          },
        },
      })
      await refresh()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const used = StatuteUsage.safeParse(e.error.details)
        const conflict = used.success
          ? t('statutes.inUse', {
              label: citationLabel(s),
              cases: used.data.caseIds.length,
              briefings: used.data.briefings.length,
              titles: used.data.briefings.map((b) => `“${b.title}”`).join(', '),
            })
          : e.message
        setModal({ kind: 'remove', excerpt: s, conflict })
      } else setModal({ kind: 'remove', excerpt: s, conflict: messageOf(e) })
    }
  }

  const list = (items: StatuteExcerpt[]) => (
    <ul className="statute-list">
      {items.map((s) => (
        <StatuteRow
          key={s.id}
          caseId={caseId}
          excerpt={s}
          links={links?.statutes[s.id]}
          issueNames={issueNames}
          target={s.id === itemId}
          linked={linkedIds.has(s.id)}
          readOnly={readOnly}
          busy={busyId === s.id}
          onToggleLink={() => void toggleLink(s)}
          onEdit={() => setModal({ kind: 'edit', excerpt: s })}
          onRemove={() => setModal({ kind: 'remove', excerpt: s })}
        />
      ))}
    </ul>
  )

  return (
    <div className="statutes">
      <div className="statutes__bar">
        <input
          type="search"
          className="statutes__filter"
          placeholder={t('statutes.filterPlaceholder')}
          aria-label={t('statutes.filter')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {!readOnly && (
          <>
            <button type="button" className="button--primary" onClick={() => setModal({ kind: 'add' })}>
              {t('statutes.add')}
            </button>
            <button type="button" onClick={() => setModal({ kind: 'import' })}>
              {t('statutes.import')}
            </button>
          </>
        )}
      </div>
      <p className="statutes__status" role="status" aria-live="polite">
        {notice}
      </p>
      <ErrorAlert>{error}</ErrorAlert>
      {!library ? (
        <p className="muted loading">{t('statutes.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="statutes-linked">
            <h3 id="statutes-linked" className="statutes__heading">
              {t('statutes.linkedHeading')} <span className="muted">({linked.length})</span>
            </h3>
            {linked.length ? (
              list(linked)
            ) : (
              <p className="muted">{query ? t('statutes.noLinkedMatch') : t('statutes.noneLinked')}</p>
            )}
          </section>
          <section aria-labelledby="statutes-library">
            <h3 id="statutes-library" className="statutes__heading">
              {t('statutes.libraryHeading')} <span className="muted">({others.length})</span>
            </h3>
            {others.length ? (
              list(others)
            ) : (
              <p className="muted">{query ? t('statutes.noOtherMatch') : t('statutes.allLinked')}</p>
            )}
          </section>
        </>
      )}

      {modal?.kind === 'add' && (
        <StatuteFormDialog
          caseId={caseId}
          onClose={() => setModal(null)}
          onSaved={(s) => (setNotice(t('statutes.addedNotice', { label: citationLabel(s) })), void refresh())}
        />
      )}
      {modal?.kind === 'edit' && (
        <StatuteFormDialog
          excerpt={modal.excerpt}
          onClose={() => setModal(null)}
          onSaved={(s) => (setNotice(t('statutes.savedNotice', { label: citationLabel(s) })), void refresh())}
        />
      )}
      {modal?.kind === 'import' && (
        <ImportDialog
          caseId={caseId}
          onClose={() => setModal(null)}
          onImported={(o) => {
            setNotice(t('statutes.importedNotice', { count: o.added.length, duplicates: o.duplicates.length }))
            void refresh()
          }}
        />
      )}
      {modal?.kind === 'remove' && (
        <Dialog
          title={t('statutes.removeTitle', { label: citationLabel(modal.excerpt) })}
          onClose={() => setModal(null)}
        >
          {modal.conflict ? <ErrorAlert>{modal.conflict}</ErrorAlert> : <p>{t('statutes.removeMessage')}</p>}
          <div className="form-actions">
            <button type="button" data-autofocus onClick={() => setModal(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button--danger"
              onClick={() => void remove(modal.excerpt, !!modal.conflict)}
            >
              {modal.conflict ? t('statutes.removeAnyway') : t('common.remove')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  )
}
