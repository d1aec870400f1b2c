/**
 * Keyboard shortcuts: one way to name a key combination, and one rule for who
 * answers it, so a key does one thing in each place.
 *
 * A place that answers a combination itself (the briefing editor answers
 * Ctrl+K with its link dialog) either handles the keydown first and calls
 * `preventDefault()` (ProseMirror does when a keymap command returns true), or
 * marks its element with `ownsKeys('mod+k')`. The window's own shortcuts
 * (search on Ctrl+K, undo on Ctrl+Z…) go through `globalShortcut`, which
 * leaves alone any keydown that was prevented or that happened inside an
 * element owning the combination.
 *
 *   <div {...ownsKeys('mod+k')}>…editor…</div>
 *   useEffect(() => onGlobalShortcut('mod+k', () => openSearch()), [])
 */
import { useEffect, useRef } from 'react'

/** A combination in a fixed form: modifiers in the order mod, alt, shift, then the key, lower case ("mod+shift+z", "?", "escape"). */
export type KeyCombo = string

/** The attribute an element carries to answer some combinations itself (a space-separated list). */
export const OWNS_KEYS_ATTR = 'data-owns-keys'

/** Props for an element that answers these combinations itself: `<div {...ownsKeys('mod+k')}>`. */
export function ownsKeys(...combos: KeyCombo[]): Record<string, string> {
  return { [OWNS_KEYS_ATTR]: combos.join(' ') }
}

/** The combination of a keydown, in KeyCombo form; Ctrl and ⌘ are both "mod". */
export function comboOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): KeyCombo {
  const parts: string[] = []
  if (e.ctrlKey || e.metaKey) parts.push('mod')
  if (e.altKey) parts.push('alt')
  // "?" is Shift+/ on most layouts: the character already says so.
  const printable = e.key.length === 1 && !/[a-z0-9]/i.test(e.key)
  if (e.shiftKey && !printable) parts.push('shift')
  parts.push(e.key.toLowerCase())
  return parts.join('+')
}

/** Whether the keydown happened where a person types (a field, a rich-text editor): plain keys are theirs. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  return false
}

/** Whether the window may answer this keydown with `combo`: nobody handled it, and no element around its target owns it. */
export function isForWindow(e: KeyboardEvent, combo: KeyCombo): boolean {
  if (e.defaultPrevented) return false
  const t = e.target instanceof Element ? e.target : null
  const owner = t?.closest(`[${OWNS_KEYS_ATTR}]`)
  return !owner?.getAttribute(OWNS_KEYS_ATTR)?.split(/\s+/).includes(combo)
}

export interface GlobalShortcutOptions {
  /** Also when the focus is in a text field (Ctrl+K yes; Ctrl+Z no, the field undoes its own text). */
  inFields?: boolean
}

/**
 * Calls `run` for `combo` pressed anywhere in the window, unless a place
 * answered it itself (see the module comment). Listens in the bubbling phase,
 * so every handler nearer the focus runs first. Returns the unsubscribe.
 */
export function onGlobalShortcut(
  combo: KeyCombo,
  run: (e: KeyboardEvent) => void,
  { inFields = false }: GlobalShortcutOptions = {},
): () => void {
  const listener = (e: KeyboardEvent) => {
    if (comboOf(e) !== combo || !isForWindow(e, combo)) return
    if (!inFields && isTyping(e.target)) return
    e.preventDefault()
    run(e)
  }
  window.addEventListener('keydown', listener)
  return () => window.removeEventListener('keydown', listener)
}

/** `onGlobalShortcut` for a component's lifetime; `run` may change between renders. */
export function useGlobalShortcut(
  combo: KeyCombo,
  run: ((e: KeyboardEvent) => void) | null,
  options: GlobalShortcutOptions = {},
): void {
  const runRef = useRef(run)
  runRef.current = run
  const enabled = run !== null
  const { inFields = false } = options
  useEffect(() => {
    if (!enabled) return
    return onGlobalShortcut(combo, (e) => runRef.current?.(e), { inFields })
  }, [combo, enabled, inFields])
}
