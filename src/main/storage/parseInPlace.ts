/**
 * zod's safeParse for a value the caller owns (fresh from JSON.parse), without the copy.
 *
 * zod builds a new object for every object and a new array for every array it validates. For a
 * stored file that is already in its validated shape (every file we wrote) that copy is the whole
 * cost of opening a large case: 50,000 events are 250,000 objects and arrays that each survive a
 * young-generation collection twice. Here objects, arrays and the optional/nullable/default
 * wrappers are walked in place; strings and enums are passed here only where their checks (lengths,
 * an ISO time's pattern, a refinement saying yes, a trim with nothing to trim) certainly pass, with
 * the schema's own patterns and functions; every other part (a union, a record, any doubt) runs
 * through zod itself. Whatever zod
 * would change (a default filled in, a string trimmed, an unknown key stripped) is either replaced
 * by zod's own output for that part, or, where that is not simple, the whole value goes to zod's
 * safeParse as before. So the result always equals `schema.safeParse(value)` (except that a
 * recursive value deep enough to exhaust zod's stack may still be walked here); the tests hold the
 * two side by side over generated and damaged inputs.
 */
import type { z } from 'zod'

/** zod 4's internals, as far as the walk reads them (zod/v4/core documents them for library authors). */
interface Check {
  _zod: {
    def: {
      when?: (p: Payload) => boolean
      maximum?: number
      minimum?: number
      pattern?: RegExp
      tx?: (v: unknown) => unknown
      fn?: (v: unknown) => unknown
    }
    traits: Set<string>
    check: (p: Payload) => unknown
  }
}
interface Node {
  _zod: {
    def: {
      type: string
      coerce?: boolean
      checks?: Check[]
      shape?: Record<string, Node>
      catchall?: Node
      element?: Node
      innerType?: Node
    }
    traits: Set<string>
    values?: Set<unknown>
    optin?: 'optional' | 'defaulted'
    optout?: 'optional'
    run: (p: Payload, ctx: Ctx) => Payload | Promise<Payload>
  }
}
interface Payload {
  value: unknown
  issues: { continue?: boolean }[]
  aborted?: boolean
}
interface Ctx {
  async: false
}

/** Thrown inside the walk: zod alone can say what becomes of this value (and why it is refused). */
class AskZod extends Error {}
const ASK = new AskZod()

/** Replacements zod made for some parts, as (holder, key, value): applied only once the whole value has passed. */
type Puts = unknown[]
type Holder = Record<string | number, unknown>

/** Checks one part in place; throws ASK where zod alone can say what it becomes. */
type Walk = (value: unknown, holder: Holder, key: string | number, puts: Puts) => void

const CTX: Ctx = { async: false }

/**
 * The node's own checks (an array's length, an object's refinement), which zod runs on its output.
 * When a part below was replaced by zod's output, that output is not this value: zod takes the
 * whole node then, and its output replaces the node.
 */
function withChecks(node: Node, walk: Walk): Walk {
  const checks = node._zod.def.checks
  if (!checks?.length) return walk
  const zod = byZod(node)
  return (value, holder, key, puts) => {
    const before = puts.length
    walk(value, holder, key, puts)
    if (puts.length !== before) {
      puts.length = before
      return zod(value, holder, key, puts)
    }
    const payload: Payload = { value, issues: [] }
    for (const ch of checks) {
      if (ch._zod.def.when && !ch._zod.def.when(payload)) continue
      if (ch._zod.check(payload) instanceof Promise) throw ASK
      if (payload.issues.length) throw ASK
    }
    // An overwriting check (trim, toLowerCase) changed the value: zod's output is not this value.
    if (payload.value !== value) throw ASK
  }
}

/** zod runs this part itself; its output replaces the value if it is another one. */
function byZod(node: Node): Walk {
  const run = node._zod.run
  return (value, holder, key, puts) => {
    const r = run({ value, issues: [] }, CTX)
    if (r instanceof Promise || r.issues.length) throw ASK
    if (r.value !== value) {
      // A default taking the place of what its inner part made undefined: zod's to decide.
      if (r.value === undefined) throw ASK
      puts.push(holder, key, r.value)
    }
  }
}

const compiled = new WeakMap<Node, Walk>()

function compile(node: Node): Walk {
  let walk = compiled.get(node)
  if (!walk) {
    // Set before building, so a schema that contains itself (through a getter in its shape) finds its own walk.
    const slot: { walk?: Walk } = {}
    compiled.set(node, (v, h, k, p) => slot.walk!(v, h, k, p))
    walk = slot.walk = build(node)
    compiled.set(node, walk)
  }
  return walk
}

function build(node: Node): Walk {
  const def = node._zod.def
  switch (def.type) {
    case 'object': {
      if (def.catchall !== undefined) return byZod(node)
      const shape = def.shape!
      const keys = Object.keys(shape)
      const fields = keys.map((k) => compile(shape[k]))
      // Absent and allowed to stay absent; anything else (a default to fill in, a required key) is zod's.
      const mayLack = keys.map((k) => shape[k]._zod.optin === 'optional' && shape[k]._zod.optout === 'optional')
      return withChecks(node, (value, _holder, _key, puts) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw ASK
        const obj = value as Holder
        // zod strips keys it does not know: this value would not be its output.
        for (const k in obj) if (!Object.hasOwn(shape, k) || k === '__proto__') throw ASK
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]
          if (Object.hasOwn(obj, k)) fields[i](obj[k], obj, k, puts)
          else if (!mayLack[i]) throw ASK
        }
      })
    }
    case 'array': {
      const element = compile(def.element!)
      return withChecks(node, (value, _holder, _key, puts) => {
        if (!Array.isArray(value)) throw ASK
        for (let i = 0; i < value.length; i++) element(value[i], value as unknown as Holder, i, puts)
      })
    }
    case 'optional':
    case 'default':
    case 'nullable': {
      // Present values only: the object above decides about absent ones.
      const inner = compile(def.innerType!)
      const nullable = def.type === 'nullable'
      return withChecks(node, (value, holder, key, puts) => {
        if (value === undefined) throw ASK
        if (!(nullable && value === null)) inner(value, holder, key, puts)
      })
    }
    case 'string':
    case 'enum': {
      const accepts = node._zod.def.type === 'enum' ? enumAccepts(node) : stringAccepts(node)
      if (!accepts) return byZod(node)
      const zod = byZod(node)
      return (value, holder, key, puts) => {
        if (!accepts(value)) zod(value, holder, key, puts)
      }
    }
    default:
      return byZod(node)
  }
}

type Accepts = (value: unknown) => boolean

/** An enum without checks of its own: its parse is this lookup. */
function enumAccepts(node: Node): Accepts | null {
  const values = node._zod.values
  if (!values || node._zod.def.checks?.length) return null
  return (value) => values.has(value)
}

/** Formats whose check is their pattern alone (others, such as a URL or an email, check more). */
const PATTERN_FORMATS = ['$ZodISODateTime', '$ZodISODate', '$ZodISOTime']

/**
 * A string's checks, decided here where zod certainly accepts the string unchanged, so that most of
 * a case file needs no zod run (those runs were most of the time left). Anything else says no and
 * zod decides: a length between the bounds' units and code points (zod counts code points, one or
 * two UTF-16 units each), a refinement that refuses, a check this does not know.
 */
function stringAccepts(node: Node): Accepts | null {
  const { def, traits } = node._zod
  if (def.coerce) return null
  const tests: Accepts[] = [(v) => typeof v === 'string']
  const checks = [...(traits.has('$ZodCheck') ? [node as unknown as Check] : []), ...(def.checks ?? [])]
  for (const ch of checks) {
    const c = ch._zod
    const isLength = c.traits.has('$ZodCheckMaxLength') || c.traits.has('$ZodCheckMinLength')
    // A length check's own condition (the value has a length) holds for every string.
    if (c.def.when && !isLength) return null
    if (c.traits.has('$ZodCheckMaxLength')) {
      const max = c.def.maximum!
      tests.push((v) => (v as string).length <= max)
    } else if (c.traits.has('$ZodCheckMinLength')) {
      const min = c.def.minimum!
      tests.push((v) => (v as string).length >= 2 * min)
    } else if (PATTERN_FORMATS.some((t) => c.traits.has(t)) && c.def.pattern) {
      const pattern = c.def.pattern
      tests.push((v) => {
        pattern.lastIndex = 0
        return pattern.test(v as string)
      })
    } else if (c.traits.has('$ZodCheckOverwrite') && c.def.tx) {
      // Trim and the like: the string is zod's output only if it is already what they make of it.
      const tx = c.def.tx
      tests.push((v) => tx(v) === v)
    } else if (c.traits.has('$ZodCustom') && c.def.fn) {
      // A refinement: its yes is zod's yes; its no (or a promise) is for zod to report.
      const fn = c.def.fn
      tests.push((v) => fn(v) === true)
    } else return null
  }
  return (value) => {
    for (const test of tests) if (!test(value)) return false
    return true
  }
}

/**
 * `schema.safeParse(value)`, reusing `value` (which it may change in place) as the output where
 * zod's output would equal it. Only for values nobody else holds.
 */
export function safeParseInPlace<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const root: Holder = { value }
  const puts: Puts = []
  try {
    compile(schema as unknown as Node)(value, root, 'value', puts)
  } catch {
    // ASK, or anything unforeseen (a value nested deeper than the stack, a refinement that throws):
    // nothing was changed yet, and zod decides (or throws) exactly as it did before this walk.
    return schema.safeParse(value)
  }
  for (let i = 0; i < puts.length; i += 3) (puts[i] as Holder)[puts[i + 1] as string] = puts[i + 2]
  return { success: true, data: root.value as z.output<S> }
}
