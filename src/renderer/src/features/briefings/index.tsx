import { useRef } from 'react'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { navigate } from '@renderer/lib/router'
import { BriefingEditor } from './BriefingEditor'
import { BriefingList } from './BriefingList'
import './briefings.css'

/** The case's briefings; #/case/<id>/briefings/<briefingId> opens one in the editor. */
export function BriefingsTab({ caseId, detail, reload, itemId, readOnly }: CaseTabProps) {
  const open = (briefingId?: string) => navigate({ name: 'case', caseId, tab: 'briefings', itemId: briefingId })
  // The briefing last open here: back in the list, the focus returns to its link.
  const last = useRef<string | undefined>(undefined)
  if (itemId) {
    last.current = itemId
    return (
      <BriefingEditor
        caseId={caseId}
        briefingId={itemId}
        detail={detail}
        readOnly={readOnly}
        onOpen={open}
        reload={reload}
        onBack={() => {
          open()
          void reload()
        }}
      />
    )
  }
  return (
    <BriefingList
      caseId={caseId}
      briefings={detail.briefings}
      readOnly={readOnly}
      lastOpened={last.current}
      onOpen={open}
      onChanged={reload}
    />
  )
}
