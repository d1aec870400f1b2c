/**
 * The evidence service's edges, each asserted to the word: the custody entries an
 * add, an update, an export and a removal write and their audit twins, the linked
 * events it accepts, re-reading and the blob URL of an item without a file, the
 * chooser import (cancel, progress labels, one cancel stopping the rest), the
 * examinations it waits for, and the audit twins of a case received in a bundle.
 */
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type AuditEntry, EvidenceItem } from '@shared/domain'
import type { Change } from '@main/services/changes'
import { sequentialIds } from '@main/services/context'
import { openWorkspace, type OpenOptions } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
type Services = Awaited<ReturnType<typeof openWorkspace>>
const opened: Services[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})
const NOW = '2026-02-01T10:00:00.000Z'
const ME = 'local user'
// No external tool runs: every file here is text, which no reader but Content Credentials looks into.
const NO_TOOLS: OpenOptions['analysis'] = { tools: { ffprobe: null, ffmpeg: null } }

async function setup(options: OpenOptions = {}) {
  const root = await tempDir()
  const s = await openWorkspace(root, {
    newId: sequentialIds(),
    now: () => new Date(NOW),
    analysis: NO_TOOLS,
    ...options,
  })
  opened.push(s)
  const { id: caseId } = await s.cases.create({ title: 'Consulate incident' })
  // The evidence service's own: the cases service tells of the case file besides.
  const changes: Change[] = []
  s.ctx.changes.on((ch) => ch.kind === 'evidence' && changes.push(ch))
  const files = await tempDir()
  const file = async (name: string, text: string) => {
    await writeFile(join(files, name), text)
    return join(files, name)
  }
  return { root, s, caseId, changes, file }
}

/** An item's audit entries without the journal's bookkeeping (txn, part). */
async function trail(s: Services, caseId: string, id: string) {
  return (await s.audit.list({ target: `evidence:${caseId}/${id}` })).map((a) => {
    const { txn: _txn, part: _part, ...detail } = a.detail
    return { action: a.action, actor: a.actor, detail }
  })
}
const entry = (action: string, detail: string, sha256?: string) => ({
  at: NOW,
  actor: ME,
  action,
  ...(sha256 ? { sha256 } : {}),
  detail,
})

describe('add, and the events an item may link', () => {
  it('records a reference or a bare item in words, its twin naming title and URL', async () => {
    const { s, caseId, changes } = await setup()
    const bare = await s.evidence.add(caseId, { kind: 'note', title: 'Phone call' })
    expect(bare.id).toBe('ev_0001')
    expect(bare.custody).toEqual([entry('referenced', 'Added without a file.')])
    expect(await trail(s, caseId, bare.id)).toEqual([
      { action: 'referenced', actor: ME, detail: { note: 'Added without a file.', title: 'Phone call' } },
    ])
    const url = 'https://example.org/p/1'
    const post = await s.evidence.add(caseId, { kind: 'social post', title: 'Post', sourceUrl: url })
    const words = `Added as a reference to ${url} (no file held).`
    expect(post.custody).toEqual([entry('referenced', words)])
    expect(await trail(s, caseId, post.id)).toEqual([
      { action: 'referenced', actor: ME, detail: { note: words, title: 'Post', url } },
    ])
    const told = await s.evidence.add(
      caseId,
      { kind: 'note', title: 'Memo' },
      { id: 'ev_memo', custodyDetail: 'Typed in.' },
    )
    expect(told).toMatchObject({ id: 'ev_memo', custody: [entry('referenced', 'Typed in.')] })
    expect(changes).toEqual([bare, post, told].map((i) => ({ kind: 'evidence', op: 'upsert', caseId, id: i.id })))
    // A custody entry made for a record elsewhere: no detail unless one is given.
    expect(await s.evidence.custodyEntry('received')).toEqual(entry('received', ''))
  })

  it('links events of its own case only, on add and on update', async () => {
    const { s, caseId } = await setup()
    const event = (c: string, title: string) =>
      s.cases.addEvent(c, { at: '2026-01-27T17:00:00.000Z', tz: 'UTC', title })
    const first = await event(caseId, 'Arrival')
    const second = await event(caseId, 'Departure')
    const { id: otherCase } = await s.cases.create({ title: 'Another case' })
    const foreign = await event(otherCase, 'Elsewhere')
    // The second of two events: every event need not match, one must.
    const item = await s.evidence.add(caseId, { kind: 'note', title: 'Note', eventIds: [second.id] })
    expect(item.eventIds).toEqual([second.id])
    const refused = { code: 'VALIDATION', message: `No event with id "${foreign.id}" in this case.` }
    await expect(
      s.evidence.add(caseId, { kind: 'note', title: 'Bad', eventIds: [first.id, foreign.id] }),
    ).rejects.toMatchObject(refused)
    await expect(s.evidence.update(caseId, item.id, { eventIds: [foreign.id] })).rejects.toMatchObject(refused)
    expect((await s.caseDetail.get(caseId)).evidence.map((e) => [e.title, e.eventIds])).toEqual([['Note', [second.id]]])
    expect((await s.evidence.update(caseId, item.id, { eventIds: [first.id] })).eventIds).toEqual([first.id])
  })
})

describe('update', () => {
  it('writes "edited" naming the fields, "status changed" with its reasoning, each with its twin', async () => {
    const { s, caseId, changes } = await setup()
    const { id } = await s.evidence.add(caseId, { kind: 'note', title: 'Note' })
    const added = async (patch: Parameters<typeof s.evidence.update>[2]) => {
      const before = (await s.evidence.get(caseId, id)).custody.length
      const out = await s.evidence.update(caseId, id, patch)
      return { custody: out.custody.slice(before), audit: (await trail(s, caseId, id)).slice(before) }
    }
    expect(await added({ title: 'Renamed' })).toEqual({
      custody: [entry('edited', 'Changed title.')],
      audit: [{ action: 'edited', actor: ME, detail: { note: 'Changed title.' } }],
    })
    const moved = 'overall: unverified -> verified'
    expect(await added({ verification: { status: 'verified' } })).toEqual({
      custody: [entry('status changed', `${moved}.`)],
      audit: [
        {
          action: 'status changed',
          actor: ME,
          detail: { note: `${moved}.`, from: 'unverified', to: 'verified', changes: [moved] },
        },
      ],
    })
    // The reasoning rides on the status entry (cut to a custody entry's 2,000 characters), no "edited".
    const long = 'r'.repeat(10_000)
    const disputed = await added({ verification: { status: 'disputed', reasoning: long } })
    expect(disputed.custody).toEqual([
      entry('status changed', `overall: verified -> disputed. Reasoning: ${long}`.slice(0, 2_000)),
    ])
    // Nothing changed: nothing recorded, the window told all the same.
    expect(await added({ title: 'Renamed' })).toEqual({ custody: [], audit: [] })
    expect(changes).toHaveLength(5)
    expect(changes.at(-1)).toEqual({ kind: 'evidence', op: 'upsert', caseId, id })
  })

  it('runs changes to one item one at a time: none is lost, custody keeps each', async () => {
    const { s, caseId } = await setup()
    const { id } = await s.evidence.add(caseId, { kind: 'note', title: 'Note' })
    const a = s.evidence.update(caseId, id, { title: 'A' })
    const b = s.evidence.update(caseId, id, { tags: ['b'] })
    await a
    // Queued behind b, which is still running: it must read what b wrote.
    const c = s.evidence.update(caseId, id, { description: 'c' })
    await Promise.all([b, c])
    const item = await s.evidence.get(caseId, id)
    expect([item.title, item.tags, item.description]).toEqual(['A', ['b'], 'c'])
    const words = ['Added without a file.', 'Changed title.', 'Changed tags.', 'Changed description.']
    expect(item.custody.map((e) => e.detail)).toEqual(words)
  })

  it('records an export asked for during edits after them: custody of one item has one queue', async () => {
    const { s, caseId } = await setup()
    const { id } = await s.evidence.add(caseId, { kind: 'note', title: 'Note' })
    // Asked for once the first edit is written: the other two are queued by then.
    let exported: Promise<void> | undefined
    s.ctx.changes.on((ch) => {
      if (ch.kind === 'evidence' && !exported) exported = s.evidence.recordExported(caseId, [id], { format: 'x' })
    })
    await Promise.all(
      [{ title: 'A' }, { tags: ['b'] }, { description: 'c' }].map((p) => s.evidence.update(caseId, id, p)),
    )
    await exported
    const order = ['referenced', 'edited', 'edited', 'edited', 'exported']
    expect((await s.evidence.get(caseId, id)).custody.map((c) => c.action)).toEqual(order)
    expect((await trail(s, caseId, id)).map((a) => a.action)).toEqual(order)
  })
})

describe('exports, removal, re-reading and the blob URL', () => {
  it('records an export in words, with and without a file and its hash', async () => {
    const { s, caseId, file } = await setup()
    const held = await s.evidence.importFile(caseId, await file('memo.txt', 'memo'), { analyse: false })
    const sha = held.file!.sha256
    const ref = await s.evidence.add(caseId, { kind: 'note', title: 'Note' })
    await s.evidence.recordExported(caseId, [held.id], {
      format: 'PDF memo',
      file: '/x/out.pdf',
      sha256: 'a'.repeat(64),
    })
    await s.evidence.recordExported(caseId, [ref.id], { format: 'bundle' })
    const words = `Exported in PDF memo out.pdf (SHA-256 ${'a'.repeat(64)}).`
    expect((await s.evidence.get(caseId, held.id)).custody.at(-1)).toEqual(entry('exported', words, sha))
    expect((await trail(s, caseId, held.id)).at(-1)).toEqual({
      action: 'exported',
      actor: ME,
      detail: { sha256: sha, note: words, format: 'PDF memo', exportSha256: 'a'.repeat(64) },
    })
    expect((await s.evidence.get(caseId, ref.id)).custody.at(-1)).toEqual(entry('exported', 'Exported in bundle.'))
    expect((await trail(s, caseId, ref.id)).at(-1)).toEqual({
      action: 'exported',
      actor: ME,
      detail: { note: 'Exported in bundle.', format: 'bundle' },
    })
  })

  it('removes an item with its annotations; the audit names title and, when held, the file', async () => {
    const { root, s, caseId, changes, file } = await setup()
    const held = await s.evidence.importFile(caseId, await file('memo.txt', 'memo'), { analyse: false })
    const ref = await s.evidence.add(caseId, { kind: 'note', title: 'Note' })
    await s.annotations.add(caseId, held.id, { target: { type: 'page', page: 1 } })
    await s.evidence.remove(caseId, held.id)
    await s.evidence.remove(caseId, ref.id)
    expect(await readdir(join(root, 'cases', caseId, 'annotations'))).toEqual([])
    expect((await trail(s, caseId, held.id)).at(-1)).toEqual({
      action: 'removed',
      actor: ME,
      detail: { title: 'memo.txt', sha256: held.file!.sha256 },
    })
    const removed = { action: 'removed', actor: ME, detail: { title: 'Note' } }
    expect((await trail(s, caseId, ref.id)).at(-1)).toEqual(removed)
    expect(changes.slice(-2)).toEqual([held, ref].map((i) => ({ kind: 'evidence', op: 'remove', caseId, id: i.id })))
  })

  it('re-reads a stored file; refuses an item without one, and a workspace without readers', async () => {
    const { s, caseId, file } = await setup()
    const path = await file('memo.txt', 'memo')
    const held = await s.evidence.importFile(caseId, path, { analyse: false })
    expect(held.analysis).toBeUndefined()
    const read = await s.evidence.reexamine(caseId, held.id)
    expect(read.analysis).toMatchObject({ sha256: held.file!.sha256, metadata: { status: 'unsupported' } })
    expect((await trail(s, caseId, held.id)).at(-1)).toMatchObject({
      action: 'examined',
      detail: { metadata: 'unsupported' },
    })
    const ref = await s.evidence.add(caseId, { kind: 'note', title: 'Post' })
    await expect(s.evidence.reexamine(caseId, ref.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '"Post" has no stored file to examine.',
    })
    await expect(s.evidence.blobUrl(caseId, ref.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '"Post" has no stored file.',
    })
    const bare = await setup({ analysis: false })
    const unread = await bare.s.evidence.importFile(bare.caseId, await bare.file('memo.txt', 'memo'))
    await expect(bare.s.evidence.reexamine(bare.caseId, unread.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'This workspace was opened without the file readers.',
    })
  })

  it('says which files are examined after their import, waits for them, and starts none once finishing', async () => {
    const { s, caseId, file } = await setup({ examineInlineUpTo: 0 })
    const item = await s.evidence.importFile(caseId, await file('memo.txt', 'memo'))
    expect(item.analysis).toBeUndefined()
    expect(s.evidence.examiningLater(caseId, item.id)).toBe(true)
    await s.evidence.examinationsSettled()
    expect(s.evidence.examiningLater(caseId, item.id)).toBe(false)
    expect((await s.evidence.get(caseId, item.id)).analysis?.metadata.status).toBe('unsupported')
    await s.evidence.finishExaminations()
    const late = await s.evidence.importFile(caseId, await file('late.txt', 'late'))
    expect(s.evidence.examiningLater(caseId, late.id)).toBe(false)
  })
})

describe('importChosen', () => {
  it('is cancelled when nothing is chosen, and fails on a wrong case before asking', async () => {
    const { s, caseId } = await setup()
    for (const answer of [null, []])
      expect(await s.evidence.importChosen(caseId, {}, () => Promise.resolve(answer))).toEqual({
        cancelled: true,
        items: [],
      })
    let asked = false
    const choose = () => ((asked = true), Promise.resolve([]))
    await expect(s.evidence.importChosen('case_nope', {}, choose)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(asked).toBe(false)
  })

  it('imports each file in turn as the kind asked, labelling its progress "n of count"', async () => {
    const { s, caseId, file } = await setup()
    const paths = [await file('a.txt', 'aaa'), await file('b.txt', 'bbbbb')]
    const seen: [string, number, number][] = []
    const out = await s.evidence.importChosen(
      caseId,
      {
        kind: 'testimony',
        onProgress: (label, done, total) => seen.push([typeof label === 'string' ? label : label.message, done, total]),
      },
      () => Promise.resolve(paths),
    )
    expect(out).toEqual({
      cancelled: false,
      items: await Promise.all(out.items.map((i) => s.evidence.get(caseId, i.id))),
    })
    expect(out.items.map((i) => [i.title, i.kind])).toEqual([
      ['a.txt', 'testimony'],
      ['b.txt', 'testimony'],
    ])
    expect(seen.at(0)).toEqual(['Importing 1 of 2: a.txt', 3, 3])
    expect(seen.at(-1)).toEqual(['Importing 2 of 2: b.txt', 5, 5])
    // Without a progress report asked for, none is made.
    const quiet = await s.evidence.importChosen(caseId, {}, () => Promise.resolve([paths[0]]))
    expect(quiet.items.map((i) => i.kind)).toEqual(['document'])
  })

  it('stops the rest at one cancel of its task', async () => {
    const { s, caseId, file } = await setup()
    const paths = [await file('a.txt', 'aaa'), await file('b.txt', 'bbb')]
    const cancelOnce = () => void s.tasks.cancel('pick')
    await expect(
      s.evidence.importChosen(caseId, { taskId: 'pick', onProgress: cancelOnce }, () => Promise.resolve(paths)),
    ).rejects.toMatchObject({ code: 'CANCELLED' })
    expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
  })
})

describe('logImported', () => {
  it('gives each received custody entry its twin: the bundle and signer, or the sender audit entry it matches', async () => {
    const { s, caseId, changes } = await setup()
    const BUNDLE = 'b'.repeat(64)
    const sha = 'c'.repeat(64)
    const at = (n: number) => `2026-01-0${n}T09:00:00.000Z`
    const c = (n: number, action: string, detail: string, sha256?: string) =>
      Object.assign({ at: at(n), actor: 'Sender', action, detail }, sha256 ? { sha256 } : {})
    const item = (id: string, custody: ReturnType<typeof c>[]) =>
      EvidenceItem.parse({ id, kind: 'note', title: id, custody, createdAt: NOW, updatedAt: NOW })
    const one = item('ev_in1', [
      c(1, 'imported', 'Imported "x".', sha),
      c(2, 'hashed', 'Hashed.', sha),
      c(3, 'hash verified', 'Verified once.', sha),
      c(4, 'hash verified', 'Verified twice.', sha),
      c(5, 'edited', 'Changed title.'),
      c(6, 'received', `Received in bundle ${'d'.repeat(64)}.`),
      c(7, 'received', `Received in bundle ${BUNDLE}.`),
      // Naming the bundle does not make an entry its receipt.
      c(8, 'exported', `Exported in bundle ${BUNDLE}.`, sha),
    ])
    const two = item('ev_in2', [c(9, 'imported', 'Imported "y".', sha)])
    const sent = (action: string, hash: string, sha256?: string) =>
      ({ action, hash, detail: sha256 ? { sha256 } : {} }) as unknown as AuditEntry
    const h = (n: number) => String(n).repeat(64)
    // Out of order, one of another file: each custody entry takes the first unused entry of its action and hash.
    const senderAudit = new Map([
      [
        'ev_in1',
        [
          sent('hashed', h(1), sha),
          sent('imported', h(7), 'f'.repeat(64)),
          sent('hash verified', h(2), sha),
          sent('imported', h(3), sha),
          sent('edited', h(4)),
          sent('hash verified', h(5), sha),
          sent('exported', h(6), sha),
        ],
      ],
    ])
    await s.evidence.logImported(caseId, [one, two], { bundleSha256: BUNDLE, fingerprint: 'FP', senderAudit })
    // The twin of an entry the sender made: its words and time, the bundle it came in, the sender's entry.
    const carried = (
      { action, at: originalAt, detail: note, sha256 }: EvidenceItem['custody'][number],
      hash?: string,
    ) => ({
      action,
      actor: 'Sender',
      detail: {
        ...(sha256 ? { sha256 } : {}),
        note,
        carriedIn: BUNDLE,
        originalAt,
        ...(hash ? { senderAuditHash: hash } : {}),
      },
    })
    const [imported, hashed, once, twice, edited, earlier, received, exported] = one.custody
    expect(await trail(s, caseId, 'ev_in1')).toEqual([
      carried(imported, h(3)),
      carried(hashed, h(1)),
      carried(once, h(2)),
      carried(twice, h(5)),
      carried(edited, h(4)),
      carried(earlier),
      {
        action: 'received',
        actor: 'Sender',
        detail: { note: received.detail, bundle: BUNDLE, signer: 'FP' },
      },
      carried(exported, h(6)),
    ])
    expect(await trail(s, caseId, 'ev_in2')).toEqual([carried(two.custody[0])])
    expect(changes).toEqual([one, two].map((i) => ({ kind: 'evidence', op: 'upsert', caseId, id: i.id })))
  })
})
