import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { COMMANDS } from '@main/cli'
import { runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

/** A workspace with one case (reference R-1); `cf` runs a command on it in this process. */
async function workspace() {
  const ws = await tempDir()
  const cf = (...args: string[]) => runMain([...args, '--workspace', ws])
  const json = async <T = Record<string, unknown>>(...args: string[]) => {
    const r = await cf(...args, '--json')
    if (r.code !== 0) throw new Error(`casefile ${args.join(' ')}: ${r.stderr}`)
    return JSON.parse(r.stdout) as T
  }
  const c = await json<{ id: string }>('case', 'new', '--title', 'Door incident', '--reference', 'R-1')
  return { ws, cf, json, caseId: c.id }
}

const caseFile = async (ws: string, caseId: string) =>
  JSON.parse(await readFile(join(ws, 'cases', caseId, 'case.json'), 'utf8'))

describe('help', () => {
  it('lists every command grouped by noun, and shows one command with its options', async () => {
    const all = await runMain(['help'])
    expect(all.code).toBe(0)
    for (const heading of ['Cases:', 'Actors:', 'Events:', 'Evidence:', 'Annotations:', 'Notes:', 'Briefings:'])
      expect(all.stdout).toContain(`\n${heading}\n`)
    for (const c of COMMANDS) expect(all.stdout).toContain(`  ${c.name}`)
    expect(all.stdout.split('\n').every((l) => l.length <= 100)).toBe(true)

    const one = await runMain(['help', 'actor', 'add'])
    expect(one.code).toBe(0)
    expect(one.stdout).toMatch(/^usage: casefile actor add CASE --name NAME \[--role ROLE\]/)
    expect(one.stdout).toMatch(/--name NAME +who it is \(required\)/)
    expect(one.stdout).toMatch(/--workspace DIR/)
    expect(one.stdout).toMatch(/Examples:\n {2}casefile actor add /)
    expect((await runMain(['actor', 'add', '--help'])).stdout).toBe(one.stdout)

    const family = await runMain(['help', 'briefing'])
    expect(family.stdout).toMatch(/casefile briefing new CASE/)
    expect(family.stdout).toMatch(/casefile briefing status BRIEFING draft\|final/)

    expect((await runMain(['help', 'nothing'])).code).toBe(2)
    expect((await runMain([])).code).toBe(2)
  })

  it('every example in help that names only demo records and no file runs in the demo workspace', async () => {
    const ws = await tempDir()
    expect((await runMain(['demo', '--workspace', ws])).code).toBe(0)
    // Records the demo does not have (a placeholder id), files, and what removes or locks records are left out.
    const skipped =
      /_0123|\.(mp4|pdf|srt|vtt|eaf|txt|csv|zip|json|casefile|png|m4a|ndjson)\b|\b(remove|archive|restore|encrypt|decrypt|passphrase|repair|demo|bundle|export|import|trash|backup)\b/
    const words = (line: string) =>
      [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]).replace(/\\(.)/g, '$1'))
    let ran = 0
    for (const c of COMMANDS) {
      const help = (await runMain(['help', ...c.name.split(' ')])).stdout
      for (const line of help
        .slice(help.indexOf('Examples:'))
        .split('\n')
        .filter((l) => l.startsWith('  casefile '))) {
        if (skipped.test(line)) continue
        const r = await runMain([...words(line.slice('  casefile '.length)), '--workspace', ws])
        expect(r.code, `${line}\n${r.stderr}`).toBe(0)
        ran++
      }
    }
    expect(ran).toBeGreaterThan(30)
    expect((await runMain(['show', 'ECU-USA-2026-001', '--workspace', ws])).code).toBe(0)
  }, 300_000)

  it('says which verbs a noun has when the verb is wrong or missing (exit 2)', async () => {
    const r = await runMain(['actor', 'frob'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(
      'casefile actor: unknown verb "frob"; try add, list, edit, remove (casefile help actor)',
    )
    expect((await runMain(['frob', '--workspace', 'x'])).stderr.trim()).toBe(
      'casefile: unknown command "frob"; run casefile help',
    )
    // An option first is named alone, never with what follows it (a passphrase typed as its value), in
    // every spelling; nor does help repeat one.
    for (const args of [
      ['--passphrase', 'hunter2'],
      ['--passphrase=hunter2'],
      ['-phunter2'],
      ['passphrs', 'hunter2'],
    ]) {
      const r = await runMain([...args, 'cases'])
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toMatch(/^casefile: unknown command "(--passphrase|-p|passphrs)"; run casefile help$/)
    }
    for (const args of [['help'], ['--help'], ['help', 'encrypt']])
      for (const secret of [['--passphrase', 'hunter2'], ['--passphrase=hunter2'], ['-phunter2']]) {
        const r = await runMain([...args, ...secret])
        expect(r.code).toBe(2)
        expect(r.stderr).toMatch(/^casefile help: no command "(encrypt|--passphrase|-p)"/)
        expect(r.stdout + r.stderr).not.toContain('hunter2')
      }
    expect((await runMain(['case'])).stderr.trim()).toBe(
      'casefile case: unknown verb; try list, show, new, edit, archive, restore, remove (casefile help case)',
    )
  })

  it('refuses a --workspace that names a file, in one line', async () => {
    const file = join(await tempDir(), 'notes.txt')
    await writeFile(file, 'not a workspace')
    for (const args of [['cases'], ['case', 'new', '--title', 'x']]) {
      const r = await runMain([...args, '--workspace', file])
      expect(r.code).toBe(1)
      expect(r.stderr.trim()).toBe(
        `casefile ${args.slice(0, 2).join(' ').replace(' --title', '')}: ${file} is a file, not a workspace folder.`,
      )
    }
    expect(await readFile(file, 'utf8')).toBe('not a workspace')
  })

  it('starts a workspace only in a new or empty folder, never among other files', async () => {
    const project = await tempDir()
    await writeFile(join(project, 'README.txt'), 'mine')
    const r = await runMain(['case', 'new', '--title', 'x', '--workspace', project])
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(
      `casefile case new: ${project} is not a Casefile workspace and holds other files; name a new or empty folder to start a workspace.`,
    )
    expect(await readdir(project)).toEqual(['README.txt'])
    const empty = await tempDir()
    expect((await runMain(['case', 'new', '--title', 'x', '--workspace', empty])).code).toBe(0)
    expect((await runMain(['case', 'new', '--title', 'y', '--workspace', join(empty, 'sub', 'new')])).code).toBe(0)
  })
})

describe('sensible defaults', () => {
  it('a --url without --kind is a web page titled by its URL; a --file without --title takes the file name', async () => {
    const { cf, json } = await workspace()
    const page = await json('evidence', 'add', 'R-1', '--url', 'https://example.org/a')
    expect(page).toMatchObject({ kind: 'web page', title: 'https://example.org/a', sourceUrl: 'https://example.org/a' })
    const post = await json('evidence', 'add', 'R-1', '--url', 'https://example.org/b', '--kind', 'social-post')
    expect(post.kind).toBe('social post')
    const file = join(await tempDir(), 'Protest note.pdf')
    await writeFile(file, '%PDF-1.4\n')
    expect(await json('evidence', 'add', 'R-1', '--file', file)).toMatchObject({
      title: 'Protest note.pdf',
      kind: 'document',
    })
    expect(await json('evidence', 'add', 'R-1', '--kind', 'testimony', '--title', 'Statement')).toMatchObject({
      kind: 'testimony',
    })
    const neither = await cf('evidence', 'add', 'R-1', '--title', 'What?')
    expect(neither.code).toBe(2)
    expect((await cf('evidence', 'add', 'R-1', '--url', 'u', '--file', file)).code).toBe(2)
    // As the window's dialog: a URL reference is a web address, nothing else is stored as one.
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'example.org', 'https://', '']) {
      const refused = await cf('evidence', 'add', 'R-1', '--url', url)
      expect(refused.code, url).toBe(2)
      expect(refused.stderr, url).toContain('--url takes a full web address, such as https://example.org/page')
    }
    expect(await json('evidence', 'add', 'R-1', '--url', ' https://example.org/c ')).toMatchObject({
      sourceUrl: 'https://example.org/c',
      title: 'https://example.org/c',
    })
    expect(await json<unknown[]>('evidence', 'list', 'R-1')).toHaveLength(5)
  })

  it('reads an event time in UTC when no zone is given and says so; an edit reads it in the event’s zone', async () => {
    const { cf, json } = await workspace()
    const utc = await cf('event', 'add', 'R-1', '--at', '2026-01-27T11:00', '--text', 'Approach')
    expect(utc.code).toBe(0)
    expect(utc.stdout).toMatch(/27 Jan 2026, 11:00 \(UTC, UTC\+00:00\) — Approach/)
    expect(utc.stdout).toMatch(/Time read in UTC, the workspace's default zone \(no --tz given\)/)

    const e = await json<{ id: string }>(
      'event',
      'add',
      'R-1',
      '--at',
      '2026-01-27T11:00',
      '--tz',
      'America/Chicago',
      '--title',
      'Door',
    )
    const moved = await cf('event', 'edit', e.id, '--at', '2026-01-27T11:30')
    expect(moved.stdout).toMatch(/11:30 \(America\/Chicago, UTC-06:00\)/)
    expect(moved.stdout).toMatch(/Time read in the event's zone, America\/Chicago/)
    // --tz alone keeps the instant and shows it in the new zone.
    const shown = await json<{ at: string; tz: string }>('event', 'edit', e.id, '--tz', 'America/Guayaquil')
    expect(shown).toMatchObject({ at: '2026-01-27T17:30:00.000Z', tz: 'America/Guayaquil' })
  })

  it('reads a new event in the workspace’s default zone once one is set', async () => {
    const { cf, json } = await workspace()
    expect((await cf('settings', 'set', 'default-time-zone', 'America/Guayaquil')).code).toBe(0)
    const r = await cf('event', 'add', 'R-1', '--at', '2026-01-27T11:00', '--text', 'Protest note delivered')
    expect(r.stdout).toMatch(/11:00 \(America\/Guayaquil, UTC-05:00\)/)
    expect(r.stdout).toMatch(/Time read in America\/Guayaquil, the workspace's default zone \(no --tz given\)/)
    expect((await json('settings', 'show'))['default-time-zone']).toBe('America/Guayaquil')
    expect((await cf('settings', 'set', 'default-time-zone', 'Mars/Olympus')).code).toBe(1)
  })

  it('exports a case without a briefing by drafting one from the case file, and says so; --final refuses a draft', async () => {
    const { cf, json } = await workspace()
    const dir = await tempDir()
    const r = await cf('export', 'R-1', '--out', join(dir, 'memo.pdf'))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^The case had no briefing: drafted ".+" \(briefing_\w+\) from the case file\.\nWrote /)
    const [b] = await json<{ id: string; template: string; status: string }[]>('briefing', 'list', 'R-1')
    expect(b).toMatchObject({ template: 'case file', status: 'draft' })
    const refused = await cf('export', 'R-1', '--final', '--out', join(dir, 'final.pdf'))
    expect(refused.code).toBe(1)
    // The command it names carries this run's workspace, and does the job when run as it stands.
    const named =
      /is a draft; set its status to final first \(casefile (--workspace=\S+ briefing status briefing_\w+ final)\)/.exec(
        refused.stderr,
      )
    expect(named?.[1]).toMatch(/^--workspace=\/\S+ /)
    expect((await runMain(named![1].split(' '))).code).toBe(0)
    expect((await cf('export', 'R-1', '--final', '--out', join(dir, 'final.pdf'))).code).toBe(0)
    expect((await cf('export', 'R-1', '--final', '--draft', '--out', join(dir, 'x.pdf'))).code).toBe(2)
  })

  it('starts a briefing from the first template when none is named; template names forgive hyphens', async () => {
    const { json } = await workspace()
    expect((await json('briefing', 'new', 'R-1')).status).toBe('draft')
    expect((await json('briefing', 'new', 'R-1', '--template', 'Note-of-Protest')).template).toBe('note of protest')
  })

  it('finds the workspace in $CASEFILE_WORKSPACE when --workspace is not given', async () => {
    const { ws } = await workspace()
    const before = process.env.CASEFILE_WORKSPACE
    process.env.CASEFILE_WORKSPACE = ws
    try {
      expect((await runMain(['cases'])).stdout).toMatch(/R-1/)
    } finally {
      if (before === undefined) delete process.env.CASEFILE_WORKSPACE
      else process.env.CASEFILE_WORKSPACE = before
    }
  })
})

describe('what the commands write', () => {
  it('show says which linked excerpts it cannot show, rather than a bare count of none', async () => {
    const { ws, cf, json } = await workspace()
    const text = join(await tempDir(), 'a.txt')
    await writeFile(text, 'Texto del artículo.')
    const added = await json<{ id: string }>(
      'statute',
      'add',
      '--instrument',
      'Ley 1',
      '--article',
      '3',
      '--text-file',
      text,
      '--case',
      'R-1',
    )
    expect((await cf('show', 'R-1')).stdout).toContain('Statute excerpts (1)\n  - ')
    await writeFile(join(ws, 'statutes.json'), 'garbage')
    const shown = await cf('show', 'R-1')
    expect(shown.stdout).toContain(
      `Statute excerpts (0)\n  (1 linked excerpt is not shown (${added.id}): the statute library does not hold it, or could not be read.)\n`,
    )
    expect(shown.stderr).toMatch(/statutes\.json/)
  })

  it('stores a note’s plain text as the rich-text document the window edits', async () => {
    const { ws, json, caseId } = await workspace()
    const note = await json<{ id: string }>('note', 'add', 'R-1', '--text', 'One\nline two\n\nNext')
    const [stored] = (await caseFile(ws, caseId)).notes
    expect(stored.body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Next' }] },
      ],
    })
    const textFile = join(await tempDir(), 'n.txt')
    await writeFile(textFile, '\uFEFFFrom a file')
    await json('note', 'edit', note.id, '--text-file', textFile)
    expect((await caseFile(ws, caseId)).notes[0].body.content[0].content[0].text).toBe('From a file')
  })

  it('edits the verification checks and grading of an item, logs each status change, and clears a grade with none', async () => {
    const { ws, cf, json, caseId } = await workspace()
    const item = await json<{ id: string }>(
      'evidence',
      'add',
      'R-1',
      '--url',
      'https://example.org/v',
      '--kind',
      'video',
    )
    const edited = await json(
      'evidence',
      'edit',
      item.id,
      '--technical-status',
      'disputed',
      '--technical-reasoning',
      'Cut at 0:14',
      '--status',
      'disputed',
      '--reliability',
      'c',
      '--credibility',
      '4',
      '--published-at',
      '2026-01-27T12:00',
      '--tz',
      'America/Chicago',
    )
    expect(edited).toMatchObject({
      verification: { status: 'disputed', technical: { status: 'disputed', reasoning: 'Cut at 0:14' } },
      sourceReliability: 'C',
      informationCredibility: '4',
      publishedAt: '2026-01-27T18:00:00.000Z',
    })
    await json('evidence', 'edit', item.id, '--reliability', 'none')
    const [stored] = (await caseFile(ws, caseId)).evidence
    expect(stored.sourceReliability).toBeUndefined()
    expect(stored.custody.map((c: { action: string }) => c.action)).toEqual([
      'referenced',
      'status changed',
      'edited',
      'edited',
    ])
    const custody = await cf('custody', 'show', item.id)
    expect(custody.stdout).toMatch(
      /status changed +— +overall: unverified -> disputed; technical: unverified -> disputed/,
    )
    expect((await cf('evidence', 'edit', item.id, '--reliability', 'G')).code).toBe(2)
    expect((await cf('evidence', 'edit', item.id)).code).toBe(2)
  })

  it('annotates at a moment, a range, a page and a region, refusing the wrong kind of place', async () => {
    const { cf, json } = await workspace()
    const video = await json<{ id: string }>(
      'evidence',
      'add',
      'R-1',
      '--url',
      'https://example.org/v',
      '--kind',
      'video',
    )
    const image = await json<{ id: string }>(
      'evidence',
      'add',
      'R-1',
      '--url',
      'https://example.org/i',
      '--kind',
      'image',
    )
    expect(await json('annotation', 'add', video.id, '--at', '00:01:23.5')).toMatchObject({
      target: { type: 'time', start: 83.5, end: 83.5 },
    })
    const range = await json<{ id: string }>(
      'annotation',
      'add',
      video.id,
      '--from',
      '12',
      '--to',
      '1:00',
      '--text',
      'Door',
    )
    expect(await json('annotation', 'add', image.id, '--region', '10%,20%,30%,25%')).toMatchObject({
      target: { type: 'region', x: 0.1, y: 0.2, width: 0.3, height: 0.25 },
    })
    const wrong = await cf('annotation', 'add', image.id, '--at', '3')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim()).toBe('casefile annotation add: An image is annotated by a region, not by a time.')
    expect((await cf('annotation', 'add', video.id, '--from', '5', '--to', '2')).code).toBe(2)
    expect((await cf('annotation', 'add', video.id, '--at', 'soon')).code).toBe(2)
    expect((await cf('annotation', 'add', image.id, '--region', '0.1,0.2,0.3')).code).toBe(2)
    expect((await cf('annotation', 'add', video.id, '--text', 'where?')).code).toBe(2)
    expect(await json('annotation', 'edit', range.id, '--text', 'Door closes')).toMatchObject({
      target: { type: 'time', start: 12, end: 60 },
      text: 'Door closes',
    })
    const listed = await cf('annotation', 'list', video.id)
    expect(listed.stdout).toMatch(/00:00:12–00:01:00 +— +Door closes/)
    expect(await json('annotation', 'remove', range.id)).toEqual({
      removed: true,
      caseId: expect.any(String),
      evidenceId: video.id,
      annotationId: range.id,
    })
  })

  it('records the user name set with settings set in custody, and refuses an unknown key', async () => {
    const { cf, json } = await workspace()
    expect((await cf('settings', 'set', 'user-name', 'Ana Torres')).stdout.trim()).toBe('user-name is now Ana Torres')
    const item = await json<{ custody: { actor: string }[] }>('evidence', 'add', 'R-1', '--url', 'https://example.org')
    expect(item.custody[0].actor).toBe('Ana Torres')
    const bad = await cf('settings', 'set', 'colour', 'red')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/KEY must be one of: user-name, workspace-name, default-time-zone, memo-language/)
    expect((await cf('settings', 'set', 'user-name', ' ')).stderr.trim()).toBe(
      'casefile settings set: invalid input: a user name cannot be empty',
    )
  })

  it('imports statute excerpts from a text file, and exits 1 naming the rows it could not read', async () => {
    const { cf, json } = await workspace()
    const file = join(await tempDir(), 'vccr.txt')
    await writeFile(
      file,
      'Instrument: Vienna Convention on Consular Relations (VCCR), 1963\n\nArt. 31(1) — Inviolability\nConsular premises shall be inviolable.\n\nArt. 36 — Communication\nConsular officers shall be free to communicate.\n',
    )
    const outcome = await json<{ added: unknown[] }>('statute', 'import', file, '--case', 'R-1')
    expect(outcome.added).toHaveLength(2)
    expect(await json<unknown[]>('statute', 'list', '--case', 'R-1')).toHaveLength(2)
    const again = await cf('statute', 'import', file)
    expect(again.stdout).toMatch(/Imported 0 excerpts\.\n {2}= row \d+: VCCR art\. 31\(1\) is already in the library/)
    const bad = join(await tempDir(), 'bad.json')
    await writeFile(bad, '[{"instrument": "X"}]')
    const r = await cf('statute', 'import', bad)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(`casefile statute import: 1 row of ${bad} could not be imported`)
  })
})

describe('errors are one line and the exit codes are documented ones', () => {
  let last = ''
  afterEach(() => {
    // Whatever went wrong, stderr held one line, never a stack or zod's JSON.
    expect(last.includes('{') && last.includes('"code"')).toBe(false)
  })

  it.each(
    [
      [
        ['case', 'new', '--title', 'x'.repeat(400)],
        1,
        'casefile case new: invalid input: title: Too long: at most 300 characters',
      ],
      [
        ['actor', 'add', 'R-1'],
        2,
        'casefile actor add: --name is required: casefile actor add CASE --name NAME [--role ROLE] [--affiliation AFFILIATION] [--notes TEXT] [--workspace DIR] [--json]',
      ],
      [
        ['actor', 'edit', '../../etc', '--name', 'x'],
        1,
        'casefile actor edit: No actor with id "../../etc" in this workspace.',
      ],
      [
        ['evidence', 'show', 'ev_nope'],
        1,
        'casefile evidence show: No evidence item with id "ev_nope" in this workspace.',
      ],
      [['show', '../R-1'], 1, 'casefile show: No case with id or reference "../R-1".'],
      [
        ['event', 'add', 'R-1', '--at', '2026-02-30', '--text', 'x'],
        2,
        'casefile event add: --at 2026-02-30 is not a date-time (for example 2026-01-27T11:00 or 2026-01-27)',
      ],
      [
        ['event', 'add', 'R-1', '--at', '2026-02-03', '--text', 'x', '--actor', 'actor_nope'],
        1,
        'casefile event add: No actor with id "actor_nope" in this case.',
      ],
      [
        ['evidence', 'add', 'R-1', '--file'],
        2,
        'casefile evidence add: --file needs a value; see casefile help evidence add',
      ],
      [['cases', '--bogus'], 2, 'casefile cases: unknown option --bogus; see casefile help cases'],
      [['cases', '--json=x'], 2, 'casefile cases: --json takes no value (it is a switch); see casefile help cases'],
      [
        ['cases', '--json=x', '--lang', 'es'],
        2,
        'casefile cases: --json no lleva valor (es un interruptor); consulte casefile help cases',
      ],
      [
        ['search', 'x', '--limit', '99999999999999999999'],
        2,
        'casefile search: --limit must be a whole number from 1 to 1000',
      ],
      [
        ['briefing', 'status', 'briefing_nope', 'done'],
        2,
        'casefile briefing status: the status must be one of: draft, final',
      ],
      [
        ['briefing', 'show', 'briefing_nope'],
        1,
        'casefile briefing show: No briefing with id "briefing_nope" in this workspace.',
      ],
      [
        ['statute', 'link', 'statute_nope', '--case', 'R-1'],
        1,
        'casefile statute link: No statute excerpt with id "statute_nope".',
      ],
      [
        ['case', 'edit', 'R-1'],
        2,
        'casefile case edit: nothing to change: give --title, --reference, --classification, --summary, --status, --jurisdiction or --tag',
      ],
      [
        ['case', 'edit', 'R-1', '--status', 'gone'],
        2,
        'casefile case edit: --status must be one of: open, monitoring, closed, archived',
      ],
    ].map(([args, code, message]) => ({
      name: (args as string[]).map((a) => (a.length > 24 ? `${a.slice(0, 8)}…` : a)).join(' '),
      args: args as string[],
      code,
      message,
    })),
  )('casefile $name exits $code', async ({ args, code, message }) => {
    const { cf } = await workspace()
    const r = await cf(...args)
    last = r.stderr
    expect(r.stderr.trim()).toBe(message)
    expect(r.code).toBe(code)
  })

  it('reads a huge or missing text file as one line, never loading more than it allows', async () => {
    const { cf } = await workspace()
    const dir = await tempDir()
    const huge = join(dir, 'huge.txt')
    await writeFile(huge, Buffer.alloc(6_000_000, 'a'))
    const r = await cf('note', 'add', 'R-1', '--text-file', huge)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(
      `casefile note add: Cannot read --text-file ${huge}: it is 6000000 bytes; the limit is 5000000`,
    )
    const latin1 = join(dir, 'latin1.txt')
    await writeFile(latin1, Buffer.from([0x63, 0xf3, 0x6e]))
    expect((await cf('note', 'add', 'R-1', '--text-file', latin1)).stderr.trim()).toBe(
      `casefile note add: --text-file ${latin1} is not valid UTF-8 text (at byte 1); save it as UTF-8 and try again.`,
    )
    last = (await cf('statute', 'add', '--instrument', 'I', '--article', '1', '--text-file', join(dir, 'nope.txt')))
      .stderr
    expect(last.trim()).toBe(`casefile statute add: --text-file ${join(dir, 'nope.txt')} does not exist.`)
  })
})
