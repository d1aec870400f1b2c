import { useCallback, useEffect, useMemo, useState } from 'react'
import { citationLabel, type StatuteExcerpt } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { Dialog } from '@renderer/components/Dialog'
import { ApiError, call } from '@renderer/lib/api'
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

/** The workspace's statute library, seen from a case: what this case links first, then everything else. */
export function StatutesTab({ caseId, detail, reload, readOnly }: CaseTabProps) {
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
      setNotice(`${citationLabel(s)} ${isLinked ? 'unlinked from' : 'linked to'} this case.`)
      await reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusyId(null)
    }
  }

  const remove = async (s: StatuteExcerpt, force: boolean) => {
    try {
      await call('statutes:remove', { statuteId: s.id, force })
      setModal(null)
      setNotice(`${citationLabel(s)} removed from the library.`)
      await refresh()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') setModal({ kind: 'remove', excerpt: s, conflict: e.message })
      else setModal({ kind: 'remove', excerpt: s, conflict: messageOf(e) })
    }
  }

  const list = (items: StatuteExcerpt[]) => (
    <ul className="statute-list">
      {items.map((s) => (
        <StatuteRow
          key={s.id}
          excerpt={s}
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
          placeholder="Filter: VCCR 31, inviolability, consular…"
          aria-label="Filter the statute library"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {!readOnly && (
          <>
            <button type="button" className="button--primary" onClick={() => setModal({ kind: 'add' })}>
              Add excerpt
            </button>
            <button type="button" onClick={() => setModal({ kind: 'import' })}>
              Import…
            </button>
          </>
        )}
      </div>
      <p className="statutes__status" role="status" aria-live="polite">
        {notice}
      </p>
      <ErrorAlert>{error}</ErrorAlert>
      {!library ? (
        <p className="muted loading">Loading the library…</p>
      ) : (
        <>
          <section aria-labelledby="statutes-linked">
            <h2 id="statutes-linked" className="statutes__heading">
              Linked to this case <span className="muted">({linked.length})</span>
            </h2>
            {linked.length ? (
              list(linked)
            ) : (
              <p className="muted">
                {query
                  ? 'No linked excerpt matches the filter.'
                  : 'No excerpt is linked to this case yet. Link one from the library below.'}
              </p>
            )}
          </section>
          <section aria-labelledby="statutes-library">
            <h2 id="statutes-library" className="statutes__heading">
              Library <span className="muted">({others.length})</span>
            </h2>
            {others.length ? (
              list(others)
            ) : (
              <p className="muted">
                {query
                  ? 'Nothing else in the library matches the filter.'
                  : 'Every excerpt in the library is linked to this case.'}
              </p>
            )}
          </section>
        </>
      )}

      {modal?.kind === 'add' && (
        <StatuteFormDialog
          caseId={caseId}
          onClose={() => setModal(null)}
          onSaved={(s) => (setNotice(`${citationLabel(s)} added and linked to this case.`), void refresh())}
        />
      )}
      {modal?.kind === 'edit' && (
        <StatuteFormDialog
          excerpt={modal.excerpt}
          onClose={() => setModal(null)}
          onSaved={(s) => (setNotice(`${citationLabel(s)} saved.`), void refresh())}
        />
      )}
      {modal?.kind === 'import' && (
        <ImportDialog
          caseId={caseId}
          onClose={() => setModal(null)}
          onImported={(o) => {
            setNotice(
              `Imported ${o.added.length} excerpt${o.added.length === 1 ? '' : 's'}${o.duplicates.length ? `; ${o.duplicates.length} were already in the library` : ''}.`,
            )
            void refresh()
          }}
        />
      )}
      {modal?.kind === 'remove' && (
        <Dialog title={`Remove ${citationLabel(modal.excerpt)}?`} onClose={() => setModal(null)}>
          {modal.conflict ? (
            <ErrorAlert>{modal.conflict}</ErrorAlert>
          ) : (
            <p>The excerpt leaves the workspace library. Briefings that cite it will show the citation as missing.</p>
          )}
          <div className="form-actions">
            <button type="button" data-autofocus onClick={() => setModal(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button--danger"
              onClick={() => void remove(modal.excerpt, !!modal.conflict)}
            >
              {modal.conflict ? 'Remove anyway' : 'Remove'}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  )
}
