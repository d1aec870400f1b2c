import { useT } from '@renderer/lib/i18n'
import type { SaveState } from './useAutosave'

/** The one-line save state of an autosaved form, announced politely to screen readers. */
export function SaveStatus({ state, className = '' }: { state: SaveState; className?: string }) {
  const t = useT()
  const text =
    state.status === 'error'
      ? t('save.failed', { reason: state.message })
      : state.status === 'saved'
        ? t('save.saved')
        : state.status === 'idle'
          ? ''
          : t('save.saving')
  return (
    <span role="status" aria-live="polite" className={`save-status save-status--${state.status} ${className}`.trim()}>
      {text}
    </span>
  )
}
