import type { CitationAttrs } from '@shared/domain'
import type { CitationDisplay } from '@shared/domain/citationDisplay'
import { useT } from '@renderer/lib/i18n'

/** The citations of unverified (or missing) sources, with what the memo will say about each. */
export function CaveatList({ items }: { items: { a: CitationAttrs; d: CitationDisplay }[] }) {
  const t = useT('briefings')
  if (!items.length) return null
  return (
    <aside className="citation-caveats" aria-label={t('caveats.label')}>
      <h2>{t('caveats.title')}</h2>
      <ul>
        {items.map(({ a, d }, i) => (
          <li key={`${a.target}:${a.id}:${i}`} className={d.missing ? 'citation-caveats__missing' : ''}>
            <span className="citation-caveats__label">{d.label}</span> — {d.missing ? d.detail : d.caveat}
          </li>
        ))}
      </ul>
    </aside>
  )
}
