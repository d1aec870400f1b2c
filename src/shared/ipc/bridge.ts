import type { AppEvent, Channel, ChannelInput, ChannelOutput } from './contract'
import type { Result } from './result'

/** One function per contract channel, as the preload exposes them: nothing else. */
export type ApiBridge = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> }

export interface CasefileBridge {
  api: ApiBridge
  /** Subscribes to a push from main; returns the unsubscribe function. */
  on(event: AppEvent, listener: (payload: unknown) => void): () => void
}
