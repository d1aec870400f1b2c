import { useMemo, useState } from 'react'
import type { EvidenceItem } from '@shared/domain'
import type { BlobCheck } from '@shared/domain'
import { gradeOf, integrityOf, KIND_ICONS, STATUS_TONE } from '../format'
import { VirtualList } from '@renderer/components/VirtualList'

const matches = (item: EvidenceItem, q: string) =>
  !q ||
  [item.title, item.kind, item.verification.status, item.sourceUrl, item.file?.originalName ?? '', ...item.tags]
    .join(' ')
    .toLowerCase()
    .includes(q)

/** The case's items: kind, title, verification, integrity and grade at a glance. */
export function EvidenceList({
  items,
  selectedId,
  checks,
  onSelect,
}: {
  items: EvidenceItem[]
  selectedId: string | null
  checks: Record<string, BlobCheck>
  onSelect: (id: string) => void
}) {
  const [query, setQuery] = useState('')
  const shown = useMemo(() => items.filter((i) => matches(i, query.trim().toLowerCase())), [items, query])
  const [active, setActive] = useState(-1)
  const selectedIndex = shown.findIndex((i) => i.id === selectedId)
  const activeIndex = active >= 0 && active < shown.length ? active : selectedIndex

  return (
    <div className="ev-list">
      <input
        type="search"
        className="ev-list__filter"
        aria-label="Filter evidence"
        placeholder="Filter by title, kind, status, tag…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(-1)
        }}
      />
      {shown.length === 0 ? (
        <p className="muted ev-list__empty">
          {items.length === 0
            ? 'No evidence yet. Import a file, drop one here, or add a URL reference.'
            : 'Nothing matches.'}
        </p>
      ) : (
        <VirtualList
          className="ev-vlist"
          label="Evidence items"
          items={shown}
          getKey={(i) => i.id}
          rowHeight={74}
          height="auto"
          overscan={8}
          activeIndex={activeIndex}
          onActiveChange={(i) => {
            setActive(i)
            onSelect(shown[i].id)
          }}
          onOpen={(item) => onSelect(item.id)}
          renderItem={(item) => <EvidenceRow item={item} check={checks[item.id]} selected={item.id === selectedId} />}
        />
      )}
      <p className="muted small ev-list__count">
        {shown.length === items.length ? `${items.length} items` : `${shown.length} of ${items.length} items`}
      </p>
    </div>
  )
}

function EvidenceRow({ item, check, selected }: { item: EvidenceItem; check?: BlobCheck; selected: boolean }) {
  const integrity = integrityOf(item, check)
  const grade = gradeOf(item)
  const status = item.verification.status
  return (
    <div className={`ev-row ${selected ? 'ev-row--selected' : ''}`} data-testid="evidence-row">
      <span className={`ev-kind ev-kind--${item.kind.replace(' ', '-')}`} title={item.kind} aria-hidden="true">
        {KIND_ICONS[item.kind]}
      </span>
      <div className="ev-row__main">
        <div className="ev-row__title" title={item.title}>
          {item.title}
        </div>
        <div className="ev-row__meta">
          <span className={`badge badge--${STATUS_TONE[status]}`}>{status}</span>
          {grade && (
            <span className="badge badge--grade" title="Source reliability / information credibility">
              {grade}
            </span>
          )}
          <span className="ev-row__kindlabel">{item.kind}</span>
        </div>
        <div className={`ev-integrity ev-integrity--${integrity.tone}`}>{integrity.label}</div>
      </div>
    </div>
  )
}
