import { useEffect, useState } from 'react'
import type { CaseDetail, CaseLinks } from '@shared/domain'
import { call } from '@renderer/lib/api'

/**
 * The case's backlink index, computed in main (it reads every briefing, which
 * the window should not have to load). Asked again whenever the case is re-read
 * and on every change of tab: a briefing edited in its own tab changes "cited
 * in" without re-reading the case.
 */
export function useCaseLinks(caseId: string, detail: CaseDetail | null, tab: string): CaseLinks | null {
  const [state, setState] = useState<{ caseId: string; links: CaseLinks } | null>(null)
  useEffect(() => {
    if (!detail) return
    let live = true
    call('cases:links', { caseId }).then(
      (links) => live && setState({ caseId, links }),
      // Links are an aid beside the records: a failed read keeps the last answer rather than
      // covering the screen with an error the case's own read would have shown already.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [caseId, detail, tab])
  return state?.caseId === caseId ? state.links : null
}
