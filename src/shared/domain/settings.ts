import { z } from 'zod'
import { CLASSIFICATION_PRESETS, Classification } from './case'
import { patchOf, Sha256 } from './common'
import { TimeZone } from './event'
import { Language } from './language'

const line = z.string().trim().max(200)

/**
 * Who the memos come from: the letterhead a ministry prints, its memo numbers,
 * and the people a memo names by default. New briefings take the defaults into
 * their header, where each memo can change them.
 */
export const Organisation = z.object({
  /** Printed centred at the top of the first page, e.g. the state, then the ministry, then the office. */
  letterhead: z.array(line).max(6).default([]),
  /** An image held in the blob store (PNG or JPEG), printed beside the letterhead. */
  logo: z.object({ sha256: Sha256, mediaType: z.enum(['image/png', 'image/jpeg']) }).optional(),
  /**
   * The memo number, fixed when a briefing is first exported as final. {YYYY} and
   * {YY} are the year, {NNNN} the counter padded to as many digits as there are Ns.
   */
  memoNumberPattern: z.string().trim().max(100).default(''),
  /** The last number given, per year (the counter starts again each year). */
  memoCounter: z.object({ year: z.number().int(), last: z.number().int().nonnegative() }).optional(),
  cc: z.string().trim().max(500).default(''),
  drafter: line.default(''),
  clearance: z.string().trim().max(1_000).default(''),
  signatoryName: line.default(''),
  signatoryTitle: line.default(''),
})
export type Organisation = z.infer<typeof Organisation>

/** Settings of a workspace, kept in workspace.json. */
export const WorkspaceSettings = z.object({
  organisation: Organisation.default(Organisation.parse({})),
  /** The markings cases and briefings pick from. */
  classifications: z
    .array(Classification)
    .min(1)
    .max(30)
    .default([...CLASSIFICATION_PRESETS]),
  /** The zone new events and dates start in. */
  defaultTimeZone: TimeZone.default('UTC'),
  /** The language new briefings are drafted in. */
  memoLanguage: Language.default('en'),
})
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>

/** A change of settings: any top-level field; organisation fields merge. */
export const SettingsPatch = z.object({
  organisation: patchOf(Organisation.omit({ memoCounter: true, logo: true })).optional(),
  classifications: WorkspaceSettings.shape.classifications.unwrap().optional(),
  defaultTimeZone: TimeZone.optional(),
  memoLanguage: Language.optional(),
})
export type SettingsPatch = z.input<typeof SettingsPatch>

const TOKEN = /\{(YYYY|YY|N+)\}/g

/** The memo number a pattern gives for a counter value and a year: "MREMH-DAN-{YYYY}-{NNNN}-M" -> "MREMH-DAN-2026-0007-M". */
export function formatMemoNumber(pattern: string, counter: number, year: number): string {
  return pattern.replace(TOKEN, (_m, token: string) => {
    if (token === 'YYYY') return String(year).padStart(4, '0')
    if (token === 'YY') return String(year % 100).padStart(2, '0')
    return String(counter).padStart(token.length, '0')
  })
}

export const THEMES = ['system', 'light', 'dark'] as const
export const Theme = z.enum(THEMES)
export type Theme = z.infer<typeof Theme>

/** What one person prefers on one computer, whichever workspace is open: kept in the user profile. */
export const Preferences = z.object({
  /** Unset: follow the system's language. */
  language: Language.optional(),
  theme: Theme.default('system'),
  /** Show every time on the timeline in this zone instead of each event's own. */
  timelineZone: TimeZone.optional(),
})
export type Preferences = z.infer<typeof Preferences>
export const PreferencesPatch = z.object({
  language: Language.nullable().optional(),
  theme: Theme.optional(),
  timelineZone: TimeZone.nullable().optional(),
})
export type PreferencesPatch = z.input<typeof PreferencesPatch>
