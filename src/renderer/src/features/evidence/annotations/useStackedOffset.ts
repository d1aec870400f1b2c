import { useLayoutEffect } from 'react'

/**
 * Where the player stays in sight above the annotations (one column), what the
 * annotations scroll to must land below it: `--ev-media-h` is the pinned
 * player's height then (0 when they stand side by side), and the CSS keeps
 * focused fields clear of it. In one column only the player itself is pinned
 * (its tier lanes scroll under it), so it is the player that is measured.
 */
export function useStackedOffset(ref: React.RefObject<HTMLDivElement | null>) {
  useLayoutEffect(() => {
    const el = ref.current
    const media = el?.querySelector<HTMLElement>('.ev-pane__media')
    const side = el?.querySelector<HTMLElement>('.ev-pane__side')
    if (!el || !media || !side) return
    // The player appears once the file's URL is known; until then the media column stands in for it.
    const pinned = () => el.querySelector<HTMLElement>('.ev-player') ?? media
    const update = () => {
      const p = pinned().getBoundingClientRect()
      const stacked = side.getBoundingClientRect().top >= p.bottom - 1
      el.style.setProperty('--ev-media-h', `${stacked ? p.height : 0}px`)
    }
    update()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(update)
    ro.observe(el)
    ro.observe(side)
    // The player comes and goes inside the media column (a display: contents box in one column, which a
    // ResizeObserver never reports): watch for it.
    let watched: HTMLElement | null = null
    const watch = () => {
      const p = pinned()
      if (p === watched) return
      if (watched) ro.unobserve(watched)
      ro.observe(p)
      watched = p
      update()
    }
    watch()
    const mo = new MutationObserver(watch)
    mo.observe(media, { childList: true, subtree: true })
    return () => {
      ro.disconnect()
      mo.disconnect()
    }
  }, [ref])
}
