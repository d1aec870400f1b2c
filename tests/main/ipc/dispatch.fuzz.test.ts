/**
 * Every channel of the contract fuzzed through the real dispatcher and the real
 * handlers on a real workspace (the demo case): boundary values, random values
 * of every structured-clone type, prototype-pollution keys, traversal strings,
 * huge and deeply nested payloads, alone and in the shape a channel expects
 * (its keys, real ids beside hostile values). Whatever comes in, dispatch
 * answers with a Result and never throws; a refusal carries a known code
 * (never INTERNAL, which means something crashed), and a refused request has
 * written nothing (the workspace tree is hashed before and after).
 *
 * Deterministic by default (fixed seed). Longer: CASEFILE_FUZZ_RUNS=500 (per
 * channel), another seed: CASEFILE_FUZZ_SEED=n.
 */
import { createHash } from 'node:crypto'
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boundaryValues, hostile } from '../../helpers/hostileValues'
import { ipcHarness } from './harness'
import { CHANNELS, contract, type Channel } from '@shared/ipc/contract'
import { ERROR_CODES, type Result } from '@shared/ipc/result'

const RUNS = Number(process.env['CASEFILE_FUZZ_RUNS'] ?? 25)
const SEED = Number(process.env['CASEFILE_FUZZ_SEED'] ?? 11_2026)

// One workspace for the whole file (useTempDirs would remove it after the first test).
let base = ''
let workspace = ''
let harness: Awaited<ReturnType<typeof ipcHarness>>
let ids: string[] = []
const opened: string[] = []
/** The workspace digest as of the last request that was served; refusals must leave it so. */
let digest = ''
/** Answers by code, for the summary at the end (and the README's figure). */
const tally: Record<string, number> = {}

/**
 * A digest of every name, kind, size, mtime and byte under the workspace. Left
 * out: cache/ (the derived search index, which its worker writes on its own
 * schedule) and the lock (whose mtime the holder refreshes).
 */
async function treeDigest(dir: string, rel = ''): Promise<string> {
  const h = createHash('sha256')
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const path = join(rel, name)
    // The lock and its holder record come and go with every open and close: not the workspace's data.
    if (path === 'cache' || name.endsWith('.lock') || name.startsWith('.casefile.lock')) continue
    const st = await lstat(join(dir, path))
    h.update(`${path}\0${st.mode}\0${st.size}\0${st.mtimeMs}\0`)
    if (st.isDirectory()) h.update(await treeDigest(dir, path))
    else if (st.isFile()) h.update(await readFile(join(dir, path)))
  }
  return h.digest('hex')
}

/** Every id in the demo case (cases, actors, events, evidence, annotations, briefings, statutes ...). */
function collectIds(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => collectIds(v, into))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && (k === 'id' || k.endsWith('Id'))) into.add(v)
      else collectIds(v, into)
    }
  return into
}

/**
 * Channels that change the session itself (encrypt, lock) go last, lock at the very end: a
 * plausible payload may well succeed, and every later request would then meet a locked workspace.
 */
const SESSION_LAST = [
  'workspace:encrypt',
  'workspace:changePassphrase',
  'workspace:newRecoveryKey',
  'workspace:setIdleLock',
  'workspace:decrypt',
  'workspace:unlock',
  'workspace:lock',
] as const
const ORDER: Channel[] = [
  ...CHANNELS.filter((c) => !(SESSION_LAST as readonly string[]).includes(c)),
  ...SESSION_LAST.filter((c) => (CHANNELS as readonly string[]).includes(c)),
]

type Def = { type: string; innerType?: unknown; entries?: Record<string, string>; shape?: Record<string, unknown> }
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def
/** The schema under optional/default/nullable wrappers. */
function unwrapped(schema: unknown): unknown {
  let s = schema
  for (let i = 0; i < 5 && defOf(s).innerType; i++) s = defOf(s).innerType
  return s
}

/**
 * A value that may well pass a leaf of the schema (a short string, a small
 * number, one of an enum's values, a real id), so that requests get past
 * validation into the services, where a hostile value beside it is judged.
 */
function plausible(schema: unknown, key: string): fc.Arbitrary<unknown> {
  const def = defOf(unwrapped(schema))
  const options: fc.Arbitrary<unknown>[] = [fc.string({ maxLength: 40 }), fc.nat(100), fc.boolean()]
  if (def.type === 'enum' && def.entries) options.push(fc.constantFrom(...Object.values(def.entries)))
  if (key === 'id' || key.endsWith('Id')) return fc.oneof(fc.constantFrom(...ids), ...options)
  return fc.oneof(...options)
}

/** Payloads in a channel's shape: each key hostile, plausible, or (nested objects) shaped again. */
function shaped(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = unwrapped(schema)
  if (defOf(s).type !== 'object' || depth > 2) return hostile
  const fields: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [key, sub] of Object.entries((s as { shape: Record<string, unknown> }).shape)) {
    const inner = defOf(unwrapped(sub)).type === 'object' ? shaped(sub, depth + 1) : plausible(sub, key)
    fields[key] = fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 5, arbitrary: inner })
  }
  // Mostly every key present (so one hostile value among plausible ones is what is judged), some keys left out.
  return fc.oneof(
    { weight: 1, arbitrary: hostile },
    { weight: 2, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 5, arbitrary: fc.record(fields) },
  )
}

/** One request, judged: a Result, a known code, nothing written when refused, no prototype polluted. */
async function judge(channel: Channel, input: unknown): Promise<void> {
  let result: Result<unknown>
  try {
    result = await harness.dispatch(channel, input)
  } catch (e) {
    throw new Error(`dispatch threw on ${channel}: ${String(e)}`)
  }
  expect(typeof result?.ok, channel).toBe('boolean')
  const code = result.ok ? 'ok' : result.error.code
  tally[code] = (tally[code] ?? 0) + 1
  if (result.ok) digest = await treeDigest(workspace)
  else {
    expect(ERROR_CODES, channel).toContain(result.error.code)
    expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('INTERNAL')
    expect(typeof result.error.message).toBe('string')
    expect(result.error.message.length).toBeGreaterThan(0)
    // An error message is for a person: never megabytes of echoed input.
    expect(result.error.message.length, channel).toBeLessThan(10_000)
    expect(await treeDigest(workspace), `${channel} refused (${result.error.code}) but wrote`).toBe(digest)
  }
  expect(({} as Record<string, unknown>)['polluted'], channel).toBeUndefined()
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'casefile-fuzz-'))
  workspace = join(base, 'workspace')
  harness = await ipcHarness(
    { userData: join(base, 'userData'), workspace },
    {
      openExternal: async (url) => void opened.push(url),
      openPath: async (path) => void opened.push(path),
    },
  )
  const services = harness.session.current()
  await services.demo.install()
  const found = new Set<string>()
  for (const c of await services.cases.list()) collectIds(await services.caseDetail.get(c.id), found)
  ids = [...found]
  digest = await treeDigest(workspace)
})
afterAll(async () => {
  const total = Object.values(tally).reduce((a, b) => a + b, 0)
  console.log(
    `IPC fuzzing: ${total} requests on ${CHANNELS.length} channels (seed ${SEED}, ${RUNS} random runs each):`,
    tally,
  )
  await harness?.session.close()
  await rm(base, { recursive: true, force: true })
})

describe('IPC fuzzing', () => {
  it('has the demo case to aim at', () => {
    expect(ids.length).toBeGreaterThan(10)
  })

  it.each(ORDER)('%s: answers every hostile payload with a Result, writes nothing it refused', async (channel) => {
    for (const value of boundaryValues()) await judge(channel, value)
    await fc.assert(
      fc.asyncProperty(shaped(contract[channel].input), (input) => judge(channel, input)),
      { seed: SEED, numRuns: RUNS },
    )
  })
})
