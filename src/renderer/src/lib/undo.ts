/**
 * Undo and redo for edits within a case (its fields, actors, events), beyond
 * a text field's own: each change the window makes records a step that knows
 * how to take itself back and to do itself again, through the same channels.
 * A case keeps its history while the window is open (switching cases or tabs
 * keeps it; another workspace starts afresh).
 *
 *   const undo = useUndo()
 *   await call('actors:remove', …)
 *   undo.record({ label: t('undo.removeActor', { name }), undo: () => call('actors:restore', …), redo: … },
 *     { toast: t('actors.removed', { name }) })
 */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import { ACTION_TIMEOUT, dismissToast, showToast } from './toasts'

export interface UndoStep {
  /** What the step did, in the window's words ("Remove actor “Consul”"): the buttons' names say it. */
  label: string
  undo: () => Promise<unknown>
  redo: () => Promise<unknown>
  /** Steps with the same key in quick succession merge into one (many autosaves while typing in one field). */
  mergeKey?: string
}

/** Steps with one mergeKey closer together than this are one step. */
const MERGE_MS = 4_000
/** Enough for a working session; the oldest steps go first. */
const LIMIT = 100

interface Entry extends UndoStep {
  at: number
}

export class UndoHistory {
  private done: Entry[] = []
  private undone: Entry[] = []
  private listeners = new Set<() => void>()
  private snapshot = { undo: null as string | null, redo: null as string | null, busy: false }
  private busy = false

  private changed() {
    this.snapshot = {
      undo: this.done.at(-1)?.label ?? null,
      redo: this.undone.at(-1)?.label ?? null,
      busy: this.busy,
    }
    this.listeners.forEach((l) => l())
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** The labels of the next undo and redo (null: nothing), and whether one is running. */
  state = () => this.snapshot

  record(step: UndoStep): void {
    const now = Date.now()
    const top = this.done.at(-1)
    if (step.mergeKey && top?.mergeKey === step.mergeKey && now - top.at < MERGE_MS) {
      // One step from the first state to the last: undo keeps the oldest way back, redo the newest.
      this.done[this.done.length - 1] = { ...top, redo: step.redo, label: step.label, at: now }
    } else {
      this.done.push({ ...step, at: now })
      if (this.done.length > LIMIT) this.done.shift()
    }
    this.undone = []
    this.changed()
  }

  private async run(from: Entry[], to: Entry[], pick: (e: Entry) => () => Promise<unknown>): Promise<string | null> {
    if (this.busy) return null
    const entry = from.pop()
    if (!entry) return null
    this.busy = true
    this.changed()
    try {
      await pick(entry)()
      to.push(entry)
      return entry.label
    } catch (e) {
      from.push(entry)
      throw e
    } finally {
      this.busy = false
      this.changed()
    }
  }

  /** Takes back the latest step; resolves to its label (null when there was none). A failure keeps it. */
  undo(): Promise<string | null> {
    return this.run(this.done, this.undone, (e) => e.undo)
  }

  redo(): Promise<string | null> {
    return this.run(this.undone, this.done, (e) => e.redo)
  }

  /** Takes back one given step, latest or not (an undo notice clicked after later edits). */
  async undoStep(step: UndoStep): Promise<void> {
    const i = this.done.findIndex((e) => e.undo === step.undo)
    if (i === this.done.length - 1) {
      await this.undo()
      return
    }
    await step.undo()
    if (i >= 0) this.done.splice(i, 1)
    this.changed()
  }
}

const histories = new Map<string, UndoHistory>()

/** The history of one case, the same object for as long as the window shows this workspace. */
export function historyFor(caseId: string): UndoHistory {
  let h = histories.get(caseId)
  if (!h) histories.set(caseId, (h = new UndoHistory()))
  return h
}

/** Forgets every history (another workspace is open). */
export function clearHistories(): void {
  histories.clear()
}

export interface UndoScope {
  history: UndoHistory
  /** Re-reads what the steps change (the case), after an undo or redo. */
  afterChange: () => Promise<void>
  /** Tells a failed undo or redo (a notice). */
  onError: (e: unknown) => void
  /** The notice's button label ("Undo"). */
  undoLabel: string
}

export const UndoContext = createContext<UndoScope | null>(null)

/** Records steps in the case's history; outside a case (no scope) it records nothing. */
export function useUndo() {
  const scope = useContext(UndoContext)
  return useMemo(
    () => ({
      /** Records a step; with `toast`, also says what happened with an Undo button (for removals). */
      record(step: UndoStep, options: { toast?: string } = {}) {
        if (!scope) return
        scope.history.record(step)
        if (!options.toast) return
        const id = showToast({
          message: options.toast,
          timeout: ACTION_TIMEOUT,
          action: {
            label: scope.undoLabel,
            run: async () => {
              dismissToast(id)
              try {
                await scope.history.undoStep(step)
                await scope.afterChange()
              } catch (e) {
                scope.onError(e)
              }
            },
          },
        })
      },
    }),
    [scope],
  )
}

/** The next undo and redo labels of a history, re-rendering when they change. */
export function useUndoState(history: UndoHistory) {
  return useSyncExternalStore(history.subscribe, history.state)
}
