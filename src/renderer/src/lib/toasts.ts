/**
 * Short notices at the corner of the window ("Actor removed. Undo"), shown by
 * components/Toasts.tsx. Any part of the window can show one; each goes away
 * after a while (longer when it offers an action), or when dismissed.
 */
import { useSyncExternalStore } from 'react'

export interface ToastAction {
  label: string
  /** What the action does; the toast closes when it resolves and shows `message` of a thrown error. */
  run: () => Promise<void> | void
}

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
  action?: ToastAction
  /** ms before it closes by itself; the timer waits while the pointer or the focus is on it. */
  timeout: number
}

let toasts: readonly Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()
const changed = () => listeners.forEach((l) => l())

/** How long a notice with an action stays: long enough to read it and reach Undo. */
export const ACTION_TIMEOUT = 12_000

export function showToast(t: {
  message: string
  tone?: Toast['tone']
  action?: ToastAction
  timeout?: number
}): number {
  const id = nextId++
  const toast: Toast = {
    id,
    message: t.message,
    tone: t.tone ?? 'info',
    action: t.action,
    timeout: t.timeout ?? (t.action ? ACTION_TIMEOUT : 6_000),
  }
  // At most four at once: the oldest goes first.
  toasts = [...toasts.slice(-3), toast]
  changed()
  return id
}

export function dismissToast(id: number): void {
  if (!toasts.some((t) => t.id === id)) return
  toasts = toasts.filter((t) => t.id !== id)
  changed()
}

/** Drops every notice (a workspace switch: their actions belong to the other workspace). */
export function clearToasts(): void {
  toasts = []
  changed()
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => toasts,
  )
}
