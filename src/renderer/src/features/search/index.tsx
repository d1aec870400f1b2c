/**
 * The search panel the shell opens with Ctrl/Cmd+K: a query box (debounced),
 * filters, and a virtualized list of hits with their matches marked. The input
 * keeps focus; arrows move through the hits, Enter or a click opens one.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { EVIDENCE_KINDS, VERIFICATION_STATUSES, type EvidenceKind, type VerificationStatus } from '@shared/domain'
import {
  SEARCH_KINDS,
  type Highlighted,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type SearchResponse,
  type SearchStatus,
} from '@shared/domain'
import { VirtualList, virtualRowId, type VirtualListHandle } from '@renderer/components/VirtualList'
import { ApiError, call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import type { MessageKey } from '@shared/i18n'
import './search.css'

export interface SearchTarget {
  caseId: string
  tab?: string
  itemId?: string
  /** For an annotation hit: which annotation on the evidence item `itemId`. */
  annotationId?: string
}

type Key = MessageKey<'ui'>
const KIND_LABELS: Record<SearchKind, Key> = {
  case: 'search.kind.case',
  actor: 'search.kind.actor',
  event: 'search.kind.event',
  evidence: 'search.kind.evidence',
  annotation: 'search.kind.annotation',
  note: 'search.kind.note',
  briefing: 'search.kind.briefing',
  statute: 'search.kind.statute',
}
const EVIDENCE_KIND_LABELS: Record<EvidenceKind, Key> = {
  video: 'search.evidenceKind.video',
  image: 'search.evidenceKind.image',
  audio: 'search.evidenceKind.audio',
  document: 'search.evidenceKind.document',
  'web page': 'search.evidenceKind.webPage',
  'social post': 'search.evidenceKind.socialPost',
  testimony: 'search.evidenceKind.testimony',
  note: 'search.evidenceKind.note',
}
const VERIFICATION_LABELS: Record<VerificationStatus, Key> = {
  unverified: 'search.verification.unverified',
  'partially verified': 'search.verification.partiallyVerified',
  verified: 'search.verification.verified',
  disputed: 'search.verification.disputed',
  false: 'search.verification.false',
}

const DEBOUNCE_MS = 150
/** Hits asked for at first and added by each "Show more"; the service answers at most 1,000. */
const PAGE = 50
const MAX_HITS = 1_000

/** Text with its match ranges wrapped in <mark>. */
export function Marked({ value }: { value: Highlighted }) {
  const parts: React.ReactNode[] = []
  let at = 0
  value.highlights.forEach(([a, b], i) => {
    if (a > at) parts.push(value.text.slice(at, a))
    parts.push(<mark key={i}>{value.text.slice(a, b)}</mark>)
    at = b
  })
  if (at < value.text.length) parts.push(value.text.slice(at))
  return <>{parts}</>
}

function HitRow({ hit, active }: { hit: SearchHit; active: boolean }) {
  const t = useT()
  return (
    <div className={`search-hit${active ? ' search-hit--active' : ''}`}>
      <div className="search-hit__head">
        <span className={`search-hit__kind search-hit__kind--${hit.kind}`}>{t(KIND_LABELS[hit.kind])}</span>
        {/* What the workspace holds, cut around the match: the user's words, never the catalogue's. */}
        <span className="search-hit__title" translate="no">
          <Marked value={hit.title} />
        </span>
        <span className="search-hit__case">{hit.caseId ? hit.caseReference : t('search.inNoCase')}</span>
      </div>
      {hit.snippet.text && (
        <div className="search-hit__snippet" translate="no">
          <Marked value={hit.snippet} />
        </div>
      )}
    </div>
  )
}

export function SearchPanel({ onOpen, onClose }: { onOpen: (target: SearchTarget) => void; onClose: () => void }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<SearchKind | ''>('')
  const [evidenceKind, setEvidenceKind] = useState('')
  const [verification, setVerification] = useState('')
  const [tag, setTag] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [result, setResult] = useState<SearchResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<SearchStatus | null>(null)
  const [active, setActive] = useState(0)
  const list = useRef<VirtualListHandle>(null)
  const listId = useId()
  const seq = useRef(0)

  const filters = useMemo((): SearchFilters => {
    const f: SearchFilters = {}
    if (kind) f.kinds = [kind]
    if (evidenceKind) f.evidenceKinds = [evidenceKind as EvidenceKind]
    if (verification) f.verification = [verification as VerificationStatus]
    if (tag.trim()) f.tag = tag.trim()
    if (from) f.from = from
    if (to) f.to = to
    return f
  }, [kind, evidenceKind, verification, tag, from, to])
  const filtering = Object.keys(filters).length > 0
  // "Show more" raises the limit for this query and these filters only; anything new starts at one page.
  const searchKey = JSON.stringify([query, filters])
  const [more, setMore] = useState({ key: '', limit: PAGE })
  // Forgotten as soon as the query or a filter changes, so coming back to it starts at one page again.
  if (more.key && more.key !== searchKey) setMore({ key: '', limit: PAGE })
  const limit = more.key === searchKey ? more.limit : PAGE
  const [listKey, setListKey] = useState(0)

  // Debounced query; an answer to an older query never replaces a newer one.
  useEffect(() => {
    if (!query.trim() && !filtering) {
      setResult(null)
      setError(null)
      return
    }
    const mine = ++seq.current
    // More of the same answer keeps the reader's place; a new query starts at the top.
    const sameQuery = limit > PAGE
    const timer = setTimeout(() => {
      call('search:query', { query, filters, limit })
        .then((r) => {
          if (mine !== seq.current) return
          setResult(r)
          if (!sameQuery) {
            setActive(0)
            setListKey((k) => k + 1)
          }
          setError(null)
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setError(e instanceof ApiError ? e.message : String(e))
        })
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query, filters, filtering, limit])

  // While the index is being built, show how far it got.
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () =>
      call('search:status', {})
        .then((s) => {
          if (stopped) return
          setStatus(s)
          if (s.state !== 'ready' && s.state !== 'error') timer = setTimeout(poll, 500)
        })
        .catch(() => undefined)
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [])

  const open = (hit: SearchHit) => {
    // A library excerpt no case links has no case view to open in.
    if (!hit.caseId) return
    onOpen({
      caseId: hit.caseId,
      tab: hit.tab,
      itemId: hit.itemId || undefined,
      ...(hit.kind === 'annotation' ? { annotationId: hit.id } : {}),
    })
  }

  const hits = result?.hits ?? []
  const building = status && status.state !== 'ready' && status.state !== 'error' && status.state !== 'idle'

  return (
    <div className="search-panel">
      <input
        type="search"
        className="search-panel__query"
        data-autofocus
        placeholder={t('search.placeholder')}
        aria-label={t('shell.search')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length ? virtualRowId(listId, Math.min(active, hits.length - 1)) : undefined}
        aria-autocomplete="list"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.stopPropagation()
            setQuery('')
            return
          }
          if (e.key === 'Escape') return onClose()
          list.current?.handleKey(e)
        }}
      />
      <div className="search-panel__filters" role="group" aria-label={t('search.filters')}>
        <select
          aria-label={t('search.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.target.value as SearchKind | '')}
        >
          <option value="">{t('search.allKinds')}</option>
          {SEARCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k])}
            </option>
          ))}
        </select>
        <select
          aria-label={t('search.evidenceKindLabel')}
          value={evidenceKind}
          onChange={(e) => setEvidenceKind(e.target.value)}
        >
          <option value="">{t('search.anyEvidenceKind')}</option>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(EVIDENCE_KIND_LABELS[k])}
            </option>
          ))}
        </select>
        <select
          aria-label={t('search.verificationLabel')}
          value={verification}
          onChange={(e) => setVerification(e.target.value)}
        >
          <option value="">{t('search.anyVerification')}</option>
          {VERIFICATION_STATUSES.map((k) => (
            <option key={k} value={k}>
              {t(VERIFICATION_LABELS[k])}
            </option>
          ))}
        </select>
        <input
          aria-label={t('search.tag')}
          placeholder={t('search.tag')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          size={10}
        />
        <label className="search-panel__date">
          {t('search.from')}{' '}
          <input aria-label={t('search.fromDate')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="search-panel__date">
          {t('search.to')}{' '}
          <input aria-label={t('search.toDate')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <div className="search-panel__status muted" aria-live="polite">
        {error
          ? error
          : building
            ? t('search.indexing', { percent: status.total ? Math.round((100 * status.done) / status.total) : 0 })
            : result
              ? result.total
                ? result.total > hits.length
                  ? t('search.resultsSome', { total: result.total, shown: hits.length, ms: result.tookMs })
                  : t('search.resultsAll', { total: result.total, ms: result.tookMs })
                : t('search.none')
              : t('search.hint')}
      </div>
      <VirtualList
        items={hits}
        resetKey={listKey}
        getKey={(h) => `${h.kind}:${h.caseId}:${h.evidenceId ?? ''}:${h.id}`}
        label={t('search.results')}
        estimateSize={56}
        height="min(50vh, 480px)"
        activeIndex={active}
        onActiveChange={setActive}
        focusable={false}
        listRef={list}
        id={listId}
        onOpen={open}
        renderItem={(hit, { active: isActive }) => <HitRow hit={hit} active={isActive} />}
      />
      {result && result.total > hits.length && hits.length < MAX_HITS && (
        <button
          type="button"
          className="search-panel__more"
          onClick={() => setMore({ key: searchKey, limit: Math.min(MAX_HITS, hits.length + PAGE) })}
        >
          {t('search.more', { count: Math.min(PAGE, result.total - hits.length, MAX_HITS - hits.length) })}
        </button>
      )}
    </div>
  )
}
