import { useCallback, useEffect, useState } from 'react'
import type { CaseSummary, WorkspaceInfo } from '@shared/domain'
import { call } from '@renderer/lib/api'
import { messageOf } from '@shared/ipc/result'

/**
 * The workspace facts the shell shows everywhere: its info and the case list.
 * `generation` grows on every full reload so open views remount with fresh data.
 */
export function useWorkspaceData() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null)
  const [cases, setCases] = useState<CaseSummary[] | null>(null)
  const [infoError, setInfoError] = useState('')
  const [casesError, setCasesError] = useState('')
  const [generation, setGeneration] = useState(0)

  const refreshCases = useCallback(async () => {
    try {
      setCases(await call('cases:list', {}))
      setCasesError('')
    } catch (e) {
      setCasesError(messageOf(e))
    }
  }, [])

  const refreshInfo = useCallback(async () => {
    try {
      setInfo(await call('workspace:info', {}))
      setInfoError('')
    } catch (e) {
      setInfoError(messageOf(e))
    }
  }, [])

  const reloadAll = useCallback(async () => {
    await refreshInfo()
    await refreshCases()
    setGeneration((g) => g + 1)
  }, [refreshInfo, refreshCases])

  useEffect(() => {
    void reloadAll()
  }, [reloadAll])

  return { info, cases, infoError, casesError, generation, refreshInfo, refreshCases, reloadAll }
}
