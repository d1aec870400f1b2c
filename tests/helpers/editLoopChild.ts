/**
 * The child of the kill loop (tests/main/services/crashSafety.test.ts): opens a
 * workspace and makes acknowledged edits of every kind, one at a time, until it
 * is killed. Before each edit it prints what the edit will set ("B"), after the
 * service call returns, the same again ("A", acknowledged). stdout is a pipe,
 * written synchronously on Linux, so a line printed is a line the parent gets.
 *
 *   node child.mjs ROOT SEED ASSET_FILE
 *
 * Keys name a record ("event:<caseId>/<id>") and the value an edit leaves in it
 * (a title, a text), or null when it removes it; ids are made here, so they are
 * known before the edit (evidence imports, notes and annotations predict theirs).
 */
import type { EvidenceItem } from '@shared/domain'
import { openWorkspace, type Services } from '@main/services/index'
import { rng } from './rng'

type Keys = Record<string, string | null>

const [root, seedArg, asset] = process.argv.slice(2)
const seed = Number(seedArg)
const pick = rng(seed)
const tag = seed.toString(36)
const counters = new Map<string, number>()
const peek = (prefix: string) => `${prefix}_${tag}_${(counters.get(prefix) ?? 0) + 1}`
const newId = (prefix: string) => {
  const id = peek(prefix)
  counters.set(prefix, (counters.get(prefix) ?? 0) + 1)
  return id
}
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)
const oneOf = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[pick(xs.length)] : undefined)
const ZONES = ['UTC', 'America/Chicago', 'Europe/Madrid', 'America/Guayaquil']
let n = 0
const label = (what: string) => `${what} ${tag}-${++n}`

// CASEFILE_KILLS_PASSPHRASE: the kill loop over an encrypted workspace (crashSafety.test.ts).
const unlock = process.env.CASEFILE_KILLS_PASSPHRASE ? { passphrase: process.env.CASEFILE_KILLS_PASSPHRASE } : undefined
const s: Services = await openWorkspace(root, { newId, backupIntervalMs: 0, unlock })
say({ t: 'READY' })

type Op = () => Promise<[string, Keys, () => Promise<unknown>] | null>

async function someCase(): Promise<string | undefined> {
  return oneOf((await s.cases.list()).map((c) => c.id))
}
async function someItem(caseId: string): Promise<EvidenceItem | undefined> {
  return oneOf(await s.cases.evidenceRecords.list(caseId))
}

const ops: [number, Op][] = [
  [
    3,
    async () => {
      const id = newId('case')
      const title = label('Case')
      return ['case new', { [`case:${id}`]: title }, () => s.cases.create({ title }, id)]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      const title = label('Case renamed')
      return c ? ['case rename', { [`case:${c}`]: title }, () => s.cases.update(c, { title })] : null
    },
  ],
  [
    3,
    async () => {
      const c = await someCase()
      if (!c) return null
      const id = newId('actor')
      const name = label('Actor')
      return ['actor add', { [`actor:${c}/${id}`]: name }, () => s.cases.addActor(c, { name }, id)]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      const a = c && oneOf((await s.cases.content(c)).actors)
      if (!c || !a) return null
      const remove = pick(2) === 0
      const name = label('Actor renamed')
      return remove
        ? ['actor remove', { [`actor:${c}/${a.id}`]: null }, () => s.cases.removeActor(c, a.id)]
        : ['actor rename', { [`actor:${c}/${a.id}`]: name }, () => s.cases.updateActor(c, a.id, { name })]
    },
  ],
  [
    4,
    async () => {
      const c = await someCase()
      if (!c) return null
      const id = newId('event')
      const title = label('Event')
      const at = new Date(Date.UTC(2026, 0, 1) + pick(1e6) * 60_000).toISOString()
      return [
        'event add',
        { [`event:${c}/${id}`]: title },
        () => s.cases.addEvent(c, { at, tz: oneOf(ZONES)!, title }, id),
      ]
    },
  ],
  [
    3,
    async () => {
      const c = await someCase()
      const e = c && oneOf((await s.cases.content(c)).events)
      if (!c || !e) return null
      const title = label('Event retitled')
      return pick(3) === 0
        ? ['event remove', { [`event:${c}/${e.id}`]: null }, () => s.cases.removeEvent(c, e.id)]
        : ['event retitle', { [`event:${c}/${e.id}`]: title }, () => s.cases.updateEvent(c, e.id, { title })]
    },
  ],
  [
    3,
    async () => {
      const c = await someCase()
      if (!c) return null
      const id = newId('ev')
      const title = label('Web page')
      return [
        'evidence url',
        { [`evidence:${c}/${id}`]: title },
        () => s.evidence.add(c, { kind: 'web page', title, sourceUrl: `https://example.org/${id}` }, { id }),
      ]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      if (!c) return null
      const title = label('Imported file')
      return [
        'evidence import',
        { [`evidence:${c}/${peek('ev')}`]: title },
        () => s.evidence.importFile(c, asset, { title }),
      ]
    },
  ],
  [
    3,
    async () => {
      const c = await someCase()
      const item = c && (await someItem(c))
      if (!c || !item) return null
      const title = label('Evidence retitled')
      const status = oneOf(['verified', 'disputed', 'partially verified', 'unverified'] as const)!
      return [
        'evidence status',
        { [`evidence:${c}/${item.id}`]: title },
        () => s.evidence.update(c, item.id, { title, verification: { status, reasoning: label('Because') } }),
      ]
    },
  ],
  [
    1,
    async () => {
      const c = await someCase()
      const item = c && (await someItem(c))
      if (!c || !item) return null
      const keys: Keys = { [`evidence:${c}/${item.id}`]: null }
      for (const a of await s.annotations.list(c, item.id)) keys[`annotation:${c}/${item.id}/${a.id}`] = null
      return ['evidence remove', keys, () => s.evidence.remove(c, item.id)]
    },
  ],
  [
    3,
    async () => {
      const c = await someCase()
      const item = c && (await someItem(c))
      if (!c || !item || item.kind !== 'web page') return null
      const text = label('Annotation')
      return [
        'annotation add',
        { [`annotation:${c}/${item.id}/${peek('ann')}`]: text },
        () => s.annotations.add(c, item.id, { target: { type: 'page', page: 1 + pick(50) }, text }),
      ]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      const item = c && (await someItem(c))
      const a = c && item && oneOf(await s.annotations.list(c, item.id))
      if (!c || !item || !a) return null
      const text = label('Annotation edited')
      const key = `annotation:${c}/${item.id}/${a.id}`
      return pick(3) === 0
        ? ['annotation remove', { [key]: null }, () => s.annotations.remove(c, item.id, a.id)]
        : ['annotation edit', { [key]: text }, () => s.annotations.update(c, item.id, a.id, { text })]
    },
  ],
  [
    3,
    async () => {
      const c = await someCase()
      if (!c) return null
      const title = label('Note')
      const body = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: title }] }] }
      return ['note add', { [`note:${c}/${peek('note')}`]: title }, () => s.notes.add(c, { title, body })]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      const note = c && oneOf(await s.notes.list(c))
      if (!c || !note) return null
      const title = label('Note retitled')
      return pick(3) === 0
        ? ['note remove', { [`note:${c}/${note.id}`]: null }, () => s.notes.remove(c, note.id)]
        : ['note retitle', { [`note:${c}/${note.id}`]: title }, () => s.notes.update(c, note.id, { title })]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      const id = newId('statute')
      const text = label('Article text')
      return [
        'statute add',
        { [`statute:${id}`]: text },
        () => s.statutes.add({ instrument: 'VCCR', article: String(1 + pick(79)), text }, { id, caseId: c }),
      ]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      if (!c) return null
      const id = newId('briefing')
      const title = label('Briefing')
      return [
        'briefing new',
        { [`briefing:${c}/${id}`]: title },
        () =>
          s.briefings.create(
            c,
            { title, template: 'blank', header: { subject: title }, body: { type: 'doc', content: [] } },
            id,
          ),
      ]
    },
  ],
  [
    2,
    async () => {
      const c = await someCase()
      const b = c && oneOf(await s.briefings.list(c))
      if (!c || !b) return null
      const title = label('Briefing retitled')
      const key = `briefing:${c}/${b.id}`
      return pick(4) === 0
        ? ['briefing remove', { [key]: null }, () => s.briefings.remove(c, b.id)]
        : ['briefing edit', { [key]: title }, () => s.briefings.update(c, b.id, { title, header: { subject: title } })]
    },
  ],
  [
    1,
    async () => {
      const c = await someCase()
      return c ? ['evidence verify', {}, () => s.evidence.verify({ caseId: c })] : null
    },
  ],
  [
    1,
    async () => {
      const name = label('Workspace')
      return ['workspace name', { 'workspace:name': name }, () => s.workspace.setName(name)]
    },
  ],
]
const total = ops.reduce((t, [w]) => t + w, 0)

for (;;) {
  let r = pick(total)
  const op = ops.find(([w]) => (r -= w) < 0)![1]
  const planned = await op()
  if (!planned) continue
  const [name, keys, run] = planned
  say({ t: 'B', op: name, keys })
  await run()
  say({ t: 'A', op: name, keys })
}
