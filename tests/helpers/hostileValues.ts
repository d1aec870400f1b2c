/**
 * Payloads a compromised or buggy renderer could send over IPC: Electron
 * carries them by structured clone, so Map, Set, Date, typed arrays, BigInt
 * and RegExp arrive too, besides anything JSON can say.
 */
import fc from 'fast-check'

const nested = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown) => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}

/** Strings that name places outside the workspace or confuse a path join. */
export const TRAVERSAL = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '%2e%2e%2f%2e%2e%2fworkspace.json',
  'cases/../../outside',
  'case_x/../../../tmp',
  '\0',
  'a\u0000b',
  '~/.ssh/id_rsa',
  'file:///etc/passwd',
  '\\\\server\\share',
]

/** Keys that pollute Object.prototype when copied carelessly. */
export const pollution = (): unknown[] => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"patch": {"__proto__": {"polluted": "yes"}}, "__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"prototype": {"polluted": "yes"}, "toString": "x", "hasOwnProperty": 1}'),
]

/** Fixed edge cases, tried on every channel and at every key. */
export function boundaryValues(): unknown[] {
  return [
    undefined,
    null,
    true,
    0,
    -1,
    -0,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    10n,
    '',
    ' ',
    '\u202e\u200b',
    '\ud800',
    'x'.repeat(2 * 1024 * 1024 + 1),
    [],
    [[[]]],
    {},
    new Date(NaN),
    new Map([['caseId', 'x']]),
    new Set([1]),
    new Uint8Array(16),
    /.*/,
    nested(5_000, null, (v) => [v]),
    nested(5_000, 'x', (v) => ({ a: v, type: 'doc', content: [v] })),
    ...TRAVERSAL,
    ...pollution(),
  ]
}

/** One hostile value, random. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...boundaryValues()) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withBigInt: true,
      withNullPrototype: true,
    }),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
)
