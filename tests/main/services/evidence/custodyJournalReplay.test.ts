/**
 * The custody journal's settling, at its edges: which intents count as landed
 * (every entry, every field), what a replay leaves for later (an intent it cannot
 * read, a case it cannot read), what it does for a removal and never for another
 * change, and the change after a failed one settling it first.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION, type CustodyIntent } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { withFault } from '../../../helpers/faults'
import { editCaseFileOnDisk } from '../../../helpers/storedFiles'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const isLog = (p: string) => p.endsWith('audit.log.jsonl')
const open = (root: string) => openWorkspace(root, { newId: sequentialIds() })
const post = (n: number) => ({ kind: 'web page' as const, title: `Post ${n}`, sourceUrl: `https://e.org/${n}` })

/** An item whose case write landed and whose audit twin never did: its intent is left in journal/. */
async function interruptedAdd() {
  const root = await tempDir()
  const s = await open(root)
  const caseId = (await s.cases.create({ title: 'Consulate incident' })).id
  try {
    await withFault({ step: 'open', fault: 'EIO', match: isLog, sticky: true }, async () => {
      await expect(s.evidence.add(caseId, post(1))).rejects.toMatchObject({ code: 'EIO' })
    })
    const itemId = (await s.caseDetail.get(caseId)).evidence[0].id
    const [name] = await readdir(join(root, 'journal'))
    return { root, caseId, itemId, intentPath: join(root, 'journal', name) }
  } finally {
    await s.close()
  }
}

const editIntent = async (path: string, fn: (i: CustodyIntent) => void) => {
  const intent = JSON.parse(await readFile(path, 'utf8')) as CustodyIntent
  fn(intent)
  await writeFile(path, JSON.stringify(intent))
}

async function actionsAfterOpen(root: string) {
  const s = await open(root)
  try {
    return {
      actions: (await s.audit.list()).map((e) => e.action),
      settled: s.evidence.journal.settledSinceOpen(),
      journal: await readdir(join(root, 'journal')),
      problems: (await s.workspace.info()).problems,
    }
  } finally {
    await s.close()
  }
}

describe('settling an interrupted custody change', () => {
  it('completes one whose entries are all in the case file, and counts it', async () => {
    const { root } = await interruptedAdd()
    expect(await actionsAfterOpen(root)).toMatchObject({
      actions: ['referenced'],
      settled: { completed: 1, dropped: 0 },
      journal: [],
    })
  })

  for (const [field, change] of [
    ['at', (c: CustodyIntent['custody'][number]) => void (c.at = '2020-01-01T00:00:00.000Z')],
    ['actor', (c: CustodyIntent['custody'][number]) => void (c.actor = 'someone else')],
    ['action', (c: CustodyIntent['custody'][number]) => void (c.action = 'exported')],
    ['sha256', (c: CustodyIntent['custody'][number]) => void (c.sha256 = 'f'.repeat(64))],
    ['detail', (c: CustodyIntent['custody'][number]) => void (c.detail = 'another detail')],
  ] as const)
    it(`drops one whose entry differs from the case file's in its ${field} alone: that write never landed`, async () => {
      const { root, intentPath } = await interruptedAdd()
      await editIntent(intentPath, (i) => change(i.custody[0]))
      expect(await actionsAfterOpen(root)).toMatchObject({
        actions: [],
        settled: { completed: 0, dropped: 1 },
        journal: [],
      })
    })

  it('drops one of which only some entries are in the case file', async () => {
    const { root, intentPath } = await interruptedAdd()
    await editIntent(intentPath, (i) => i.custody.push({ ...i.custody[0], action: 'exported' }))
    expect(await actionsAfterOpen(root)).toMatchObject({ actions: [], settled: { completed: 0, dropped: 1 } })
  })

  it("names its change in each twin: the intent's id, time first, then a plain id", async () => {
    const { root } = await interruptedAdd()
    const s = await open(root)
    try {
      const [twin] = await s.audit.list()
      expect(twin.detail).toMatchObject({ txn: expect.stringMatching(/^0[0-9a-z]{8}-txn\d+$/), part: 0 })
    } finally {
      await s.close()
    }
  })

  it('leaves an intent it cannot read, says so, and never touches what is not an intent', async () => {
    const root = await tempDir()
    await (await open(root)).close()
    await mkdir(join(root, 'journal'), { recursive: true })
    await writeFile(join(root, 'journal', 'garbled.json'), '{"op": "custody", ')
    await writeFile(join(root, 'journal', 'notes.txt'), 'not an intent')
    await writeFile(join(root, 'journal', '.hidden.json'), '{')
    const after = await actionsAfterOpen(root)
    expect(after.journal.sort()).toEqual(['.hidden.json', 'garbled.json', 'notes.txt'])
    expect(after.problems).toEqual([
      expect.objectContaining({
        file: join('journal', 'garbled.json'),
        kind: 'unreadable',
        message: expect.stringMatching(/garbled\.json/),
      }),
    ])
    const ro = await openWorkspace(root, { readOnly: true })
    try {
      expect((await ro.check.run()).problems.filter((p) => p.file.startsWith('journal'))).toEqual([
        expect.objectContaining({
          file: join('journal', 'garbled.json'),
          message: `${join('journal', 'garbled.json')} (an interrupted evidence change) cannot be read.`,
        }),
      ])
    } finally {
      await ro.close()
    }
  })

  it('leaves one whose case cannot be read for later, naming the item and the case', async () => {
    const { root, caseId, itemId, intentPath } = await interruptedAdd()
    const file = join(root, 'cases', caseId, 'case.json')
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 30))
    const after = await actionsAfterOpen(root)
    expect(after.actions).toEqual([])
    expect(after.settled).toEqual({ completed: 0, dropped: 0 })
    expect(after.journal).toEqual([intentPath.split('/').at(-1)])
    expect(after.problems).toContainEqual(
      expect.objectContaining({
        file: join('journal', intentPath.split('/').at(-1)!),
        kind: 'inconsistent',
        message: expect.stringMatching(new RegExp(`${itemId}.*${caseId}`)),
      }),
    )
  })

  it('removes the annotations of a removal it completes, and never those of another change', async () => {
    const { root, caseId, itemId } = await interruptedAdd()
    const s = await open(root)
    try {
      await s.annotations.add(caseId, itemId, { target: { type: 'page', page: 1 }, text: 'p. 1' })
    } finally {
      await s.close()
    }
    const annotationsDir = join(root, 'cases', caseId, 'annotations')
    expect(await readdir(annotationsDir)).not.toEqual([])
    // The first intent was completed by that open; a custody change of the item completed again keeps its notes.
    await mkdir(join(root, 'journal'), { recursive: true })
    const custodyIntent = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: '0aaaaaaaa-txn90',
      createdAt: '2026-02-01T10:00:00.000Z',
      op: 'custody',
      caseId,
      evidenceId: itemId,
      custody: [],
      audit: [{ action: 'edited', target: `evidence:${caseId}/${itemId}`, actor: 'x', detail: {} }],
    }
    await writeFile(join(root, 'journal', `${custodyIntent.id}.json`), JSON.stringify(custodyIntent))
    expect((await actionsAfterOpen(root)).actions).toEqual(['referenced', 'edited'])
    expect(await readdir(annotationsDir)).not.toEqual([])
    // A removal whose case write landed (the item is gone) and nothing after it.
    await editCaseFileOnDisk(root, caseId, (f) => void (f.evidence = []))
    await writeFile(
      join(root, 'journal', '0aaaaaaab-txn91.json'),
      JSON.stringify({
        ...custodyIntent,
        id: '0aaaaaaab-txn91',
        op: 'remove',
        audit: [{ ...custodyIntent.audit[0], action: 'removed' }],
      }),
    )
    const after = await actionsAfterOpen(root)
    expect(after.actions).toEqual(['referenced', 'edited', 'removed'])
    expect(await readdir(annotationsDir).catch(() => [])).toEqual([])
  })
})

describe('a change after one that failed', () => {
  it('settles the failed one first, in the same session', async () => {
    const root = await tempDir()
    const s = await open(root)
    try {
      const caseId = (await s.cases.create({ title: 'C' })).id
      await withFault({ step: 'open', fault: 'EIO', match: isLog, sticky: true }, async () => {
        await expect(s.evidence.add(caseId, post(1))).rejects.toMatchObject({ code: 'EIO' })
      })
      await s.evidence.add(caseId, post(2))
      const twins = await s.audit.list()
      expect(twins.map((t) => [t.action, t.target])).toEqual([
        ['referenced', expect.stringMatching(/ev_/)],
        ['referenced', expect.stringMatching(/ev_/)],
      ])
      expect(new Set(twins.map((t) => t.target)).size).toBe(2)
      expect(await readdir(join(root, 'journal'))).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a case write that fails after its rename is settled at once: the twin is written, nothing waits', async () => {
    const root = await tempDir()
    const s = await open(root)
    try {
      const caseId = (await s.cases.create({ title: 'C' })).id
      await withFault({ step: 'syncDir', fault: 'EIO', match: (p) => p.endsWith(caseId) }, async () => {
        await expect(s.evidence.add(caseId, post(1))).rejects.toMatchObject({ code: 'EIO' })
      })
      expect((await s.caseDetail.get(caseId)).evidence).toHaveLength(1)
      expect((await s.audit.list()).map((e) => e.action)).toEqual(['referenced'])
      expect(await readdir(join(root, 'journal'))).toEqual([])
    } finally {
      await s.close()
    }
  })
})
