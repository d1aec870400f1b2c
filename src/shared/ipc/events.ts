/**
 * Pushes from main to the renderer, each with its payload schema, and the
 * commands the application menu sends. Payloads are plain JSON.
 */
import { z } from 'zod'
import { MessageText } from '../domain/common'

/** Menu items that act in the window, declared once for main's menu and the renderer. */
export type MenuCommand = 'new-case' | 'search' | 'settings' | 'trash' | 'shortcuts' | 'about'
export const MENU_COMMANDS: Record<MenuCommand, { label: string; accelerator: string | undefined }> = {
  'new-case': { label: 'New Case', accelerator: 'CmdOrCtrl+N' },
  search: { label: 'Search', accelerator: 'CmdOrCtrl+K' },
  settings: { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  trash: { label: 'Trash', accelerator: undefined },
  shortcuts: { label: 'Keyboard Shortcuts', accelerator: '?' },
  about: { label: 'About Casefile', accelerator: undefined },
}
/**
 * Shortcuts the window answers itself, where the place with the focus may answer
 * them first (Ctrl+K in the briefing editor inserts a link; ? types in a field):
 * the menu shows them but does not take the key (lib/shortcuts.ts in the renderer).
 */
export const WINDOW_HANDLES: readonly MenuCommand[] = ['search', 'shortcuts']
export const MenuCommand = z.enum(Object.keys(MENU_COMMANDS) as [MenuCommand, ...MenuCommand[]])

/** Long work in progress (an import, a verification, an export), matched by the task id the renderer chose. */
export const ProgressPayload = z.object({
  taskId: z.string(),
  label: z.string(),
  /** The label named in the catalogue, for the window to word in its language. */
  text: MessageText.optional(),
  done: z.number(),
  total: z.number(),
})
export type ProgressPayload = z.infer<typeof ProgressPayload>

export const appEvents = {
  'workspace:changed': z.object({}),
  'menu:command': z.object({ name: MenuCommand }),
  progress: ProgressPayload,
} as const

export type AppEvent = keyof typeof appEvents
export type EventPayload<E extends AppEvent> = z.infer<(typeof appEvents)[E]>
export const EVENTS = Object.keys(appEvents) as AppEvent[]
export const isAppEvent = (name: unknown): name is AppEvent =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(appEvents, name)
