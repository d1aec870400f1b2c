/**
 * Debounced autosave for a form that keeps its own draft. The form owns the text
 * the user typed; this hook only sends it, so a failed save never touches the
 * fields. Usage:
 *
 *   const autosave = useAutosave((patch: CasePatch) => request('cases:update', { caseId, patch }))
 *   <input onChange={(e) => { setDraft(...); autosave.change(nextDraft) }} onBlur={autosave.flush} />
 *   <SaveStatus state={autosave.state} />
 *
 * `save` may return a Result (an error Result counts as a failure) or throw.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError } from '@renderer/lib/api'
import { messageOf, type Result } from '@shared/ipc/result'

export type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'error'; message: string }

export interface Autosave<T> {
  state: SaveState
  /** Call on every edit with the whole current value; it is saved after `delay` ms without edits. */
  change(value: T): void
  /** Saves a waiting edit now (blur, leaving the screen); resolves when nothing is in flight. */
  flush(): Promise<void>
}

export interface AutosaveOptions {
  delay?: number
}

export function useAutosave<T>(
  save: (value: T) => Promise<Result<unknown> | unknown>,
  { delay = 600 }: AutosaveOptions = {},
): Autosave<T> {
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const saveRef = useRef(save)
  saveRef.current = save
  const pending = useRef<{ value: T } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<Promise<void> | null>(null)
  const mounted = useRef(true)

  const set = useCallback((s: SaveState) => {
    if (mounted.current) setState(s)
  }, [])

  const run = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    // One save at a time: the running loop picks up whatever arrived meanwhile, so saves land in order.
    if (inFlight.current) return inFlight.current
    if (!pending.current) return Promise.resolve()
    const loop = async () => {
      while (pending.current) {
        const { value } = pending.current
        pending.current = null
        set({ status: 'saving' })
        try {
          const out = await saveRef.current(value)
          if (isErrorResult(out)) throw new ApiError(out.error)
          if (!pending.current) set({ status: 'saved' })
        } catch (e) {
          // Keep going only if a newer edit is waiting; otherwise the next edit retries.
          if (!pending.current) set({ status: 'error', message: messageOf(e) || '?' })
        }
      }
    }
    const p = loop().finally(() => {
      inFlight.current = null
    })
    inFlight.current = p
    return p
  }, [set])

  const change = useCallback(
    (value: T) => {
      pending.current = { value }
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void run(), delay)
      // An error stays on screen until the retry starts, so the user still sees why.
      setState((s) => (s.status === 'error' || s.status === 'saving' ? s : { status: 'pending' }))
    },
    [delay, run],
  )

  const flush = useCallback(async () => {
    await run()
    if (inFlight.current) await inFlight.current
  }, [run])

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      // Leaving the screen must not drop the last edit.
      if (pending.current) void run()
    }
  }, [run])

  return useMemo(() => ({ state, change, flush }), [state, change, flush])
}

function isErrorResult(v: unknown): v is Extract<Result<unknown>, { ok: false }> {
  return typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false && 'error' in v
}
