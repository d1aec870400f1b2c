import { z } from 'zod'

/** Bumped when a stored file's shape changes; migrations carry old files forward. */
export const CURRENT_SCHEMA_VERSION = 1

/** Every stored file says which shape it has. */
export const SchemaVersion = z.number().int().positive()

export const Id = z.string().min(1).max(80)
export type Id = z.infer<typeof Id>

/** An absolute instant, always stored in UTC ISO form ("2026-01-27T17:00:00.000Z"). */
export const Instant = z.iso.datetime({ offset: true })
export type Instant = z.infer<typeof Instant>

export const Tags = z.array(z.string().trim().min(1).max(80)).max(200).default([])

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits')
export type Sha256 = z.infer<typeof Sha256>

/** Rich text as a ProseMirror/TipTap JSON document; kept opaque here and checked for its outer shape. */
export const RichText = z.object({
  type: z.literal('doc'),
  content: z.array(z.unknown()).default([]),
})
export type RichText = z.infer<typeof RichText>

export const emptyRichText = (): RichText => ({ type: 'doc', content: [] })

/**
 * The most a note or a briefing body may hold, as JSON: about a thousand pages of text. A 30 MB
 * paste would be written whole at every autosave and held in memory with its case; material
 * that large belongs in the evidence store.
 */
export const RICH_TEXT_MAX_BYTES = 2_000_000

/** About how many bytes `value` takes as JSON, counted with a stack (no depth overflows it). */
export function jsonSizeOf(value: unknown, stopAt = Infinity): number {
  let size = 0
  const stack: unknown[] = [value]
  while (stack.length && size <= stopAt) {
    const v = stack.pop()
    if (typeof v === 'string') size += v.length + 2
    else if (v === null || typeof v !== 'object') size += 6
    else if (Array.isArray(v)) {
      size += 2 + v.length
      for (const x of v) stack.push(x)
    } else
      for (const [k, x] of Object.entries(v)) {
        size += k.length + 4
        stack.push(x)
      }
  }
  return size
}

const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`

/** Rich text as a person may send it: the stored shape, refused beyond RICH_TEXT_MAX_BYTES with a reason. */
export const RichTextInput = RichText.superRefine((doc, ctx) => {
  const size = jsonSizeOf(doc, RICH_TEXT_MAX_BYTES)
  if (size > RICH_TEXT_MAX_BYTES) {
    const justOver = size <= RICH_TEXT_MAX_BYTES * 1.5
    const values = { limit: megabytes(RICH_TEXT_MAX_BYTES), justOver, size: justOver ? '' : megabytes(jsonSizeOf(doc)) }
    ctx.addIssue({
      code: 'custom',
      message: `the text is too large (over ${values.limit}; this one is ${justOver ? 'just over' : `about ${values.size}`}): split it, or add the material as evidence`,
      // The catalogue's words for the same message, so each adapter can say it in its own language.
      params: { key: 'errRecords:textTooLarge', values },
    })
  }
})

type Bare<T> = T extends z.ZodOptional<infer I> ? Bare<I> : T extends z.ZodDefault<infer I> ? Bare<I> : T
export type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<Bare<S[K]>> }

function bare(t: z.ZodType): z.ZodType {
  if (t instanceof z.ZodOptional || t instanceof z.ZodDefault) return bare(t.unwrap() as z.ZodType)
  return t
}

/**
 * A patch schema: every field optional and WITHOUT its default. zod's own
 * `.partial()` keeps defaults, so `{ title }` would reset tags, precision and
 * the rest; a patch must change only what it names.
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>> {
  const shape: Record<string, z.ZodType> = {}
  for (const [k, v] of Object.entries(schema.shape)) shape[k] = bare(v as z.ZodType).optional()
  return z.object(shape) as unknown as z.ZodObject<PatchShape<S>>
}

/** Not for release: a release copy leaves this out and says why (e.g. "personal data"). */
export const Withhold = z.object({ reason: z.string().trim().max(200).default('') })

/** A message named in the catalogue with its values (src/shared/i18n), worded by each adapter in its language. */
export const MessageText = z.object({
  key: z.string().max(200),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()])).optional(),
})
export type MessageText = z.infer<typeof MessageText>
