import type { WorkspaceStore } from '../storage/store'
import type { ChangeBus } from './changes'

/** What every service needs: the store, a clock and an id source (both fixed in deterministic runs). */
export interface ServiceContext {
  store: WorkspaceStore
  now: () => Date
  newId: (prefix: string) => string
  changes: ChangeBus
}

export function randomId(prefix: string): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`
}

/** Ids a_0001, a_0002 ... for tests and deterministic exports. */
export function sequentialIds(): (prefix: string) => string {
  const counters = new Map<string, number>()
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1
    counters.set(prefix, n)
    return `${prefix}_${String(n).padStart(4, '0')}`
  }
}

export const nowIso = (ctx: Pick<ServiceContext, 'now'>) => ctx.now().toISOString()
