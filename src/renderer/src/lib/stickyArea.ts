import { useLayoutEffect, type RefObject } from 'react'

/** The nearest ancestor that scrolls vertically (the shell's content pane), else null for the page. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY
    if (y === 'auto' || y === 'scroll') return p
  }
  return null
}

/**
 * Sets two CSS custom properties on `ref`'s element, so a screen inside the case
 * view can keep a toolbar or a player in sight while the rest scrolls:
 * `--sticky-top`, the height of the case header that stays pinned above it (where
 * its own sticky parts must stop), and `--view-height`, the height left below that
 * header in the scrolling pane. Both follow resizes of the pane and the header.
 */
export function useStickyArea(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const pane = scrollParent(el)
    const header = el.closest('.case-view')?.querySelector<HTMLElement>('.case-header') ?? null
    const update = () => {
      const top = header && getComputedStyle(header).position === 'sticky' ? header.offsetHeight : 0
      const height = (pane?.clientHeight ?? window.innerHeight) - top
      el.style.setProperty('--sticky-top', `${top}px`)
      el.style.setProperty('--view-height', `${Math.max(240, height)}px`)
    }
    update()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(update)
    if (pane) ro.observe(pane)
    if (header) ro.observe(header)
    window.addEventListener('resize', update)
    return () => {
      ro.disconnect()
      window.removeEventListener('resize', update)
    }
  }, [ref])
}
