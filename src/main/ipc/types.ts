import type { z } from 'zod'
import type { Channel, ChannelOutput, Contract } from '@shared/ipc/contract'
import type { AppSession, Platform } from '../session'
import type { Services } from '../services/index'

export interface HandlerContext {
  services: Services
  session: AppSession
  platform: Platform
}

export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  ctx: HandlerContext,
) => Promise<ChannelOutput<C>>

export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> }
export type Handlers = HandlersFor<Channel>
