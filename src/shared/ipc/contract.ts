/**
 * The one IPC contract: every channel with its input and output schema. The
 * preload, the main handlers and the renderer client all derive from this map.
 * Areas keep their channels in ./channels/<area>.ts; adding a channel is a line
 * there, a handler in main, and nothing else.
 */
import type { z } from 'zod'
import { analysisChannels } from './channels/analysis'
import { briefingsChannels } from './channels/briefings'
import { bundlesChannels } from './channels/bundles'
import { casesChannels } from './channels/cases'
import { encryptionChannels } from './channels/encryption'
import { reportsChannels } from './channels/reports'
import { searchChannels } from './channels/search'
import { settingsChannels } from './channels/settings'
import { evidenceChannels } from './channels/evidence'
import { statutesChannels } from './channels/statutes'
import { verificationChannels } from './channels/verification'
import { trashChannels } from './channels/trash'
import { workspaceChannels } from './channels/workspace'
import type { ChannelSpec } from './define'

export const contract = {
  ...workspaceChannels,
  ...encryptionChannels,
  ...settingsChannels,
  ...reportsChannels,
  ...casesChannels,
  ...searchChannels,
  ...statutesChannels,
  ...briefingsChannels,
  ...evidenceChannels,
  ...analysisChannels,
  ...verificationChannels,
  ...bundlesChannels,
  ...trashChannels,
} as const satisfies Record<string, ChannelSpec>

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)

export { EVENTS, isAppEvent, type AppEvent, type EventPayload, type ProgressPayload } from './events'
