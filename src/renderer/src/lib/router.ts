import { useEffect, useState } from 'react'

/** The case view's tabs, in display order; the hash names one of them. */
export const CASE_TABS = ['overview', 'actors', 'timeline', 'evidence', 'statutes', 'briefings'] as const
export type CaseTabName = (typeof CASE_TABS)[number]

export const TAB_LABELS: Record<CaseTabName, string> = {
  overview: 'Overview',
  actors: 'Actors',
  timeline: 'Timeline',
  evidence: 'Evidence',
  statutes: 'Statutes',
  briefings: 'Briefings',
}

export type Route = { name: 'home' } | { name: 'case'; caseId: string; tab: CaseTabName; itemId?: string }

export const isCaseTab = (t: unknown): t is CaseTabName =>
  typeof t === 'string' && (CASE_TABS as readonly string[]).includes(t)

/** "#/case/<id>/<tab>[/<itemId>]" or anything else as home. Unknown tabs fall back to the overview. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode)
  if (parts[0] === 'case' && parts[1]) {
    const tab = isCaseTab(parts[2]) ? parts[2] : 'overview'
    return parts[3]
      ? { name: 'case', caseId: parts[1], tab, itemId: parts[3] }
      : { name: 'case', caseId: parts[1], tab }
  }
  return { name: 'home' }
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/'
  const tail = route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''
  return `#/case/${encodeURIComponent(route.caseId)}/${route.tab}${tail}`
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

export function navigate(route: Route): void {
  const next = formatRoute(route)
  if (window.location.hash !== next) window.location.hash = next
}

/** The current route, kept in the URL hash so a reload returns to the same place. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
