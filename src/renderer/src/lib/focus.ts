import { useEffect, useRef } from 'react'

/**
 * A screen's heading that takes the focus when the screen opens (give it
 * tabIndex={-1}), so keyboard and screen-reader users start where they went.
 * `when` delays it until the heading exists (data loaded); it focuses once.
 */
export function useFocusOnOpen<T extends HTMLElement>(when = true) {
  const ref = useRef<T>(null)
  const done = useRef(false)
  useEffect(() => {
    if (!when || done.current || !ref.current) return
    done.current = true
    ref.current.focus({ preventScroll: true })
  })
  return ref
}
