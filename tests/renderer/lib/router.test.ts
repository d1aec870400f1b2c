import { describe, expect, it } from 'vitest'
import { formatRoute, parseHash } from '@renderer/lib/router'

describe('hash router', () => {
  it('reads case routes, defaulting unknown tabs to the overview', () => {
    expect(parseHash('#/case/case_1/timeline')).toEqual({ name: 'case', caseId: 'case_1', tab: 'timeline' })
    expect(parseHash('#/case/case_1/nonsense')).toEqual({ name: 'case', caseId: 'case_1', tab: 'overview' })
    expect(parseHash('#/case/case_1')).toEqual({ name: 'case', caseId: 'case_1', tab: 'overview' })
    expect(parseHash('#/case/case_1/evidence/ev_9')).toEqual({
      name: 'case',
      caseId: 'case_1',
      tab: 'evidence',
      itemId: 'ev_9',
    })
  })

  it('treats anything else as home', () => {
    expect(parseHash('')).toEqual({ name: 'home' })
    expect(parseHash('#/')).toEqual({ name: 'home' })
    expect(parseHash('#/elsewhere')).toEqual({ name: 'home' })
  })

  it('round-trips, escaping ids', () => {
    const route = { name: 'case', caseId: 'a b/c', tab: 'actors', itemId: 'x%y' } as const
    expect(formatRoute(route)).toBe('#/case/a%20b%2Fc/actors/x%25y')
    expect(parseHash(formatRoute(route))).toEqual(route)
  })
})

describe('screens that are not a case', () => {
  it('reads and writes the settings and the trash', () => {
    expect(parseHash('#/settings')).toEqual({ name: 'settings' })
    expect(parseHash('#/trash')).toEqual({ name: 'trash' })
    expect(parseHash('#/trash/extra')).toEqual({ name: 'home' })
    expect(formatRoute({ name: 'settings' })).toBe('#/settings')
    expect(formatRoute({ name: 'trash' })).toBe('#/trash')
  })
})
