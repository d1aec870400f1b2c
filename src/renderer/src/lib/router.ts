import { useEffect, useState } from 'react'

/** The case view's tabs, in display order; the hash names one of them. */
export const CASE_TABS = ['overview', 'actors', 'timeline', 'evidence', 'statutes', 'issues', 'briefings'] as const
export type CaseTabName = (typeof CASE_TABS)[number]

/** The catalogue key of a tab's name (ui namespace). */
export const tabLabelKey = (tab: CaseTabName) => `tabs.${tab}` as const

/** Screens of the window that are not a case: the settings and the trash. */
export const SCREENS = ['settings', 'trash'] as const
export type ScreenName = (typeof SCREENS)[number]

export type Route =
  { name: 'home' } | { name: ScreenName } | { name: 'case'; caseId: string; tab: CaseTabName; itemId?: string }

export const isCaseTab = (t: unknown): t is CaseTabName =>
  typeof t === 'string' && (CASE_TABS as readonly string[]).includes(t)

/** "#/case/<id>/<tab>[/<itemId>]", "#/settings", "#/trash", or anything else as home. Unknown tabs fall back to the overview. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode)
  const screen = SCREENS.find((s) => s === parts[0])
  if (screen && parts.length === 1) return { name: screen }
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
  if (route.name !== 'case') return `#/${route.name}`
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
