import type { SettingsPatch, WorkspaceSettings } from '@shared/domain'

/** What the settings screen edits of the workspace's settings: everything but the logo and the memo counter. */
export type SettingsDraft = Required<Pick<SettingsPatch, 'classifications' | 'defaultTimeZone' | 'memoLanguage'>> & {
  organisation: Required<NonNullable<SettingsPatch['organisation']>>
}

export function draftOf(s: WorkspaceSettings): SettingsDraft {
  const o = s.organisation
  return {
    classifications: [...s.classifications],
    defaultTimeZone: s.defaultTimeZone,
    memoLanguage: s.memoLanguage,
    organisation: {
      letterhead: [...o.letterhead],
      memoNumberPattern: o.memoNumberPattern,
      cc: o.cc,
      drafter: o.drafter,
      clearance: o.clearance,
      signatoryName: o.signatoryName,
      signatoryTitle: o.signatoryTitle,
    },
  }
}
