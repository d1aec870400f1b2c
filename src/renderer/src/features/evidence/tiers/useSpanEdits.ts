import { useCallback, useMemo, useRef, useState } from 'react'
import type { Annotation, AnnotationPatch } from '@shared/domain'
import type { Result } from '@shared/ipc/result'
import { useAutosave, type SaveState } from '@renderer/components/useAutosave'
import type { TimeTarget } from './laneModel'

export interface SpanEdits {
  /** The annotations as the lanes and the editor should show them: stored, with unsaved edge moves on top. */
  shown: Annotation[]
  /** Moves a span's range now on screen; it is saved after a pause (or at flush). */
  edit: (id: string, target: TimeTarget) => void
  flush: () => Promise<void>
  /** Forgets a span's unsaved move: its range is being set another way (typed, or [ and ]). */
  drop: (id: string) => void
  state: SaveState
}

/**
 * Edge moves of the tier lanes, autosaved like the rest of the screen: a drag or
 * a run of key presses is one save after a short pause, not one per pixel or
 * press. Drafts sit beside the stored annotations rather than in them, so a save
 * of something else (the editor's text) that answers with the older range cannot
 * pull a span back while its own save is still waiting.
 */
export function useSpanEdits(
  annotations: Annotation[],
  save: (id: string, patch: AnnotationPatch) => Promise<Result<Annotation>>,
): SpanEdits {
  const [drafts, setDrafts] = useState<Record<string, TimeTarget>>({})
  const waiting = useRef<Record<string, TimeTarget>>({})

  const autosave = useAutosave(
    async () => {
      const batch = { ...waiting.current }
      for (const [id, target] of Object.entries(batch)) {
        const result = await save(id, { target })
        // A failed move stays waiting (the next edit retries it) and on screen, with the error beside it.
        if (!result.ok) return result
        // A newer move of the same span keeps its draft: it is saved on the next round.
        if (waiting.current[id] === target) delete waiting.current[id]
        setDrafts((d) => {
          if (d[id] !== target) return d
          const rest = { ...d }
          delete rest[id]
          return rest
        })
      }
      return undefined
    },
    { delay: 500 },
  )

  const edit = useCallback(
    (id: string, target: TimeTarget) => {
      waiting.current[id] = target
      setDrafts((d) => ({ ...d, [id]: target }))
      autosave.change(null)
    },
    [autosave],
  )

  const drop = useCallback((id: string) => {
    delete waiting.current[id]
    setDrafts((d) => {
      if (!(id in d)) return d
      const rest = { ...d }
      delete rest[id]
      return rest
    })
  }, [])

  const shown = useMemo(
    () => annotations.map((a) => (drafts[a.id] ? { ...a, target: drafts[a.id] } : a)),
    [annotations, drafts],
  )
  return { shown, edit, flush: autosave.flush, drop, state: autosave.state }
}
