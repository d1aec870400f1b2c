import { useCallback, useEffect, useRef, useState } from 'react'
import type { EvidenceItem } from '@shared/domain'
import type { ProgressPayload } from '@shared/ipc/events'
import { ApiError, onAppEvent } from '@renderer/lib/api'
import { i18n, useT } from '@renderer/lib/i18n'
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
  const t = useT('evidence')
  const [task, setTask] = useState<TaskState | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const current = useRef<string | null>(null)
  const cancelled = useRef(false)

  useEffect(
    () =>
      onAppEvent('progress', (p) => {
        if (p.taskId !== current.current) return
        // Main's label counts when it is named in the catalogue (worded here in the window's language);
        // a plain English one is not shown, the label worded here stays.
        const label = p.text ? i18n.t(p.text.key, p.text.values) : undefined
        setTask((cur) =>
          cur && cur.taskId === p.taskId ? { ...cur, done: p.done, total: p.total, ...(label ? { label } : {}) } : cur,
        )
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
        if (e instanceof ApiError && e.code === 'CANCELLED') setNotice(t('task.cancelledNothing'))
        else if (!cancelled.current) setError(messageOf(e))
        else setNotice(t('task.cancelledNothing'))
        return undefined
      } finally {
        current.current = null
        setTask(null)
      }
    },
    [t],
  )

  const pickAndImport = useCallback(
    () =>
      run('import', t('task.importing'), async (taskId) => {
        const out = await evidenceApi.pickAndImport(caseId, taskId)
        if (out.items.length) {
          setNotice(t('task.imported', { count: out.items.length }))
          await onImported(out.items)
        }
        return out.items
      }),
    [caseId, onImported, run, t],
  )

  const importFiles = useCallback(
    (files: File[]) =>
      run('upload', t('task.uploading'), async (taskId) => {
        const items: EvidenceItem[] = []
        for (const file of files) {
          const item = await uploadFile(
            caseId,
            taskId,
            file,
            (done, total) => setTask({ taskId, label: t('task.importingFile', { name: file.name }), done, total }),
            () => cancelled.current,
          )
          if (!item) {
            setNotice(t('task.cancelled'))
            break
          }
          items.push(item)
        }
        if (items.length) {
          setNotice(t('task.imported', { count: items.length }))
          await onImported(items)
        }
        return items
      }),
    [caseId, onImported, run, t],
  )

  const verify = useCallback(
    () => run('verify', t('task.verifying'), (taskId) => evidenceApi.verify(caseId, taskId)),
    [caseId, run, t],
  )

  const cancel = useCallback(async () => {
    const taskId = current.current
    if (!taskId) return
    cancelled.current = true
    try {
      await evidenceApi.cancelTask(taskId)
    } catch (e) {
      setError(t('task.cancelFailed', { message: messageOf(e) }))
    }
  }, [t])

  return { task, error, notice, setError, setNotice, pickAndImport, importFiles, verify, cancel }
}
