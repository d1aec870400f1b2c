import type { Handlers } from '../types'
import { analysisHandlers } from './analysis'
import { briefingsHandlers } from './briefings'
import { bundlesHandlers } from './bundles'
import { casesHandlers } from './cases'
import { encryptionHandlers } from './encryption'
import { reportsHandlers } from './reports'
import { searchHandlers } from './search'
import { settingsHandlers } from './settings'
import { evidenceHandlers } from './evidence'
import { statutesHandlers } from './statutes'
import { verificationHandlers } from './verification'
import { trashHandlers } from './trash'
import { workspaceHandlers } from './workspace'

/** Every channel's handler; the type makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  ...workspaceHandlers,
  ...encryptionHandlers,
  ...settingsHandlers,
  ...reportsHandlers,
  ...casesHandlers,
  ...searchHandlers,
  ...evidenceHandlers,
  ...statutesHandlers,
  ...briefingsHandlers,
  ...analysisHandlers,
  ...verificationHandlers,
  ...bundlesHandlers,
  ...trashHandlers,
}
