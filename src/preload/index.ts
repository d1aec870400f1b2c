import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ApiBridge, CasefileBridge } from '../shared/ipc/bridge'
import { CHANNELS, isAppEvent } from '../shared/ipc/contract'

// One function per channel of the contract; no generic invoke reaches the page.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as ApiBridge

const bridge: CasefileBridge = {
  api,
  on(event, listener) {
    if (!isAppEvent(event)) throw new Error(`unknown event ${String(event)}`)
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
}

contextBridge.exposeInMainWorld('casefile', bridge)
