/**
 * safeParseInPlace must say exactly what zod's safeParse says, for every stored kind of file and
 * for any damage to it, while reusing (not copying) a file that is already in its validated shape.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AnnotationsFile, BriefingFile, CaseFile, StatuteLibraryFile, TrashFile, WorkspaceFile } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { safeParseInPlace } from '@main/storage/parseInPlace'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const SCHEMAS: [RegExp, z.ZodType][] = [
  [/^workspace\.json$/, WorkspaceFile],
  [/^cases\/[^/]+\/case\.json$/, CaseFile],
  [/^cases\/[^/]+\/annotations\/[^/]+\.json$/, AnnotationsFile],
  [/^cases\/[^/]+\/briefings\/[^/]+\.json$/, BriefingFile],
  [/^statutes\.json$/, StatuteLibraryFile],
  [/^trash\.json$/, TrashFile],
]

let root = ''
const files: { rel: string; schema: z.ZodType; value: Json }[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'casefile-inplace-'))
  const s = await openWorkspace(root, { newId: sequentialIds() })
  await s.demo.install()
  const other = await s.cases.create({ title: 'Another case', reference: 'OTHER-1' })
  const item = await s.evidence.add(other.id, { kind: 'web page', title: 'Bulletin', sourceUrl: 'https://e.org/b' })
  await s.annotations.add(other.id, item.id, { target: { type: 'page', page: 2 }, text: 'Remark' })
  await s.cases.addEvents(other.id, [
    {
      at: '2026-01-27T17:00:00.000Z',
      tz: 'America/Chicago',
      title: 'Seen',
      place: { latitude: 44.97, longitude: -93.26 },
    },
  ])
  await s.close()
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const rel = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')
    const schema = SCHEMAS.find(([re]) => re.test(rel))?.[1]
    if (schema) files.push({ rel, schema, value: JSON.parse(await readFile(join(root, rel), 'utf8')) as Json })
  }
}, 60_000)
afterAll(() => rm(root, { recursive: true, force: true }))

const clone = (v: Json): Json => structuredClone(v)

/** Where a change can be made: the path to every value in the document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...at, k], out)
  return out
}

type Change = { path: number; kind: number; json: Json; text: string }

/** The damage and the edits a hand or another program may make to a stored value. */
function change(doc: Json, c: Change): Json {
  const all = paths(doc)
  const at = all[c.path % all.length]
  if (at.length === 0) return c.json
  let parent = doc as Record<string | number, Json>
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, Json>
  const key = at[at.length - 1]
  const old = parent[key]
  const set = (v: Json) => (parent[key] = v)
  switch (c.kind % 9) {
    case 0:
      set(c.json)
      break
    case 1:
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
      break
    case 2:
      set(typeof old === 'string' ? `  ${old} ` : null)
      break
    case 3:
      if (old && typeof old === 'object' && !Array.isArray(old)) old[c.text || 'extra'] = c.json
      else set('')
      break
    case 4:
      // An own "__proto__" key, as JSON.parse makes one.
      if (old && typeof old === 'object' && !Array.isArray(old))
        Object.defineProperty(old, '__proto__', { value: c.json, enumerable: true, writable: true, configurable: true })
      break
    case 5:
      if (Array.isArray(old)) old.push(old.length ? clone(old[0]) : c.json)
      else set([old])
      break
    case 6:
      set(typeof old === 'string' ? old.repeat(400) : typeof old === 'number' ? -old - 0.5 : {})
      break
    case 7:
      set(typeof old === 'string' ? c.text : String(old))
      break
    default:
      if (Array.isArray(old)) old.length = 0
      else set(typeof old === 'number' ? 1e300 : 0)
  }
  return doc
}

const changeArb = fc.record({
  path: fc.nat(),
  kind: fc.nat(),
  json: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  text: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('id', 'title', 'tags', 'type', ' ', '')),
})

describe('safeParseInPlace', () => {
  it('finds a file of every stored kind', () => {
    const kinds = new Set(files.map((f) => f.schema))
    for (const schema of [WorkspaceFile, CaseFile, AnnotationsFile, BriefingFile, StatuteLibraryFile])
      expect(kinds.has(schema), files.map((f) => f.rel).join(', ')).toBe(true)
  })

  it('reuses a file already in its validated shape instead of copying it', () => {
    for (const f of files) {
      const value = clone(f.value)
      const r = safeParseInPlace(f.schema, value)
      expect(r.success, f.rel).toBe(true)
      expect(r.data, f.rel).toBe(value)
      expect(r.data, f.rel).toStrictEqual(f.schema.parse(clone(f.value)))
    }
  })

  it('answers as zod does for any damage to any stored file, and leaves a refused value untouched', () => {
    for (const f of files)
      fc.assert(
        fc.property(fc.array(changeArb, { minLength: 1, maxLength: 3 }), (changes) => {
          let doc = clone(f.value)
          for (const c of changes) doc = change(doc, c)
          const expected = f.schema.safeParse(clone(doc))
          const input = clone(doc)
          const got = safeParseInPlace(f.schema, input)
          expect(got.success).toBe(expected.success)
          if (expected.success) expect(got.data).toStrictEqual(expected.data)
          else {
            expect(got.error!.issues).toStrictEqual(expected.error.issues)
            expect(input).toStrictEqual(doc)
          }
        }),
        { numRuns: 150, seed: 20261203 },
      )
  })

  it('measures a string’s length as zod does, in code points, at and around its bounds', () => {
    const f = files.find((x) => x.schema === CaseFile)!
    for (const unit of ['a', '\u{1F600}', '\uD800'])
      for (let n = 0; n <= 202; n++) {
        const doc = clone(f.value) as { case: Record<string, Json>; events: Record<string, Json>[] }
        // An id (1 to 80) and an event's place name (at most 300): bounds in code points, not UTF-16 units.
        doc.case.id = unit.repeat(n % 101)
        doc.events[0].location = unit.repeat(n + 100)
        const expected = CaseFile.safeParse(clone(doc))
        const got = safeParseInPlace(CaseFile, clone(doc))
        expect(got.success, `${n} × ${JSON.stringify(unit)}`).toBe(expected.success)
        if (expected.success) expect(got.data).toStrictEqual(expected.data)
      }
  })

  it('leaves to zod what it cannot walk: a value deeper than the stack, a refinement that throws', () => {
    interface Tree {
      name: string
      children: Tree[]
    }
    const Tree: z.ZodType<Tree> = z.object({
      name: z.string().max(10),
      get children() {
        return z.array(Tree)
      },
    })
    const outcome = (f: () => unknown) => {
      try {
        return { value: f() }
      } catch (e) {
        return { threw: (e as Error).constructor.name }
      }
    }
    // (In between, where the limit falls depends on the stack already in use: zod, which takes more
    // of it per level, may run out where the walk does not.)
    for (const depth of [10, 200_000]) {
      let tree: Tree = { name: 'leaf', children: [] }
      for (let i = 0; i < depth; i++) tree = { name: `n${i % 10}`, children: [tree] }
      const got = outcome(() => safeParseInPlace(Tree, tree))
      const expected = outcome(() => Tree.safeParse(tree))
      expect('threw' in got ? got : (got.value as { success: boolean }).success).toStrictEqual(
        'threw' in expected ? expected : (expected.value as { success: boolean }).success,
      )
    }
    const Boom = z.object({ a: z.string().refine((v) => (v === 'boom' ? JSON.parse('{') : true)) })
    expect(safeParseInPlace(Boom, { a: 'fine' }).success).toBe(true)
    expect(() => safeParseInPlace(Boom, { a: 'boom' })).toThrow(SyntaxError)
  })

  it('takes zod’s output for the parts zod changes: a default filled in, a title trimmed, a key stripped', () => {
    const f = files.find((x) => x.schema === CaseFile && JSON.stringify(x.value).includes('"place"'))!
    const doc = clone(f.value) as { events: Record<string, Json>[]; case: Record<string, Json> }
    const event = doc.events.find((e) => e.place)!
    delete event.tags
    event.title = `  ${event.title as string}  `
    doc.case.unknown = 'stripped'
    const expected = CaseFile.parse(clone(doc))
    const got = safeParseInPlace(CaseFile, doc)
    expect(got.data).toStrictEqual(expected)
    expect((got.data as z.output<typeof CaseFile>).events.find((e) => e.id === event.id)).toMatchObject({
      tags: [],
      title: (event.title as string).trim(),
    })
    expect('unknown' in (got.data as z.output<typeof CaseFile>).case).toBe(false)
  })
})

/** Every object and array of `got` is the very one at the same place in `given` (nothing was copied). */
function sameObjects(given: unknown, got: unknown, at = 'value'): void {
  if (!given || typeof given !== 'object') return
  expect(got, at).toBe(given)
  for (const k of Object.keys(given))
    sameObjects((given as Json[])[k as never], (got as Json[])[k as never], `${at}.${k}`)
}

describe('safeParseInPlace leaves zod out where the answer is certain', () => {
  it('reuses every object and array of a valid stored file, not the root alone', () => {
    for (const f of files) {
      const value = clone(f.value)
      sameObjects(value, safeParseInPlace(f.schema, value).data)
    }
  })

  it('runs no zod code for valid strings, enums, lengths, ISO times, refinements and wrappers', () => {
    const leaves = {
      name: z.string().min(1).max(10),
      at: z.iso.datetime({ offset: true }),
      day: z.iso.date(),
      time: z.iso.time(),
      kind: z.enum(['a', 'b']),
      tag: z.string().max(5),
      note: z.string().trim(),
      checked: z.string().refine((v) => v !== 'x'),
      maybe: z.string(),
      fallback: z.string(),
    }
    const tags = z.array(leaves.tag).max(3)
    const schema = z.object({
      name: leaves.name,
      at: leaves.at,
      day: leaves.day,
      time: leaves.time,
      kind: leaves.kind,
      tags,
      note: leaves.note.optional(),
      checked: leaves.checked,
      maybe: leaves.maybe.nullable(),
      fallback: leaves.fallback.default('q'),
    })
    const runs: string[] = []
    const nodes: [string, z.ZodType][] = [['schema', schema], ['tags', tags], ...Object.entries(leaves)]
    for (const [name, node] of nodes) {
      const run = node._zod.run.bind(node._zod)
      node._zod.run = ((payload, ctx) => (runs.push(name), run(payload, ctx))) as typeof run
    }
    const value = {
      name: 'Ñandú 🦤',
      at: '2026-01-27T17:00:00+01:00',
      day: '2026-01-27',
      time: '17:00:00',
      kind: 'b',
      tags: ['a', 'bcdef'],
      note: 'no spaces around',
      checked: 'y',
      maybe: null,
      fallback: 'given',
    }
    const r = safeParseInPlace(schema, value)
    expect(r).toEqual({ success: true, data: value })
    expect(r.data).toBe(value)
    expect(runs).toEqual([])

    // Where it is not certain, zod decides: a trim with something to trim, a refusal, a missing default.
    const other = { ...value, note: ' padded ', fallback: undefined }
    expect(safeParseInPlace(schema, other)).toEqual(
      schema.safeParse({ ...value, note: ' padded ', fallback: undefined }),
    )
    expect(runs).toContain('note')
  })
})
