import { useState } from 'react'
import type { CitedIn } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'
import { hrefOf } from './hrefs'
import './links.css'

export interface LinkItem {
  id: string
  /** The record's own words (a title, a name): workspace data, never translated. */
  label: string
  href: string
}

/**
 * A labelled row of links to other records ("Exhibits: Video, Bulletin"). Plain
 * anchors to hash routes, so Tab reaches each and Enter follows it. Long lists
 * (an actor in thousands of events) show the first few and a button for the rest.
 */
export function LinkGroup({ label, items, limit = 6 }: { label: string; items: readonly LinkItem[]; limit?: number }) {
  const t = useT()
  const [all, setAll] = useState(false)
  if (!items.length) return null
  const shown = all ? items : items.slice(0, limit)
  return (
    <div className="link-group">
      <span className="link-group__label">{label}</span>
      <ul className="link-group__list" aria-label={label}>
        {shown.map((i) => (
          <li key={i.id}>
            <a className="link-chip" href={i.href} translate="no">
              {i.label}
            </a>
          </li>
        ))}
        {items.length > shown.length && (
          <li>
            <button type="button" className="button--link link-group__more" onClick={() => setAll(true)}>
              {t('links.showAll', { count: items.length })}
            </button>
          </li>
        )}
      </ul>
    </div>
  )
}

/** Links to records of one kind, named from `names`; ids the case no longer holds are left out. */
export function linkItems(
  caseId: string,
  tab: Parameters<typeof hrefOf>[1],
  ids: readonly string[] | undefined,
  names: ReadonlyMap<string, string>,
): LinkItem[] {
  const out: LinkItem[] = []
  for (const id of ids ?? []) {
    const label = names.get(id)
    if (label !== undefined) out.push({ id, label, href: hrefOf(caseId, tab, id) })
  }
  return out
}

/** "Cited in": each briefing sentence that cites the record, linking to the briefing. */
export function CitedInList({ caseId, citedIn }: { caseId: string; citedIn: readonly CitedIn[] }) {
  const t = useT()
  if (!citedIn.length) return null
  const label = t('links.citedIn')
  return (
    <div className="link-group link-group--cited">
      <span className="link-group__label">{label}</span>
      <ul className="cited-in" aria-label={label}>
        {citedIn.map((c, i) => (
          <li key={`${c.briefingId}-${i}`} className="cited-in__item">
            <a href={hrefOf(caseId, 'briefings', c.briefingId)} translate="no">
              {c.title}
            </a>
            {/* The briefing's own sentence, shown as written. */}
            {c.excerpt && (
              <q className="cited-in__excerpt" translate="no">
                {c.excerpt}
              </q>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
