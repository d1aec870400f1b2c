import { z } from 'zod'
import { Id, patchOf } from './common'

export const Actor = z.object({
  id: Id,
  name: z.string().trim().min(1, 'an actor needs a name').max(200),
  role: z.string().trim().max(200).default(''),
  affiliation: z.string().trim().max(200).default(''),
  notes: z.string().max(5_000).default(''),
})
export type Actor = z.infer<typeof Actor>

export const ActorInput = Actor.omit({ id: true }).partial({ role: true, affiliation: true, notes: true })
export type ActorInput = z.input<typeof ActorInput>

export const ActorPatch = patchOf(Actor.omit({ id: true }))
export type ActorPatch = z.input<typeof ActorPatch>
