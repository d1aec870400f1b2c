/**
 * Light and dark: the user's choice, or the system's (prefers-color-scheme)
 * by default, as data-theme="light" | "dark" on <html>; styles/base.css holds
 * both palettes as CSS variables. The choice is remembered on this computer
 * so the first frame of the next start already has it (preferences arrive a
 * moment later).
 */
import type { Theme } from '@shared/domain'

const KEY = 'casefile.theme'
let stopFollowing: (() => void) | null = null

function set(resolved: 'light' | 'dark') {
  document.documentElement.dataset.theme = resolved
}

/** Applies a theme; 'system' follows the system's setting, also when it changes later. */
export function applyTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    // Only the first frame of the next start follows the system.
  }
  stopFollowing?.()
  stopFollowing = null
  if (theme !== 'system') return set(theme)
  const query = window.matchMedia?.('(prefers-color-scheme: dark)')
  if (!query) return set('light')
  const follow = () => set(query.matches ? 'dark' : 'light')
  follow()
  query.addEventListener('change', follow)
  stopFollowing = () => query.removeEventListener('change', follow)
}

/** At start: the theme last applied on this computer, else the system's. */
export function applyRememberedTheme(): void {
  let theme: Theme = 'system'
  try {
    const v = localStorage.getItem(KEY)
    if (v === 'light' || v === 'dark') theme = v
  } catch {
    // The system's, then.
  }
  applyTheme(theme)
}
