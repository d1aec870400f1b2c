import { z } from 'zod'
import { Id, patchOf, Withhold } from './common'

export const Actor = z.object({
  id: Id,
  name: z.string().trim().min(1, 'an actor needs a name').max(200),
  role: z.string().trim().max(200).default(''),
  affiliation: z.string().trim().max(200).default(''),
  notes: z.string().max(5_000).default(''),
  /** Not for release: the name never appears in a release copy. */
  withhold: Withhold.optional(),
})
export type Actor = z.infer<typeof Actor>

export const ActorInput = Actor.omit({ id: true }).partial({ role: true, affiliation: true, notes: true })
export type ActorInput = z.input<typeof ActorInput>

/** `withhold: null` clears the not-for-release flag. */
export const ActorPatch = patchOf(Actor.omit({ id: true, withhold: true })).extend({
  withhold: Withhold.nullable().optional(),
})
export type ActorPatch = z.input<typeof ActorPatch>
