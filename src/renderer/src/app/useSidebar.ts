import { useCallback, useState } from 'react'

const KEY = 'casefile.sidebarCollapsed'

/** Whether the case list is folded away (remembered on this computer), and the way to toggle it. */
export function useSidebar() {
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return localStorage.getItem(KEY) === '1'
    } catch {
      return false
    }
  })
  const toggle = useCallback(() => {
    setCollapsed((c) => {
      try {
        localStorage.setItem(KEY, c ? '0' : '1')
      } catch {
        // Not remembered: the next start shows the list again.
      }
      return !c
    })
  }, [])
  return { collapsed, toggle }
}
