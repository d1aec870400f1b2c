import type { SaveState } from './useAutosave'

const LABELS = { idle: '', pending: 'Saving…', saving: 'Saving…', saved: 'Saved' } as const

/** The one-line save state of an autosaved form, announced politely to screen readers. */
export function SaveStatus({ state, className = '' }: { state: SaveState; className?: string }) {
  const text = state.status === 'error' ? `Save failed: ${state.message}` : LABELS[state.status]
  return (
    <span role="status" aria-live="polite" className={`save-status save-status--${state.status} ${className}`.trim()}>
      {text}
    </span>
  )
}
