import type { Handlers } from '../types'
import { casesHandlers } from './cases'
import { workspaceHandlers } from './workspace'

/** Every channel's handler; the type makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  ...workspaceHandlers,
  ...casesHandlers,
}
