/**
 * What changed in a workspace, told to whoever listens (the search index).
 * Services emit after the change is on disk.
 */
import type { SearchKind } from '@shared/domain'

/** Every kind of record a change can concern: the kinds search finds. */
export type EntityKind = SearchKind

export interface Change {
  kind: EntityKind
  op: 'upsert' | 'remove'
  caseId?: string
  id: string
}

export class ChangeBus {
  private listeners = new Set<(c: Change) => void>()

  on(listener: (c: Change) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(change: Change): void {
    for (const l of this.listeners) {
      try {
        l(change)
      } catch (e) {
        // A listener's failure must not undo or fail the user's saved change.
        console.error('[changes] listener failed', e)
      }
    }
  }
}
