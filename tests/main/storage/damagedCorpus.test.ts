/**
 * A corpus of damaged files, every stored kind (workspace.json, case.json, an
 * annotation chunk, a briefing, statutes.json, the audit log, its head, the
 * search cache) in every form damage takes: NUL fill, truncation at many
 * offsets, a BOM, trailing garbage, deep nesting, `__proto__` keys, a newer
 * schema version, wrong types, invalid UTF-8, UTF-16, an empty file, JSON that
 * is not an object. For each: the damaged bytes are never overwritten (they stay
 * in place, read-only, or are set aside byte for byte under quarantine/), the
 * person is told in words they can act on, and the rest of the workspace works.
 * The same again in an encrypted workspace (issue #14): each form applied to
 * the opened bytes and sealed again for the file's place, and damage to the
 * sealed bytes themselves.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace, type Services } from '@main/services/index'
import { unlockKeyFile } from '@main/storage/crypto/keyfile'
import { encryptWorkspace, readKeyFile } from '@main/storage/crypto/migrate'
import { openBytes, sealBytes } from '@main/storage/crypto/seal'

const CASE = 'case_ecu_mpls_2026'
let template = ''
let sealedTemplate = ''
let dataKey: Buffer
let other = ''
let itemId = ''
let briefingId = ''
let tried = 0
const scratch: string[] = []

beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'casefile-corpus-'))
  const s = await openWorkspace(template, { newId: sequentialIds() })
  await s.demo.install()
  other = (await s.cases.create({ title: 'Another case', reference: 'OTHER-1' })).id
  const item = await s.evidence.add(CASE, { kind: 'web page', title: 'Bulletin', sourceUrl: 'https://e.org/b' })
  itemId = item.id
  await s.annotations.add(CASE, item.id, { target: { type: 'page', page: 2 }, text: 'Remark' })
  briefingId = (await s.briefings.list(CASE))[0].id
  await s.notes.add(CASE, { title: 'Note', body: { type: 'doc', content: [] } })
  await s.search.query({ query: 'consulate' }) // builds cache/
  await s.close()
  sealedTemplate = await mkdtemp(join(tmpdir(), 'casefile-corpus-sealed-'))
  await cp(template, sealedTemplate, { recursive: true })
  await encryptWorkspace(sealedTemplate, 'corpus passphrase', { cost: { N: 2 ** 10, r: 8, p: 1 } })
  dataKey = await unlockKeyFile((await readKeyFile(sealedTemplate))!, { passphrase: 'corpus passphrase' })
}, 120_000)
afterAll(async () => {
  console.log(`[damaged corpus] ${tried} damaged inputs tried`)
  await Promise.all([template, sealedTemplate, ...scratch].map((d) => rm(d, { recursive: true, force: true })))
})

const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** The forms damage takes, applied to a file's healthy bytes. `expect` is what the app must then do. */
type Outcome = 'set aside' | 'loads' | 'read-only'
const FORMS: [string, (b: Buffer) => Buffer, Outcome][] = [
  ['NUL fill', (b) => Buffer.alloc(b.length, 0), 'set aside'],
  ['empty', () => Buffer.alloc(0), 'set aside'],
  ...[1, 0.1, 0.5, 0.9].map((f): [string, (b: Buffer) => Buffer, Outcome] => [
    `truncated at ${f < 1 ? `${f * 100}%` : `byte ${f}`}`,
    (b) => b.subarray(0, f < 1 ? Math.floor(b.length * f) : f),
    'set aside',
  ]),
  ['truncated by one byte', (b) => b.subarray(0, b.length - 2), 'set aside'],
  ['a BOM before it', (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]), 'loads'],
  ['trailing garbage', (b) => Buffer.concat([b, Buffer.from('\n}{"garbage": true}')]), 'set aside'],
  [
    'invalid UTF-8 inside a string',
    (b) => Buffer.from(b.toString('latin1').replace('"schemaVersion"', '"schem\u00e1Version"'), 'latin1'),
    'set aside',
  ],
  ['UTF-16', (b) => Buffer.from(`\ufeff${b.toString('utf8')}`, 'utf16le'), 'set aside'],
  ['an array, not an object', () => Buffer.from('[1,2,3]'), 'set aside'],
  ['null', () => Buffer.from('null'), 'set aside'],
  [
    '__proto__ keys',
    (b) =>
      Buffer.from(
        b.toString().replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
      ),
    'loads',
  ],
  [
    'a newer schema version',
    (b) =>
      Buffer.from(b.toString().replace(/"schemaVersion":\s*\d+/, `"schemaVersion": ${CURRENT_SCHEMA_VERSION + 7}`)),
    'read-only',
  ],
  [
    'schemaVersion of the wrong type',
    (b) => Buffer.from(b.toString().replace(/"schemaVersion":\s*\d+/, '"schemaVersion": "1"')),
    'set aside',
  ],
  [
    'a field of the wrong type',
    (b) => Buffer.from(b.toString().replace(/"createdAt":\s*"[^"]*"/, '"createdAt": 42')),
    'set aside',
  ],
  [
    'nesting 100,000 deep where a text belongs',
    (b) => Buffer.from(b.toString().replace(/"createdAt":\s*"[^"]*"/, `"createdAt": ${nest(100_000)}`)),
    'set aside',
  ],
]

/** Each stored kind: its file, and how its owner is asked for it. */
const KINDS: [string, () => string, (s: Services) => Promise<unknown>][] = [
  ['case.json', () => `cases/${CASE}/case.json`, (s) => s.cases.content(CASE)],
  ['an annotation chunk', () => `cases/${CASE}/annotations/${itemId}.json`, (s) => s.annotations.list(CASE, itemId)],
  ['a briefing', () => `cases/${CASE}/briefings/${briefingId}.json`, (s) => s.briefings.get(CASE, briefingId)],
  ['statutes.json', () => 'statutes.json', (s) => s.statutes.list()],
  ['workspace.json', () => 'workspace.json', (s) => s.cases.list()],
]

async function copyOfTemplate(from = template): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casefile-corpus-ws-'))
  scratch.push(dir)
  await cp(from, dir, { recursive: true })
  return dir
}

/** Every file under quarantine/ with its bytes. */
async function quarantined(root: string): Promise<Buffer[]> {
  const dir = join(root, 'quarantine')
  const names = await readdir(dir).catch(() => [] as string[])
  return Promise.all(names.filter((n) => n.includes('__')).map((n) => readFile(join(dir, n))))
}

/** Writes the damaged bytes, opens the workspace, and checks what the app did with them. */
async function expectHandled(
  root: string,
  [kind, relOf, ask]: (typeof KINDS)[number],
  form: string,
  bad: Buffer,
  outcome: Outcome,
  unlock?: { dataKey: Buffer },
) {
  tried++
  const rel = relOf()
  await writeFile(join(root, rel), bad)
  const s = await openWorkspace(root, unlock ? { unlock } : {})
  try {
    const asked = await ask(s).then(
      () => null,
      (e: Error & { code?: string }) => e,
    )
    const problems = s.workspace.problems().filter((p) => p.file === rel)
    if (outcome === 'set aside') {
      // The owner refuses it with the reason; the bytes are kept, whole, in quarantine.
      if (kind !== 'workspace.json') expect(asked?.code, form).toBe('CORRUPT')
      expect(problems.map((p) => p.message).join(' ')).toMatch(
        /could not be loaded: .*set aside unchanged as quarantine\//,
      )
      expect((await quarantined(root)).some((q) => q.equals(bad))).toBe(true)
    } else if (outcome === 'read-only') {
      expect(asked).toBeNull()
      expect(problems[0]).toMatchObject({
        kind: 'newer-version',
        message: expect.stringMatching(/newer Casefile.*read-only/),
      })
      expect((await readFile(join(root, rel))).equals(bad)).toBe(true)
    } else {
      expect(asked).toBeNull()
      expect(problems).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
    // The rest of the workspace: another case reads and (unless the index itself is newer) saves.
    expect((await s.cases.content(other)).case.title).toBe('Another case')
    const edit = await s.cases.update(other, { summary: 'Still works.' }).then(
      () => 'saved',
      (e: Error & { code?: string }) => e.code,
    )
    expect(edit).toBe(kind === 'workspace.json' && outcome === 'read-only' ? 'READ_ONLY' : 'saved')
    if (kind === 'workspace.json' && outcome === 'set aside')
      expect((await s.cases.list()).map((c) => c.id).sort()).toEqual([CASE, other].sort())
  } finally {
    await s.close()
  }
}

/** Damage to the sealed bytes themselves: none of it opens, all of it is set aside. */
const SEALED_FORMS: [string, (sealed: Buffer, plain: Buffer) => Buffer][] = [
  ['sealed, NUL fill', (b) => Buffer.alloc(b.length, 0)],
  ['sealed, truncated at half', (b) => b.subarray(0, Math.floor(b.length / 2))],
  ['sealed, the tag cut off', (b) => b.subarray(0, b.length - 16)],
  ['sealed, one ciphertext byte flipped', (b) => Buffer.from(b.map((x, i) => (i === b.length - 30 ? x ^ 1 : x)))],
  ['sealed, trailing garbage', (b) => Buffer.concat([b, Buffer.from('garbage')])],
  ['plain JSON where a sealed file belongs', (_b, plain) => plain],
]

describe('damaged stored files', () => {
  for (const k of KINDS)
    for (const [form, damage, outcome] of FORMS)
      it(`${k[0]}, ${form}: ${outcome}, the rest works`, async () => {
        const root = await copyOfTemplate()
        await expectHandled(root, k, form, damage(await readFile(join(root, k[1]()))), outcome)
      })

  it('a case note nested 100,000 levels deep loads, and the case still saves', async () => {
    tried++
    const root = await copyOfTemplate()
    const path = join(root, 'cases', CASE, 'case.json')
    const text = (await readFile(path, 'utf8')).replace(/"content":\s*\[\]/, `"content": ${nest(100_000)}`)
    expect(text.length).toBeGreaterThan(200_000)
    await writeFile(path, text)
    const s = await openWorkspace(root)
    try {
      await s.cases.update(CASE, { summary: 'Saved beside a deep note.' })
      expect(s.workspace.problems()).toEqual([])
    } finally {
      await s.close()
    }
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(200_000)
  })
})

describe('damaged stored files in an encrypted workspace', () => {
  for (const k of KINDS) {
    for (const [form, damage, outcome] of FORMS)
      it(`${k[0]}, ${form} (opened, damaged, sealed again): ${outcome}, the rest works`, async () => {
        const root = await copyOfTemplate(sealedTemplate)
        const rel = k[1]()
        const plain = openBytes(dataKey, rel, await readFile(join(root, rel)))
        await expectHandled(root, k, form, sealBytes(dataKey, rel, damage(plain)), outcome, { dataKey })
      })
    for (const [form, damage] of SEALED_FORMS)
      it(`${k[0]}, ${form}: set aside, the rest works`, async () => {
        const root = await copyOfTemplate(sealedTemplate)
        const rel = k[1]()
        const sealed = await readFile(join(root, rel))
        const bad = damage(sealed, openBytes(dataKey, rel, sealed))
        await expectHandled(root, k, form, bad, 'set aside', { dataKey })
      })
  }
})

describe('a damaged audit log or head', () => {
  const AUDIT: [string, (log: Buffer, head: Buffer) => [Buffer, Buffer]][] = [
    ['log NUL-filled', (l, h) => [Buffer.alloc(l.length, 0), h]],
    ['log truncated mid-line', (l, h) => [l.subarray(0, Math.floor(l.length * 0.6)), h]],
    ['log cut by whole lines', (l, h) => [Buffer.from(l.toString().split('\n').slice(0, 2).join('\n') + '\n'), h]],
    [
      'log with invalid UTF-8',
      (l, h) => [Buffer.from(l.toString('latin1').replace('local user', 'local us\u00e9r'), 'latin1'), h],
    ],
    ['log with a garbage line', (l, h) => [Buffer.concat([l, Buffer.from('{"not":"an entry"}\n')]), h]],
    ['log with an edited entry', (l, h) => [Buffer.from(l.toString().replace('"referenced"', '"exported"')), h]],
    ['log emptied', (_l, h) => [Buffer.alloc(0), h]],
    ['head NUL-filled', (l, h) => [l, Buffer.alloc(h.length, 0)]],
    ['head truncated', (l, h) => [l, h.subarray(0, 10)]],
    ['head naming a later entry', (l) => [l, Buffer.from(JSON.stringify({ seq: 99, hash: 'a'.repeat(64) }))]],
    ['head of the wrong type', (l) => [l, Buffer.from('{"seq":"2","hash":7}')]],
  ]
  // Not damage to what the chain covers: the entries and the head's fields read the same.
  const HARMLESS: [string, (log: Buffer, head: Buffer) => [Buffer, Buffer]][] = [
    ['log with a BOM', (l, h) => [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), l]), h]],
    ['head with __proto__', (l, h) => [l, Buffer.from(h.toString().replace('{', '{"__proto__":{"polluted":1},'))]],
  ]
  for (const [form, damage] of HARMLESS)
    it(`${form}: the chain reads the same, no prototype is touched, recording goes on`, async () => {
      tried++
      const root = await copyOfTemplate()
      const [log, head] = damage(
        await readFile(join(root, 'audit.log.jsonl')),
        await readFile(join(root, 'audit.head.json')),
      )
      await writeFile(join(root, 'audit.log.jsonl'), log)
      await writeFile(join(root, 'audit.head.json'), head)
      const s = await openWorkspace(root)
      try {
        expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
        await s.evidence.add(other, { kind: 'web page', title: 'New', sourceUrl: 'https://e.org/n' })
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      } finally {
        await s.close()
      }
    })
  for (const [form, damage] of AUDIT)
    it(`${form}: reported, refused until acknowledged, never rewritten`, async () => {
      tried++
      const root = await copyOfTemplate()
      const [log, head] = damage(
        await readFile(join(root, 'audit.log.jsonl')),
        await readFile(join(root, 'audit.head.json')),
      )
      await writeFile(join(root, 'audit.log.jsonl'), log)
      await writeFile(join(root, 'audit.head.json'), head)
      const s = await openWorkspace(root)
      try {
        const chain = await s.audit.verifyChain()
        expect(chain.ok, form).toBe(false)
        await expect(
          s.evidence.add(other, { kind: 'web page', title: 'New', sourceUrl: 'https://e.org/n' }),
        ).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/acknowledge-audit-break/) })
        expect((await readFile(join(root, 'audit.log.jsonl'))).equals(log)).toBe(true)
        expect((await readFile(join(root, 'audit.head.json'))).equals(head)).toBe(true)
        // What needs no audit entry still works.
        await s.cases.update(other, { summary: 'Still works.' })
        // A person acknowledges; recording resumes.
        await s.audit.acknowledgeBreak({ note: `corpus: ${form}` })
        await s.evidence.add(other, { kind: 'web page', title: 'After', sourceUrl: 'https://e.org/a' })
        expect(await s.audit.verifyChain()).toMatchObject({ ok: true })
      } finally {
        await s.close()
      }
    })
})

describe('a damaged search cache (derived data)', () => {
  const CACHE: [string, (dir: string) => Promise<void>][] = [
    ['index NUL-filled', async (d) => writeFile(join(d, 'search-index.json'), Buffer.alloc(300, 0))],
    [
      'index truncated',
      async (d) =>
        writeFile(join(d, 'search-index.json'), (await readFile(join(d, 'search-index.json'))).subarray(0, 40)),
    ],
    [
      'index of invalid UTF-8',
      async (d) => writeFile(join(d, 'search-index.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    ],
    [
      'postings emptied',
      async (d) => {
        for (const n of await readdir(d)) if (n.startsWith('search-postings')) await writeFile(join(d, n), '')
      },
    ],
    [
      'docs garbled',
      async (d) => {
        for (const n of await readdir(d))
          if (n.startsWith('search-docs')) await writeFile(join(d, n), Buffer.alloc(64, 0xff))
      },
    ],
  ]
  for (const [form, damage] of CACHE)
    it(`${form}: rebuilt from the files, search answers`, async () => {
      tried++
      const root = await copyOfTemplate()
      await damage(join(root, 'cache'))
      const s = await openWorkspace(root)
      try {
        const r = await s.search.query({ query: 'consulate' })
        expect(r.total).toBeGreaterThan(0)
      } finally {
        await s.close()
      }
    })
})
