import { describe, expect, it } from 'vitest'
import { ActorPatch, CasePatch, EventPatch } from '@shared/domain'

describe('patch schemas', () => {
  it('carry only the fields a patch names, never defaults', () => {
    expect(EventPatch.parse({ title: 'x' })).toEqual({ title: 'x' })
    expect(ActorPatch.parse({ role: 'r' })).toEqual({ role: 'r' })
    expect(CasePatch.parse({ summary: 's' })).toEqual({ summary: 's' })
  })

  it('still validate what they carry', () => {
    expect(EventPatch.safeParse({ precision: 'sometime' }).success).toBe(false)
    expect(EventPatch.safeParse({ tz: 'Nowhere/Land' }).success).toBe(false)
  })
})
