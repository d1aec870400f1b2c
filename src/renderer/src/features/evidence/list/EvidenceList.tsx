import { useMemo, useState } from 'react'
import type { EvidenceItem } from '@shared/domain'
import type { BlobCheck } from '@shared/domain'
import { VirtualList } from '@renderer/components/VirtualList'
import { useLanguage, useT, type T } from '@renderer/lib/i18n'
import { gradeOf, integrityLabel, integrityOf, kindClass, STATUS_TONE } from '../format'

const matches = (item: EvidenceItem, q: string, t: T<'evidence'>) =>
  !q ||
  [
    item.title,
    item.kind,
    t(`kind.${item.kind}`),
    item.verification.status,
    t(`status.${item.verification.status}`),
    item.sourceUrl,
    item.file?.originalName ?? '',
    ...item.tags,
  ]
    .join(' ')
    .toLowerCase()
    .includes(q)

/** The case's items: kind, title (up to two lines, broken between words), verification, integrity and grade. */
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
  const t = useT('evidence')
  const [query, setQuery] = useState('')
  const shown = useMemo(() => items.filter((i) => matches(i, query.trim().toLowerCase(), t)), [items, query, t])
  const [active, setActive] = useState(-1)
  const selectedIndex = shown.findIndex((i) => i.id === selectedId)
  const activeIndex = active >= 0 && active < shown.length ? active : selectedIndex

  return (
    <div className="ev-list">
      <input
        type="search"
        className="ev-list__filter"
        aria-label={t('list.filter')}
        placeholder={t('list.filterPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(-1)
        }}
      />
      {shown.length === 0 ? (
        <p className="muted ev-list__empty">{items.length === 0 ? t('list.empty') : t('list.nothing')}</p>
      ) : (
        <VirtualList
          className="ev-vlist"
          label={t('list.label')}
          items={shown}
          getKey={(i) => i.id}
          rowHeight={92}
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
        {shown.length === items.length
          ? t('list.count', { count: items.length })
          : t('list.countFiltered', { shown: shown.length, count: items.length })}
      </p>
    </div>
  )
}

function EvidenceRow({ item, check, selected }: { item: EvidenceItem; check?: BlobCheck; selected: boolean }) {
  const t = useT('evidence')
  const lang = useLanguage()
  const integrity = integrityOf(item, check)
  const grade = gradeOf(item)
  const status = item.verification.status
  return (
    <div className={`ev-row ${selected ? 'ev-row--selected' : ''}`} data-testid="evidence-row">
      <span className={`ev-kind ev-kind--${kindClass(item.kind)}`} aria-hidden="true">
        {t(`kindIcon.${item.kind}`)}
      </span>
      <div className="ev-row__main">
        <div className="ev-row__title" title={item.title}>
          {item.title}
        </div>
        <div className="ev-row__meta">
          <span className={`badge badge--${STATUS_TONE[status]}`}>{t(`status.${status}`)}</span>
          {grade && (
            <span className="badge badge--grade" title={t('list.gradeTitle')}>
              {grade}
            </span>
          )}
          <span className="ev-row__kindlabel">{t(`kind.${item.kind}`)}</span>
          {item.withhold && <span className="ev-row__withheld">{t('withhold.badge')}</span>}
        </div>
        <div className={`ev-integrity ev-integrity--${integrity.tone}`}>{integrityLabel(integrity, t, lang)}</div>
      </div>
    </div>
  )
}
