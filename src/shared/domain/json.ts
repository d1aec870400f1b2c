/**
 * JSON text of plain data at any nesting depth. JSON.parse copes with a document
 * nested tens of thousands of levels (a briefing body of quotes in lists in
 * quotes), but JSON.stringify recurses and overflows the stack at a few thousand:
 * such a file would load and then never save, or export, again. Plain data only
 * (what zod returns): objects, arrays, strings, numbers, booleans, null.
 */
export function stringifyDeep(value: unknown, opts: { pretty?: boolean; dropKeys?: ReadonlySet<string> } = {}): string {
  const drop = opts.dropKeys
  try {
    const replacer = drop ? (key: string, v: unknown) => (drop.has(key) ? undefined : v) : undefined
    return opts.pretty ? JSON.stringify(value, replacer, 1) : JSON.stringify(value, replacer)
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    return stringifyIteratively(value, drop)
  }
}

type Frame = { items: [string | null, unknown][]; i: number; close: string }

/** The compact JSON.stringify form, built with an explicit stack instead of recursion. */
export function stringifyIteratively(value: unknown, dropKeys?: ReadonlySet<string>): string {
  const out: string[] = []
  const stack: Frame[] = []
  const open = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out.push(scalar(v))
      return
    }
    if (Array.isArray(v)) {
      out.push('[')
      stack.push({ items: v.map((x) => [null, x]), i: 0, close: ']' })
    } else {
      out.push('{')
      const items = Object.entries(v as Record<string, unknown>).filter(
        ([k, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol' && !dropKeys?.has(k),
      )
      stack.push({ items, i: 0, close: '}' })
    }
  }
  open(value)
  while (stack.length) {
    const top = stack[stack.length - 1]
    if (top.i === top.items.length) {
      out.push(top.close)
      stack.pop()
      continue
    }
    const [key, v] = top.items[top.i++]
    if (top.i > 1) out.push(',')
    if (key !== null) out.push(JSON.stringify(key), ':')
    open(v)
  }
  return out.join('')
}

function scalar(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null'
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v)
  // undefined, functions and symbols inside arrays become null, as JSON.stringify makes them.
  return 'null'
}
