/** What the PDF and the Word memo both print, decided once. */
import type { Case, MemoHeader } from '@shared/domain'
import type { Translate } from '@shared/i18n'

/** The header block: label, value, and whether the value is set in bold (the subject). CC only when there is one. */
export function headerRows(header: MemoHeader, kase: Case, t: Translate<'memo'>): [string, string, boolean][] {
  return [
    [t('to'), header.to, false],
    [t('from'), header.from, false],
    ...(header.cc.trim() ? [[t('cc'), header.cc, false] as [string, string, boolean]] : []),
    [t('date'), header.date, false],
    [t('subject'), header.subject || kase.title, true],
    [t('reference'), header.reference || kase.reference, false],
  ]
}

export interface AnnexLetters {
  exhibits?: string
  timeline?: string
  statutes?: string
}

/** A, B, C… for the annexes the memo has, in their fixed order. */
export function annexLetters(has: { exhibits: boolean; timeline: boolean; statutes: boolean }): AnnexLetters {
  const out: AnnexLetters = {}
  let code = 65
  for (const key of ['exhibits', 'timeline', 'statutes'] as const) if (has[key]) out[key] = String.fromCharCode(code++)
  return out
}
