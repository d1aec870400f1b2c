import { useEffect, useState } from 'react'
import { formatTarget, type Annotation } from '@shared/domain'
import { VirtualList } from '@renderer/components/VirtualList'
import { useLanguage, useT } from '@renderer/lib/i18n'

/**
 * The item's annotations in reading order (the caller sorts). Enter or a click
 * opens one and, for time codes, seeks the player to its start.
 */
export function AnnotationList({
  annotations,
  selectedId,
  onSelect,
  onOpen,
}: {
  annotations: Annotation[]
  selectedId: string | null
  onSelect: (a: Annotation) => void
  onOpen: (a: Annotation) => void
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  const selectedIndex = annotations.findIndex((a) => a.id === selectedId)
  const [active, setActive] = useState(selectedIndex)
  useEffect(() => setActive(selectedIndex), [selectedIndex])

  if (!annotations.length) return <p className="muted ev-annlist__empty">{t('annotations.none')}</p>
  return (
    <VirtualList
      className="ev-vlist ev-annlist"
      label={t('annotations.list')}
      items={annotations}
      getKey={(a) => a.id}
      rowHeight={52}
      height="auto"
      overscan={8}
      activeIndex={active}
      onActiveChange={(i) => {
        setActive(i)
        onSelect(annotations[i])
      }}
      onOpen={onOpen}
      renderItem={(a, { index: i }) => (
        <div className="ev-ann" data-testid="annotation-row">
          <span className="ev-ann__target mono">
            {a.target.type === 'region' ? `#${i + 1} ` : ''}
            {formatTarget(a.target, lang)}
          </span>
          <span className="ev-ann__text">{a.text || <em className="muted">{t('annotations.noText')}</em>}</span>
          {(a.tags.length > 0 || a.eventIds.length > 0 || a.statuteIds.length > 0) && (
            <span className="ev-ann__meta muted small">
              {a.tags.map((t) => `#${t}`).join(' ')}
              {a.eventIds.length > 0 && ` · ${t('annotations.events', { count: a.eventIds.length })}`}
              {a.statuteIds.length > 0 && ` · ${t('annotations.statutes', { count: a.statuteIds.length })}`}
            </span>
          )}
        </div>
      )}
    />
  )
}
