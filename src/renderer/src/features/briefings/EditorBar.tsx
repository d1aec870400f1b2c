import type { BriefingStatus } from '@shared/domain'
import { SaveStatus } from '@renderer/components/SaveStatus'
import type { SaveState } from '@renderer/components/useAutosave'
import { useT } from '@renderer/lib/i18n'
import { StatusToggle } from './StatusToggle'

interface Props {
  save: SaveState
  status: BriefingStatus
  readOnly?: boolean
  onBack: () => void
  onRetry: () => void
  onStatus: (s: BriefingStatus) => void
  onImportClearance: () => void
  onExport: () => void
}

/** Back to the list, the save state, Draft/Final, and the ways out: export, and a cleared copy back in. */
export function EditorBar(p: Props) {
  const t = useT('briefings')
  return (
    <div className="briefing-editor__bar">
      <button type="button" className="briefing-editor__back" onClick={p.onBack}>
        ← {t('editor.back')}
      </button>
      <span className="briefing-editor__spacer" />
      <SaveStatus state={p.save} />
      {p.save.status === 'error' && (
        <button type="button" className="button--small" onClick={p.onRetry}>
          {t('editor.retry')}
        </button>
      )}
      <StatusToggle status={p.status} disabled={p.readOnly} onChange={p.onStatus} />
      <button type="button" disabled={p.readOnly} onClick={p.onImportClearance}>
        {t('editor.importClearance')}
      </button>
      <button type="button" className="button--primary" onClick={p.onExport}>
        {t('editor.export')}
      </button>
    </div>
  )
}
