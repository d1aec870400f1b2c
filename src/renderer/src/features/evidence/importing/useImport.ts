import { useCallback, useEffect, useRef, useState } from 'react'
import type { EvidenceItem } from '@shared/domain'
import type { ProgressPayload } from '@shared/ipc/events'
import { ApiError, onAppEvent } from '@renderer/lib/api'
import { evidenceApi, newTaskId } from '../api'
import { uploadFile } from './upload'
import { messageOf } from '@shared/ipc/result'

/** The running task as its progress events describe it. */
export type TaskState = ProgressPayload

/**
 * Imports (dialog or dropped files) and the integrity check, as one task at a
 * time with progress from main's `progress` events and a way to cancel.
 */
export function useEvidenceTasks(caseId: string, onImported: (items: EvidenceItem[]) => void | Promise<void>) {
  const [task, setTask] = useState<TaskState | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const current = useRef<string | null>(null)
  const cancelled = useRef(false)

  useEffect(
    () =>
      onAppEvent('progress', (p) => {
        if (p.taskId !== current.current) return
        setTask(p)
      }),
    [],
  )

  const run = useCallback(
    async <T>(prefix: string, label: string, work: (taskId: string) => Promise<T>): Promise<T | undefined> => {
      // One task at a time: the buttons are disabled meanwhile, and a drop is ignored.
      if (current.current) return undefined
      const taskId = newTaskId(prefix)
      current.current = taskId
      cancelled.current = false
      setError('')
      setNotice('')
      setTask({ taskId, label, done: 0, total: 0 })
      try {
        return await work(taskId)
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CANCELLED') setNotice('Cancelled. Nothing was added.')
        else if (!cancelled.current) setError(messageOf(e))
        else setNotice('Cancelled. Nothing was added.')
        return undefined
      } finally {
        current.current = null
        setTask(null)
      }
    },
    [],
  )

  const pickAndImport = useCallback(
    () =>
      run('import', 'Importing…', async (taskId) => {
        const out = await evidenceApi.pickAndImport(caseId, taskId)
        if (out.items.length) {
          setNotice(`Imported ${out.items.length} file${out.items.length === 1 ? '' : 's'}.`)
          await onImported(out.items)
        }
        return out.items
      }),
    [caseId, onImported, run],
  )

  const importFiles = useCallback(
    (files: File[]) =>
      run('upload', 'Uploading…', async (taskId) => {
        const items: EvidenceItem[] = []
        for (const file of files) {
          const item = await uploadFile(
            caseId,
            taskId,
            file,
            (done, total) => setTask({ taskId, label: `Importing ${file.name}`, done, total }),
            () => cancelled.current,
          )
          if (!item) {
            setNotice('Cancelled.')
            break
          }
          items.push(item)
        }
        if (items.length) {
          setNotice(`Imported ${items.length} file${items.length === 1 ? '' : 's'}.`)
          await onImported(items)
        }
        return items
      }),
    [caseId, onImported, run],
  )

  const verify = useCallback(
    () => run('verify', 'Re-hashing every file of the case…', (taskId) => evidenceApi.verify(caseId, taskId)),
    [caseId, run],
  )

  const cancel = useCallback(async () => {
    const taskId = current.current
    if (!taskId) return
    cancelled.current = true
    try {
      await evidenceApi.cancelTask(taskId)
    } catch (e) {
      setError(`Could not cancel: ${messageOf(e)}`)
    }
  }, [])

  return { task, error, notice, setError, setNotice, pickAndImport, importFiles, verify, cancel }
}
