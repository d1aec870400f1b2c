import { ipcMain, type WebFrameMain } from 'electron'
import { CHANNELS } from '@shared/ipc/contract'
import { err } from '@shared/ipc/result'
import { createDispatcher } from './dispatch'
import { handlers } from './handlers/index'
import type { HandlerContext } from './types'

/**
 * Registers every channel of the contract with ipcMain: check the sender, then
 * the shared dispatcher parses the input, calls the service and wraps a Result.
 */
export function registerIpc(context: () => HandlerContext, isTrustedFrame: (frame: WebFrameMain | null) => boolean) {
  const dispatch = createDispatcher(handlers, context)
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame))
        return err('FORBIDDEN', 'This request did not come from the Casefile window.')
      return dispatch(channel, input)
    })
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c))
}
