import type { ProgressLabel } from '@main/services/tasks'
import type { HandlerContext } from '../types'

/** A task's progress as `progress` pushes (its label's catalogue message too); none without a task id. */
export function progressTo(platform: HandlerContext['platform'], taskId: string | undefined) {
  if (!taskId) return undefined
  return (label: string | ProgressLabel, done: number, total: number) =>
    platform.emit('progress', {
      taskId,
      ...(typeof label === 'string' ? { label } : { label: label.message, text: label.text }),
      done,
      total,
    })
}
