import { randomBytes } from 'node:crypto'
import { access, copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BRIEFING_TEMPLATES,
  CASE_STATUSES,
  CLASSIFICATION_PRESETS,
  CUSTODY_ACTIONS,
  EVIDENCE_KINDS,
  ISSUE_STATUSES,
  PRECISIONS,
  SEARCH_KINDS,
  VERIFICATION_STATUSES,
  WARNING_CODES,
} from '@shared/domain'
import { COMMANDS, find } from '@main/cli'
import { runMain, type CliResult } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

/** The files a workspace may lack: the statute library, the audit log and its head, the search cache, backups. */
const OPTIONAL = ['statutes.json', 'audit.log.jsonl', 'audit.head.json', 'cache', 'backups']

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  )

/**
 * Runs every command of the command line, in order, on `ws`, each through
 * main(argv, io) exactly as a person would type it; fails on the first that
 * does not exit as expected. Returns the command names it ran.
 */
async function everyCommand(
  ws: string,
  scratch: string,
  ref: string,
  printed?: { args: string[]; lines: string[] }[],
): Promise<Set<string>> {
  const ran = new Set<string>()
  const run = async (args: string[], expected = 0): Promise<CliResult> => {
    const r = await runMain([...args, '--workspace', ws])
    // JSON output is data; its arguments still count as data the other commands print back.
    const json = args.includes('--json')
    printed?.push({ args, lines: json ? [] : `${r.stdout}${r.stderr}`.split('\n').filter(Boolean) })
    const hit = find(args)
    if (hit) ran.add(hit.cmd.name)
    if (r.code !== expected)
      throw new Error(`casefile ${args.join(' ')} exited ${r.code}, not ${expected}: ${r.stderr}${r.stdout}`)
    if (expected !== 0) expect(r.stderr.trim().split('\n')).toHaveLength(1)
    return r
  }
  const json = async <T = Record<string, unknown>>(args: string[]): Promise<T> =>
    JSON.parse((await run([...args, '--json'])).stdout) as T
  const id = async (args: string[]) => (await json<{ id: string }>(args)).id

  await run(['settings', 'set', 'user-name', 'Ana Torres'])
  expect((await json(['settings', 'show']))['user-name']).toBe('Ana Torres')
  await run(['cases'])
  const caseId = await id(['case', 'new', '--title', 'Consulate door incident', '--reference', ref])
  await run(['case', 'edit', ref, '--summary', 'An agent tried to follow two people in.', '--tag', 'consular'])
  await run(['show', ref])

  const agent = await id(['actor', 'add', ref, '--name', 'ICE agent, unnamed', '--role', 'agent'])
  const consul = await id(['actor', 'add', ref, '--name', 'Consul', '--affiliation', 'Consulate of Ecuador'])
  expect(await json<unknown[]>(['actor', 'list', ref])).toHaveLength(2)
  await run(['actor', 'edit', consul, '--role', 'consular official'])

  const docPath = join(scratch, 'protest note.txt')
  await writeFile(docPath, 'The premises of the consulate shall be inviolable.\n')
  const videoPath = join(scratch, 'door.mp4')
  await writeFile(videoPath, randomBytes(4096))
  const doc = await id(['evidence', 'add', ref, '--file', docPath])
  const video = await id(['evidence', 'add', ref, '--file', videoPath, '--title', 'Door video'])
  const page = await id(['evidence', 'add', ref, '--url', 'https://example.org/report', '--title', 'Press report'])
  await id(['evidence', 'add', ref, '--kind', 'testimony', '--title', 'Statement of the consul'])
  expect(await json<unknown[]>(['evidence', 'list', ref])).toHaveLength(4)
  await run(['evidence', 'show', video])
  await run([
    'evidence',
    'edit',
    video,
    '--source-status',
    'verified',
    '--source-reasoning',
    'Filmed by consular staff',
    '--status',
    'partially verified',
    '--reliability',
    'B',
    '--credibility',
    '2',
  ])
  await run(['custody', 'show', video])

  const event = await id([
    'event',
    'add',
    ref,
    '--at',
    '2026-01-27T11:00',
    '--tz',
    'America/Chicago',
    '--text',
    'Staff block the door',
    '--actor',
    agent,
    '--actor',
    consul,
    '--evidence',
    video,
  ])
  expect(await json<unknown[]>(['event', 'list', ref])).toHaveLength(1)
  await run(['event', 'edit', event, '--at', '2026-01-27T11:05', '--precision', 'approximate'])

  const ann = await id(['annotation', 'add', video, '--from', '0:12', '--to', '0:19.5', '--text', 'The door closes'])
  await id(['annotation', 'add', doc, '--page', '1', '--quote', 'inviolable', '--text', 'The key word'])
  expect(await json<unknown[]>(['annotation', 'list', video])).toHaveLength(1)
  await run(['annotation', 'edit', ann, '--tag', 'door'])

  // Evidence work at the level of ELAN and CaseMap (#15), on a real clip: tiers out and back in, a still and a clip.
  const clipPath = join(scratch, 'sample clip.webm')
  await copyFile(resolve(__dirname, '../../../resources/demo/sample-clip.webm'), clipPath)
  const clip = await id(['evidence', 'add', ref, '--file', clipPath, '--title', 'Sample clip'])
  await run([
    'annotation',
    'add',
    clip,
    '--from',
    '0:01',
    '--to',
    '0:03',
    '--tier',
    'speech',
    '--text',
    'Open the door',
  ])
  await run(['annotation', 'export', clip, '--out', join(scratch, 'clip.eaf')])
  await run(['annotation', 'export', clip, '--tier', 'speech', '--out', join(scratch, 'clip.vtt')])
  await run(['annotation', 'import', clip, join(scratch, 'clip.vtt'), '--tier', 'translation'])
  expect(await json<{ tier?: string }[]>(['annotation', 'list', clip])).toHaveLength(2)
  const still = await json<{ derivedFrom?: { evidenceId: string } }>(['evidence', 'still', clip, '--at', '0:02'])
  expect(still.derivedFrom?.evidenceId).toBe(clip)
  await run(['evidence', 'clip', clip, '--from', '0:01', '--to', '0:03'])
  const issue = await id(['issue', 'add', ref, '--question', 'Was Art. 31(2) breached?', '--evidence', clip])
  await run(['issue', 'list', ref])
  await run(['issue', 'link', issue, '--event', event])
  await run(['issue', 'edit', issue, '--status', 'answered', '--notes', 'Yes.'])
  await run(['issue', 'remove', issue])

  const note = await id(['note', 'add', ref, '--title', 'Call', '--text', 'Spoke to the consul.\n\nHe confirmed it.'])
  await run(['note', 'list', ref])
  await run(['note', 'edit', note, '--text', 'Spoke to the consul twice.'])

  const textFile = join(scratch, 'art31.txt')
  await writeFile(textFile, '1. Consular premises shall be inviolable to the extent provided in this article.')
  const statute = await id([
    'statute',
    'add',
    '--instrument',
    'Vienna Convention on Consular Relations',
    '--short-name',
    'VCCR',
    '--year',
    '1963',
    '--article',
    '31',
    '--paragraph',
    '1',
    '--text-file',
    textFile,
    '--case',
    ref,
  ])
  await run(['statute', 'list', '--case', ref])
  await run(['statute', 'show', statute])
  await run(['statute', 'edit', statute, '--heading', 'Inviolability of the consular premises'])
  await run(['statute', 'unlink', statute, '--case', ref])
  await run(['statute', 'link', statute, '--case', ref])
  const importFile = join(scratch, 'vcdr.txt')
  await writeFile(
    importFile,
    'Instrument: Vienna Convention on Diplomatic Relations (VCDR), 1961\n\nArt. 22(1) — Inviolability of the mission\nThe premises of the mission shall be inviolable.\n',
  )
  await run(['statute', 'import', importFile, '--case', ref])

  const briefing = await id(['briefing', 'new', ref, '--template', 'briefing memo'])
  await run(['briefing', 'list', ref])
  await run(['briefing', 'show', briefing])
  await run(['briefing', 'edit', briefing, '--to', 'The Minister'])
  await run(['briefing', 'status', briefing, 'final'])
  const copy = await id(['briefing', 'duplicate', briefing])
  await run(['export', ref, '--briefing', briefing, '--out', join(scratch, 'memo.pdf')])
  expect(await exists(join(scratch, 'memo.pdf'))).toBe(true)

  // What the files say (#16): metadata and warnings, near-duplicates, a second reading.
  await run(['evidence', 'inspect', video])
  await run(['evidence', 'duplicates', ref])
  await run(['evidence', 'reread', '--all'])

  // Bundles (#13): this case out and back in beside itself; a case from another workspace, its key trusted and removed.
  const own = join(scratch, 'own.casefile')
  await run(['bundle', 'export', ref, '--out', own])
  await run(['bundle', 'inspect', own])
  await run(['bundle', 'import', own, '--on-clash', 'keep-both'])
  const other = join(scratch, 'other-ws')
  const otherBundle = join(scratch, 'other.casefile')
  for (const args of [
    ['case', 'new', '--title', 'From the mission', '--reference', `${ref}-M`],
    ['bundle', 'export', `${ref}-M`, '--out', otherBundle],
  ])
    expect((await runMain([...args, '--workspace', other])).code, args.join(' ')).toBe(0)
  await run(['bundle', 'import', otherBundle])
  const { keys } = await json<{ keys: { fingerprint: string }[] }>(['keys', 'list'])
  await run(['keys', 'trust', keys[0].fingerprint])
  await run(['keys', 'remove', keys[0].fingerprint])

  expect((await json<unknown[]>(['search', 'inviolable'])).length).toBeGreaterThan(0)
  await run(['evidence', 'verify'])
  await run(['check'])
  await run(['case', 'archive', caseId]) // by id: the bundle brought a second case with this reference
  await run(['case', 'restore', caseId])

  await run(['annotation', 'remove', ann])
  await run(['note', 'remove', note])
  await run(['event', 'remove', event])
  await run(['actor', 'remove', agent])
  await run(['evidence', 'remove', page])
  await run(['briefing', 'remove', copy])
  await run(['statute', 'remove', statute, '--force'])
  // The trash: the excerpt just removed, and a case sent there, both back.
  await run(['trash'])
  const [excerptEntry] = await json<{ id: string; kind: string; itemId: string }[]>(['trash'])
  expect(excerptEntry).toMatchObject({ kind: 'statute', itemId: statute })
  await run(['trash', 'restore', excerptEntry.id])
  const caseEntry = await json<{ id: string; itemId: string }>(['case', 'remove', caseId])
  expect(caseEntry.itemId).toBe(caseId)
  expect((await json<{ id: string }[]>(['cases'])).map((c) => c.id)).not.toContain(caseId)
  await run(['trash', 'restore', caseEntry.id])
  expect(await json<unknown[]>(['trash'])).toEqual([])
  // An entry whose copy went by hand: refused while anything is there, then dropped.
  const again = await json<{ entry: { id: string } }>(['statute', 'remove', statute, '--force'])
  await run(['trash', 'forget', again.entry.id], 1)
  await rm(join(ws, 'trash', again.entry.id), { recursive: true })
  await run(['trash', 'forget', again.entry.id])
  expect(await json<unknown[]>(['trash'])).toEqual([])
  await run(['check'])
  await run(['repair'])
  await run(['demo'])

  // Encryption at rest (#14): in place, every command the same once given the passphrase, changed, and back.
  const env = { ...process.env }
  try {
    process.env.CASEFILE_NEW_PASSPHRASE = 'correct horse battery'
    await run(['encrypt'])
    process.env.CASEFILE_PASSPHRASE = 'correct horse battery'
    process.env.CASEFILE_NEW_PASSPHRASE = 'staple and ink'
    await run(['passphrase'])
    process.env.CASEFILE_PASSPHRASE = 'staple and ink'
    delete process.env.CASEFILE_NEW_PASSPHRASE
    await run(['recovery-key'])
    await run(['show', caseId])
    await run(['check'])
    await run(['decrypt'])
  } finally {
    process.env = env
  }
  const refs = (await json<{ id: string; reference: string }[]>(['cases'])).map((c) => [c.id, c.reference])
  expect(refs).toEqual(
    expect.arrayContaining([
      [caseId, ref],
      ['case_ecu_mpls_2026', 'ECU-USA-2026-001'],
    ]),
  )
  return ran
}

describe('every command on a fresh folder', () => {
  it('runs every command of the command line, in order, on a new empty folder', async () => {
    const ws = join(await tempDir(), 'new workspace')
    const ran = await everyCommand(ws, await tempDir(), 'ECU-1')
    expect([...ran].sort()).toEqual(COMMANDS.map((c) => c.name).sort())
  }, 120_000)

  it('runs them on a workspace whose statute library, audit log and cache are absent', async () => {
    const ws = await tempDir()
    const scratch = await tempDir()
    // A workspace made without them (a copy, a first version, a hand-cleaned folder) ...
    expect((await runMain(['case', 'new', '--title', 'First', '--reference', 'R-1', '--workspace', ws])).code).toBe(0)
    expect((await runMain(['search', 'first', '--workspace', ws])).code).toBe(0)
    for (const f of OPTIONAL) await rm(join(ws, f), { recursive: true, force: true })

    // ... is read by every read-only command without an error, and without creating any of them.
    for (const args of [
      ['cases'],
      ['show', 'R-1'],
      ['actor', 'list', 'R-1'],
      ['event', 'list', 'R-1'],
      ['evidence', 'list', 'R-1'],
      ['note', 'list', 'R-1'],
      ['statute', 'list'],
      ['statute', 'list', '--case', 'R-1'],
      ['briefing', 'list', 'R-1'],
      ['settings', 'show'],
      ['check'],
    ]) {
      const r = await runMain([...args, '--workspace', ws])
      expect(r.stderr, args.join(' ')).toBe('')
      expect(r.code, args.join(' ')).toBe(0)
    }
    expect((await readdir(ws)).filter((f) => OPTIONAL.includes(f))).toEqual([])

    // Then every command, writers included.
    await everyCommand(ws, scratch, 'R-2')
  }, 120_000)
})

/** Words the command line prints as data, not as its own messages: values it stores or reads from files. */
const DATA_WORDS = new RegExp(
  [
    String.raw`\b[a-z]+_[0-9a-zA-Z_]+\b`, // record ids
    String.raw`\b[0-9a-f]{8,}\b`, // hashes, fingerprints
    String.raw`\S*[/\\]\S*`, // paths, URLs, mime types, zones
    String.raw`\d{4}-\d\d-\d\d[T ]?[\d:.]*Z?`, // stored instants
    String.raw`--[a-z-]+`, // option names
    String.raw`\bcasefile( [a-z]+)*`, // the command words themselves
    String.raw`SHA-256|\bart\.`, // the same in both languages (a hash's name, a citation's article)
    String.raw`\b[A-Z2-7]{4}(-[A-Z2-7]{4}){5,}\b`, // a recovery key
    String.raw`\b[A-Z]{3}-[A-Z]{3}-\d{4}-\d{3}\b`, // a case reference in the help's examples (ECU-USA-2026-002)
    // The dated line the examination adds to a technical check is stored text, in the language it was written in.
    String.raw`\[Casefile examination [^\]]*\].*`,
  ].join('|'),
  'g',
)

/** Every string stored in the workspace's JSON files: what commands print back as data (titles, texts, custody details). */
async function storedStrings(dir: string, out = new Set<string>()): Promise<Set<string>> {
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await storedStrings(path, out)
    else if (entry.name.endsWith('.jsonl'))
      for (const line of (await readFile(path, 'utf8')).split('\n').filter(Boolean)) walk(JSON.parse(line))
    else if (entry.name.endsWith('.json')) walk(JSON.parse(await readFile(path, 'utf8')))
  }
  return out
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('every command in the pseudo-language', () => {
  it('prints no word of its own that bypasses the catalogue (CASEFILE_LANG=qps marks every catalogue word)', async () => {
    const printed: { args: string[]; lines: string[] }[] = []
    const helps: { args: string[]; lines: string[] }[] = []
    const ws = join(await tempDir(), 'ws')
    const before = process.env.CASEFILE_LANG
    process.env.CASEFILE_LANG = 'qps'
    try {
      await everyCommand(ws, await tempDir(), 'Q-1', printed)
      // Help as a person reads it (help takes no options): the overview, and every command's own help, its usage
      // line, options and examples. What help prints is the command line's own words: nothing it shows is data.
      for (const args of [['help'], ...COMMANDS.map((c) => ['help', ...c.name.split(' ')]), ['help', 'case']]) {
        const r = await runMain(args)
        expect(r.code, args.join(' ')).toBe(0)
        expect(r.stderr, args.join(' ')).toBe('')
        helps.push({ args, lines: r.stdout.split('\n').filter(Boolean) })
      }
      // The errors a person meets first: bad usage (a usage line in it), an unknown verb, a record not found, a bad value.
      for (const args of [
        ['help', 'event', 'add'],
        ['evidence'],
        ['cases', '--bogus'],
        ['show'],
        ['actor', 'add', 'Q-1'],
        ['show', 'NO-SUCH-REF'],
        ['event', 'add', 'Q-1', '--at', 'tomorrow', '--text', 'x'],
        ['case', 'new', '--title', 'x'.repeat(600)],
      ]) {
        const r = await runMain([...args, '--workspace', ws])
        printed.push({ args, lines: `${r.stdout}${r.stderr}`.split('\n').filter(Boolean) })
      }
    } finally {
      if (before === undefined) delete process.env.CASEFILE_LANG
      else process.env.CASEFILE_LANG = before
    }
    // Data is what the person typed, what the workspace stores (titles, texts, custody details) and the stored
    // vocabulary (statuses, kinds, custody actions), which commands take and print as typed.
    const vocabulary = [
      ...BRIEFING_TEMPLATES,
      ...CASE_STATUSES,
      ...CLASSIFICATION_PRESETS,
      ...CUSTODY_ACTIONS,
      ...EVIDENCE_KINDS,
      ...ISSUE_STATUSES,
      ...PRECISIONS,
      ...SEARCH_KINDS,
      ...VERIFICATION_STATUSES,
      ...WARNING_CODES,
    ]
    const typed = printed.flatMap((p) => p.args.flatMap((a) => [a, ...a.split('\n')]))
    const data = [...new Set([...typed, ...(await storedStrings(ws)), ...vocabulary])]
      .filter((a) => /[A-Za-z]{2}/.test(a))
      .sort((a, b) => b.length - a.length)
    const leaks: string[] = []
    expect(helps.length).toBe(COMMANDS.length + 2)
    for (const { args, lines } of [...printed, ...helps])
      for (const line of lines) {
        let rest = line
        while (/⟦[^⟦⟧]*⟧/.test(rest)) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
        // A stored or typed word inside a record id or an option name (`note` in note_0123, `restore` in
        // --restore-backups) is not that data: the id or the option is, and DATA_WORDS takes it whole below.
        for (const d of data)
          if (rest.includes(d)) rest = rest.replace(new RegExp(`(?<![\\w-])${escapeRe(d)}(?![\\w-])`, 'g'), ' ')
        rest = rest.replace(DATA_WORDS, ' ')
        if (/[A-Za-z]{3,}/.test(rest)) leaks.push(`casefile ${args.join(' ')}\n    ${line}\n    left: ${rest.trim()}`)
      }
    expect(leaks).toEqual([])
  }, 180_000)
})
