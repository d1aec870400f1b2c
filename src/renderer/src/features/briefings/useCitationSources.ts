import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Annotation, CaseDetail, StatuteExcerpt } from '@shared/domain'
import type { CitationSources } from '@shared/domain/citationDisplay'
import { call, errorMessage, request } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

export interface CitationData {
  sources: CitationSources
  /** Statute ids the case links: the picker lists them first. */
  linkedStatuteIds: Set<string>
  /** Something could not be loaded (shown, but citations still resolve from the rest). */
  problem: string
  refresh: () => Promise<void>
}

/**
 * Everything a citation can point at: the case's evidence and events (from the
 * case detail), each item's annotations, and the whole statute library (a
 * briefing may cite an excerpt the case does not link).
 */
export function useCitationSources(caseId: string, detail: CaseDetail): CitationData {
  const [annotations, setAnnotations] = useState<Annotation[]>([])
  const [library, setLibrary] = useState<StatuteExcerpt[]>([])
  const [problem, setProblem] = useState('')
  const t = useT('briefings')

  const refresh = useCallback(async () => {
    const problems: string[] = []
    const lists = await Promise.all(
      detail.evidence.map(async (e) => {
        const r = await request('annotations:list', { caseId, evidenceId: e.id })
        if (r.ok) return r.value
        if (r.error.code !== 'UNKNOWN_CHANNEL')
          problems.push(t('sources.annotations', { title: e.title, message: errorMessage(r.error) }))
        return []
      }),
    )
    setAnnotations(lists.flat())
    try {
      setLibrary(await call('statutes:list', {}))
    } catch (e) {
      problems.push(t('sources.library', { message: messageOf(e) }))
    }
    setProblem(problems.length ? t('sources.problem', { problems: problems.join('; ') }) : '')
  }, [caseId, detail.evidence, t])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return useMemo(() => {
    // The case's own copies first, so a just-linked excerpt resolves before the library reloads.
    const byId = new Map([...library, ...detail.statutes].map((s) => [s.id, s]))
    return {
      sources: { evidence: detail.evidence, events: detail.events, annotations, statutes: [...byId.values()] },
      linkedStatuteIds: new Set(detail.statutes.map((s) => s.id)),
      problem,
      refresh,
    }
  }, [library, detail.statutes, detail.evidence, detail.events, annotations, problem, refresh])
}
