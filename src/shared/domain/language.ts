import { z } from 'zod'

/** The languages of the window, the memo and the command line. */
export const LANGUAGES = ['en', 'es'] as const
export const Language = z.enum(LANGUAGES)
export type Language = z.infer<typeof Language>

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' }
