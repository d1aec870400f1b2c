import { appError } from '@shared/i18n/appError'
import type { MessageRef } from '@shared/ipc/result'

/**
 * Progress of long work as the window shows it: what is being done (English, or named in the
 * catalogue so the window words it in its language), and how far (bytes, pages).
 */
export type ProgressReport = (label: string | ProgressLabel, done: number, total: number) => void
export interface ProgressLabel {
  message: string
  text: MessageRef
}

/**
 * Long work the renderer can cancel by the task id it chose (imports, uploads,
 * verification, PDF export). Each running task holds an AbortController.
 */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>()

  /** Starts a task; a second task under a running id is refused so a cancel never hits the wrong one. */
  start(taskId: string): AbortSignal {
    if (this.running.has(taskId)) throw appError('CONFLICT', 'errStorage:taskIdAlreadyRunning', { taskId })
    const c = new AbortController()
    this.running.set(taskId, c)
    return c.signal
  }

  /** Forgets the task, unless the id has since been reused by a newer one. */
  end(taskId: string, signal?: AbortSignal): void {
    if (!signal || this.running.get(taskId)?.signal === signal) this.running.delete(taskId)
  }

  cancel(taskId: string): boolean {
    const c = this.running.get(taskId)
    if (!c) return false
    c.abort()
    this.running.delete(taskId)
    return true
  }

  /** Cancels every running task (the workspace is closing). */
  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id)
  }

  /** Runs fn as task `taskId` (or untracked when none is given). */
  async run<T>(taskId: string | undefined, fn: (signal?: AbortSignal) => Promise<T>): Promise<T> {
    if (!taskId) return fn(undefined)
    const signal = this.start(taskId)
    try {
      return await fn(signal)
    } finally {
      this.end(taskId, signal)
    }
  }
}
