import { say } from '@shared/i18n'
import type { MessageKey } from '@shared/i18n'
import type { AppSession } from '@main/session'

type DialogKey = MessageKey<'errRecords'> & `dialog.${string}`

/** A native file dialog's title, in the window's language (the OS shows it; the page never does). */
export const dialogTitle = (session: AppSession, key: DialogKey): string => say(session.language(), `errRecords:${key}`)
