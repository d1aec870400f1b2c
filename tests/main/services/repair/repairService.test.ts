/**
 * repair fixes what a stop or an outside hand left, says what it did, deletes
 * nothing, and leaves to a person what needs one (a backup to restore, an
 * audit-log break to acknowledge) unless asked.
 */
import { appendFile, copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { runCli } from '../../../helpers/cli'
import { withFault } from '../../../helpers/faults'
import { editCaseFileOnDisk } from '../../../helpers/storedFiles'
import { useTempDirs } from '../../../helpers/tmp'
import { ipcHarness } from '../../ipc/harness'

const tempDir = useTempDirs()
const CASE = 'case_ecu_mpls_2026'

async function demo(opts: { backups?: boolean } = {}) {
  const root = await tempDir()
  let t = Date.parse('2026-02-01T10:00:00Z')
  const s = await openWorkspace(root, {
    newId: sequentialIds(),
    ...(opts.backups ? { backupIntervalMs: 0, now: () => new Date((t += 1_000)) } : {}),
  })
  await s.demo.install()
  if (opts.backups) await s.cases.update(CASE, { summary: 'Second version.' })
  await s.close()
  return root
}

async function repair(root: string, options = {}) {
  const s = await openWorkspace(root)
  try {
    return await s.repair.run(options)
  } finally {
    await s.close()
  }
}

async function checkProblems(root: string) {
  const s = await openWorkspace(root, { readOnly: true })
  try {
    return (await s.check.run()).problems
  } finally {
    await s.close()
  }
}

/** Every file under a folder, relative, with its bytes: to prove nothing was deleted. */
async function allFiles(dir: string, base = dir): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) for (const [k, v] of await allFiles(p, base)) out.set(k, v)
    else if (e.isFile()) out.set(p.slice(base.length + 1), (await readFile(p)).toString('base64'))
  }
  return out
}

describe('repair', () => {
  it('finds nothing to do in a healthy workspace', async () => {
    const root = await demo()
    expect(await repair(root)).toEqual({ actions: [], remaining: [] })
  })

  it('sets aside half-made case folders and temp files (kept, not deleted), lists unlisted cases again', async () => {
    const root = await demo()
    await mkdir(join(root, 'cases', 'case_empty'))
    await mkdir(join(root, 'cases', 'case_half'))
    await writeFile(join(root, 'cases', 'case_half', 'case.json.3141592'), '{"schemaVersion":1,"ca')
    await writeFile(join(root, 'cases', CASE, '.case.json.99999.0123456789ab.tmp'), '{"half":')
    // A case whose index entry never landed (a stop between its file and the index).
    const other = await openWorkspace(root, { newId: sequentialIds() })
    const lost = await other.cases.create({ title: 'Lost from the index' })
    await other.close()
    const ws = JSON.parse(await readFile(join(root, 'workspace.json'), 'utf8'))
    ws.cases = ws.cases.filter((c: { id: string }) => c.id !== lost.id)
    await writeFile(join(root, 'workspace.json'), JSON.stringify(ws))
    const before = await allFiles(root)

    const report = await repair(root)
    expect(report.remaining).toEqual([])
    expect(report.actions.map((a) => a.kind).sort()).toEqual(['reindexed', 'set aside', 'set aside', 'set aside'])
    expect(report.actions.find((a) => a.kind === 'reindexed')!.message).toMatch(/Lost from the index/)
    expect(await checkProblems(root)).toEqual([])
    // Every byte that was there is still there (the moved files under quarantine/set-aside/).
    const after = new Set((await allFiles(root)).values())
    for (const [path, bytes] of before)
      if (!path.startsWith('backups') && path !== 'workspace.json') expect(after.has(bytes), path).toBe(true)
    expect((await readdir(join(root, 'quarantine', 'set-aside'))).length).toBe(3)
  })

  it('a case folder copied by hand under another name: check names the case it copies, repair sets it aside whole', async () => {
    const root = await demo()
    const copy = join(root, 'cases', 'case_copy_of_demo')
    await mkdir(copy)
    for (const name of await readdir(join(root, 'cases', CASE), { recursive: true }))
      await copyFile(join(root, 'cases', CASE, name), join(copy, name)).catch(() => mkdir(join(copy, name)))
    const problems = await checkProblems(root)
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'cases/case_copy_of_demo/case.json',
        kind: 'inconsistent',
        message: `cases/case_copy_of_demo holds the case file of another case (${CASE}): a copy of that case's folder, not a case of its own; casefile repair sets it aside.`,
      }),
    ])
    const report = await repair(root)
    expect(report.actions).toEqual([
      expect.objectContaining({
        kind: 'set aside',
        message: expect.stringMatching(/^cases\/case_copy_of_demo held a copy/),
      }),
    ])
    expect(report.remaining).toEqual([])
    expect(await checkProblems(root)).toEqual([])
    expect(await readdir(join(root, 'cases'))).toEqual([CASE])
    // Kept whole under quarantine, its case file among it.
    const [kept] = await readdir(join(root, 'quarantine', 'set-aside'))
    expect(await readFile(join(root, 'quarantine', 'set-aside', kept, 'case.json'), 'utf8')).toBe(
      await readFile(join(root, 'cases', CASE, 'case.json'), 'utf8'),
    )
    // In Spanish, the command line names what it did in Spanish too.
    await mkdir(copy)
    await copyFile(join(root, 'cases', CASE, 'case.json'), join(copy, 'case.json'))
    const es = await runCli(['repair', '--lang', 'es', '--workspace', root])
    expect(es.stdout).toMatch(/APARTADO: cases\/case_copy_of_demo contenía una copia del archivo del expediente/)
  })

  it('says it completed or dropped the evidence changes a stop interrupted', async () => {
    const root = await demo()
    await mkdir(join(root, 'journal'), { recursive: true })
    await writeFile(
      join(root, 'journal', 'never-landed.json'),
      JSON.stringify({
        schemaVersion: 1,
        id: 'never-landed',
        createdAt: '2026-01-01T00:00:00.000Z',
        op: 'custody',
        caseId: CASE,
        evidenceId: 'ev_never',
        custody: [{ at: '2026-01-01T00:00:00.000Z', actor: 'x', action: 'referenced', detail: '' }],
        audit: [{ action: 'referenced', target: `evidence:${CASE}/ev_never`, actor: 'x', detail: {} }],
      }),
    )
    const report = await repair(root)
    expect(report.actions).toEqual([
      expect.objectContaining({ kind: 'interrupted change settled', message: expect.stringMatching(/1 dropped/) }),
    ])
    expect(report.remaining).toEqual([])
  })

  it('sets aside the fragment of an interrupted audit append and records it', async () => {
    const root = await demo()
    await appendFile(join(root, 'audit.log.jsonl'), '{"action":"imported","at":"20')
    expect((await checkProblems(root)).map((p) => p.message).join()).toMatch(/stopped while writing/)
    const report = await repair(root)
    expect(report.actions.map((a) => a.kind)).toEqual(['interrupted append set aside'])
    expect(report.remaining).toEqual([])
  })

  it('appends a missing audit twin as a marked repair entry', async () => {
    const root = await demo()
    const ws = await openWorkspace(root, { readOnly: true })
    const item = (await ws.caseDetail.get(CASE)).evidence[0]
    await ws.close()
    await editCaseFileOnDisk(root, CASE, (file) => {
      file.evidence[0].custody.push({ ...item.custody[0], at: '2026-02-01T10:00:00.000Z', action: 'exported' })
    })
    expect(await checkProblems(root)).toHaveLength(1)
    const report = await repair(root)
    expect(report.actions).toEqual([expect.objectContaining({ kind: 'audit twin appended' })])
    expect(report.remaining).toEqual([])
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect((await s.audit.list()).at(-1)).toMatchObject({
        action: 'exported',
        detail: {
          repair: true,
          custodyAt: '2026-02-01T10:00:00.000Z',
          note: expect.stringMatching(/Re-appended by repair/),
        },
      })
    } finally {
      await s.close()
    }
  })

  it('restores the newest good backup only when asked; the damaged copy stays in quarantine', async () => {
    const root = await demo({ backups: true })
    await writeFile(join(root, 'cases', CASE, 'case.json'), '{"schemaVersion":1,"case":{"id":')
    const plain = await repair(root)
    expect(plain.actions).toEqual([])
    expect(plain.remaining.map((p) => p.message).join('\n')).toMatch(
      /case\.json could not be loaded.*backup is available/,
    )
    const asked = await repair(root, { restoreBackups: true })
    // Which backup, and that what was done after it is not in it: the person must know what to redo.
    expect(asked.actions).toEqual([
      expect.objectContaining({
        kind: 'backup restored',
        file: `cases/${CASE}/case.json`,
        message: expect.stringMatching(
          new RegExp(
            `^cases/${CASE}/case\\.json was put back from its newest good backup \\(backups/cases/${CASE}/case\\.json/.+\\.json\\): changes made after that backup are not in it\\.`,
          ),
        ),
      }),
    ])
    expect(asked.remaining).toEqual([])
    expect(await checkProblems(root)).toEqual([])
    const kept = await readdir(join(root, 'quarantine', 'resolved'))
    expect(await readFile(join(root, 'quarantine', 'resolved', kept[0]), 'utf8')).toBe(
      '{"schemaVersion":1,"case":{"id":',
    )
  })

  it('a backup that cannot be put back is listed with what remains, saying why', async () => {
    const root = await demo({ backups: true })
    const file = `cases/${CASE}/case.json`
    await writeFile(join(root, file), 'garbage')
    const intoCase = (p: string) => p.startsWith(join(root, 'cases', CASE))
    const report = await withFault({ step: 'write', fault: 'ENOSPC', match: intoCase, sticky: true }, () =>
      repair(root, { restoreBackups: true }),
    )
    expect(report.actions).toEqual([])
    expect(report.remaining).toContainEqual(
      expect.objectContaining({
        file,
        message: expect.stringMatching(
          new RegExp(`^The backup backups/${file}/.+ of ${file} was not put back: .*ENOSPC`),
        ),
      }),
    )
    expect((await repair(root, { restoreBackups: true })).actions).toEqual([
      expect.objectContaining({ kind: 'backup restored', file }),
    ])
  })

  it('puts back only a backup that is a case file, though this session never opened the case', async () => {
    const root = await demo({ backups: true })
    const file = `cases/${CASE}/case.json`
    const dir = join(root, 'backups', file)
    const good = (await readdir(dir)).sort().at(-1)!
    // Newer than the good one, versioned JSON, not a case file.
    await writeFile(join(dir, good.replace(/^\d{4}/, '2999')), '{"schemaVersion":1,"case":{"id":"x"}}')
    await writeFile(join(root, file), 'garbage')
    // Set aside in an earlier session: this one knows the file only by its path.
    expect((await repair(root)).remaining).toEqual([
      expect.objectContaining({ file, quarantinedTo: expect.any(String) }),
    ])
    const report = await repair(root, { restoreBackups: true })
    expect(report.actions).toEqual([expect.objectContaining({ kind: 'backup restored', file })])
    expect(report.remaining).toEqual([])
    expect(await readFile(join(root, file))).toEqual(await readFile(join(dir, good)))
  })

  it('a file set aside in an earlier session: a backup of another kind is no good backup of it', async () => {
    const root = await demo({ backups: true })
    const file = `cases/${CASE}/case.json`
    const dir = join(root, 'backups', file)
    // Every backup of the case file replaced by the index: versioned JSON, not a case file.
    for (const name of await readdir(dir))
      await writeFile(join(dir, name), await readFile(join(root, 'workspace.json')))
    await writeFile(join(root, file), 'garbage')
    await repair(root)
    const [problem] = await checkProblems(root)
    expect(problem).toMatchObject({ file, message: expect.stringMatching(/No good backup of it exists\.$/) })
    expect(problem.backupAvailable).toBeUndefined()
    const report = await repair(root, { restoreBackups: true })
    expect(report.actions).toEqual([])
    await expect(readFile(join(root, file))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('keeps a damaged statute library set aside, not replaced by an empty one, until its backup is restored', async () => {
    const root = await demo()
    // The first change keeps a backup of the library as it was (the demo's, newer than the empty one it began as).
    const first = await openWorkspace(root, { backupIntervalMs: 0 })
    const [excerpt] = await first.statutes.list()
    await first.statutes.update(excerpt.id, { heading: 'Renamed once' })
    await first.close()
    await writeFile(join(root, 'statutes.json'), 'garbage')
    for (let session = 0; session < 2; session++) {
      const s = await openWorkspace(root)
      try {
        await expect(s.statutes.list()).rejects.toMatchObject({ code: 'CORRUPT' })
        // The cases still open, without the excerpts they link until the library is back.
        expect((await s.caseDetail.get(CASE)).statutes).toEqual([])
        await expect(s.statutes.list()).rejects.toMatchObject({
          code: 'CORRUPT',
          message: expect.stringMatching(/statutes\.json failed to load and was set aside.*Restore its backup/),
        })
      } finally {
        await s.close()
      }
    }
    const report = await repair(root, { restoreBackups: true })
    expect(report.actions.map((a) => [a.kind, a.file])).toEqual([['backup restored', 'statutes.json']])
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect((await s.statutes.list()).map((x) => x.id)).toEqual([excerpt.id])
      expect((await s.caseDetail.get(CASE)).statutes.map((x) => x.id)).toEqual([excerpt.id])
    } finally {
      await s.close()
    }
  })

  it('a statute library put back from an older backup: check names the excerpts a case links that it lacks', async () => {
    const root = await demo()
    const first = await openWorkspace(root, { backupIntervalMs: 0 })
    const [kept] = await first.statutes.list()
    // The backup taken before this write holds only the demo's excerpt; the new one exists only in the live file.
    const added = await first.statutes.add(
      { instrument: 'Ley 1/2026', article: '3', heading: 'Added later', text: 'Texto.' },
      { caseId: CASE },
    )
    await first.close()
    await writeFile(join(root, 'statutes.json'), 'garbage')
    // Never opened since it was damaged: one repair finds it, sets it aside and puts its backup back.
    const report = await repair(root, { restoreBackups: true })
    expect(report.actions.map((a) => [a.kind, a.file])).toEqual([['backup restored', 'statutes.json']])
    expect(report.remaining).toEqual([
      expect.objectContaining({
        file: `cases/${CASE}/case.json`,
        kind: 'inconsistent',
        message: `cases/${CASE}/case.json links 1 statute excerpt that the statute library does not hold (${added.id}): removed from the library while the case was in the trash, or lost when the library was put back from an older backup (the copy set aside under quarantine/ may then still hold it). Put it back from the trash if it is there; otherwise unlink it: casefile statute unlink ${added.id} --case ${CASE}`,
      }),
    ])
    expect(await checkProblems(root)).toEqual([expect.objectContaining({ file: `cases/${CASE}/case.json` })])
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect((await s.statutes.list()).map((x) => x.id)).toEqual([kept.id])
    } finally {
      await s.close()
    }
  })

  it('an excerpt removed while a case linking it was in the trash: check names it, and the unlink it names clears it', async () => {
    const root = await demo()
    const s = await openWorkspace(root)
    const [linked] = await s.statutes.list({ caseId: CASE })
    const entry = await s.trashBin.removeCase(CASE)
    await s.trashBin.removeStatute(linked.id)
    await s.trashBin.restore(entry.id)
    const [problem] = (await s.check.run()).problems
    await s.close()
    expect(problem).toMatchObject({ file: `cases/${CASE}/case.json`, kind: 'inconsistent' })
    expect(problem.message).toContain(`(${linked.id}): removed from the library while the case was in the trash`)
    const command = /: casefile (statute unlink \S+ --case \S+)$/.exec(problem.message)!
    const done = await runCli([...command[1].split(' '), '--workspace', root])
    expect(done.code).toBe(0)
    expect(await checkProblems(root)).toEqual([])
  })

  it('does not bring back a case in the trash; once back from the trash, its backup is restored', async () => {
    const root = await demo({ backups: true })
    const file = `cases/${CASE}/case.json`
    await writeFile(join(root, file), 'garbage')
    const s = await openWorkspace(root)
    try {
      await expect(s.cases.getCase(CASE)).rejects.toMatchObject({ code: 'CORRUPT' })
      const entry = await s.trashBin.removeCase(CASE)
      await expect(s.repair.restoreBackup(file)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/no longer in the workspace.*from the trash first/),
      })
      expect((await s.repair.run({ restoreBackups: true })).actions).toEqual([])
      expect(await s.cases.list()).toEqual([])
      await expect(readdir(join(root, 'cases', CASE))).rejects.toMatchObject({ code: 'ENOENT' })

      // Back from the trash: its damaged file (set aside) replaced by its newest good backup, said so.
      expect(await s.trashBin.restore(entry.id)).toMatchObject({
        kind: 'case',
        fromBackup: expect.stringMatching(/^backups[\\/]cases[\\/]/),
      })
      expect((await s.cases.list()).map((c) => c.id)).toEqual([CASE])
      expect((await s.check.run()).problems).toEqual([])
      expect((await readdir(join(root, 'cases', CASE))).sort()).toEqual(['annotations', 'briefings', 'case.json'])
    } finally {
      await s.close()
    }
  })

  it('a case whose case file is damaged with no good backup stays in the trash as it was, and check says nothing of it', async () => {
    const root = await demo()
    const file = `cases/${CASE}/case.json`
    await writeFile(join(root, file), 'garbage')
    await rm(join(root, 'backups', file), { recursive: true, force: true })
    const s = await openWorkspace(root)
    try {
      await expect(s.cases.getCase(CASE)).rejects.toMatchObject({ code: 'CORRUPT' })
      const entry = await s.trashBin.removeCase(CASE)
      const inTrash = await allFiles(join(root, 'trash', entry.id, CASE))
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(
          /^The case file of ".+" could not be loaded and has no good backup, so the case stays in the trash: /,
        ),
      })
      // Not an unlisted folder in the workspace: the same entry in the trash, with every file it held.
      expect(await s.cases.list()).toEqual([])
      await expect(readdir(join(root, 'cases', CASE))).rejects.toMatchObject({ code: 'ENOENT' })
      expect(await s.trashBin.list()).toEqual([entry])
      expect(await allFiles(join(root, 'trash', entry.id, CASE))).toEqual(inTrash)
      expect((await readdir(join(root, 'quarantine'))).filter((n) => n.endsWith('case.json'))).toHaveLength(1)
      // Nothing a repair could do for a case in the trash: not a problem that stays red for ever.
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
    expect(await checkProblems(root)).toEqual([])
  })

  it('a case file damaged in the trash stays there untouched when no good backup of it exists', async () => {
    const root = await demo()
    await rm(join(root, 'backups', 'cases', CASE), { recursive: true, force: true })
    const s = await openWorkspace(root)
    try {
      const entry = await s.trashBin.removeCase(CASE)
      const held = join(root, 'trash', entry.id, CASE, 'case.json')
      await writeFile(held, '{"schemaVersion":1')
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(/has no good backup, so the case stays in the trash: it is not valid JSON/),
      })
      expect(await readFile(held, 'utf8')).toBe('{"schemaVersion":1')
      expect(await s.trashBin.list()).toEqual([entry])
      await expect(readdir(join(root, 'cases', CASE))).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await s.close()
    }
  })

  it('nothing moves to a trash whose list is set aside as damaged: the case stays where it is', async () => {
    const root = await demo()
    const first = await openWorkspace(root, { backupIntervalMs: 0 })
    const other = await first.cases.create({ title: 'Other' })
    await first.trashBin.removeCase(other.id)
    await first.trashBin.removeCase((await first.cases.create({ title: 'Third' })).id)
    await first.close()
    await writeFile(join(root, 'trash', 'trash.json'), 'garbage')
    const s = await openWorkspace(root)
    try {
      await expect(s.trashBin.list()).rejects.toMatchObject({ code: 'CORRUPT' })
      // Not an empty trash the second time: still set aside, and said so.
      await expect(s.trashBin.list()).rejects.toMatchObject({ code: 'CORRUPT' })
      await expect(s.trashBin.removeCase(CASE)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect((await s.cases.list()).map((c) => c.id)).toEqual([CASE])
      expect((await readdir(join(root, 'cases', CASE))).sort()).toEqual(['annotations', 'briefings', 'case.json'])
    } finally {
      await s.close()
    }
  })

  it('a list of trusted keys set aside as damaged is not taken for an empty one', async () => {
    const root = await tempDir()
    const signer = await openWorkspace(await tempDir())
    const fingerprint = (await signer.bundles.keys.list()).own.fingerprint
    await signer.close()
    const first = await openWorkspace(root, { backupIntervalMs: 0 })
    await first.bundles.keys.trust(fingerprint)
    await first.bundles.keys.trust(fingerprint)
    await first.close()
    await writeFile(join(root, 'bundles', 'keys.json'), 'garbage')
    const s = await openWorkspace(root)
    try {
      for (let i = 0; i < 2; i++) await expect(s.bundles.keys.list()).rejects.toMatchObject({ code: 'CORRUPT' })
      await s.repair.restoreBackup('bundles/keys.json')
      expect((await s.bundles.keys.list()).keys).toEqual([expect.objectContaining({ fingerprint, trusted: true })])
    } finally {
      await s.close()
    }
  })

  it("puts back no backup of any file of a case in the trash (a briefing's would make its folder again)", async () => {
    const root = await demo()
    const first = await openWorkspace(root, { backupIntervalMs: 0 })
    const b = await first.briefings.createFromTemplate(CASE, 'blank')
    await first.briefings.update(CASE, b.id, { title: 'Second title' })
    await first.close()
    const file = `cases/${CASE}/briefings/${b.id}.json`
    await writeFile(join(root, file), 'garbage')
    const s = await openWorkspace(root)
    try {
      await expect(s.briefings.get(CASE, b.id)).rejects.toMatchObject({ code: 'CORRUPT' })
      const entry = await s.trashBin.removeCase(CASE)
      await expect(s.repair.restoreBackup(file)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect((await s.repair.run({ restoreBackups: true })).actions).toEqual([])
      await expect(readdir(join(root, 'cases', CASE))).rejects.toMatchObject({ code: 'ENOENT' })
      // Back from the trash, the briefing's backup is put back into it.
      await s.trashBin.restore(entry.id)
      await s.repair.restoreBackup(file)
      expect((await s.briefings.get(CASE, b.id)).title).not.toBe('')
    } finally {
      await s.close()
    }
  })

  it('does not bring back a case in the trash in a later session either', async () => {
    const root = await demo({ backups: true })
    await writeFile(join(root, 'cases', CASE, 'case.json'), 'garbage')
    const s = await openWorkspace(root)
    await expect(s.cases.getCase(CASE)).rejects.toMatchObject({ code: 'CORRUPT' })
    await s.trashBin.removeCase(CASE)
    await s.close()
    const report = await repair(root, { restoreBackups: true })
    expect(report.actions).toEqual([])
    // Nothing a repair could do while the case is in the trash, so nothing left red: its set-aside file waits with it.
    expect(report.remaining).toEqual([])
    const later = await openWorkspace(root)
    try {
      expect(await later.cases.list()).toEqual([])
      const [entry] = await later.trashBin.list()
      expect(entry.itemId).toBe(CASE)
      // Back from the trash, its set-aside file is replaced by its backup, and its record settled.
      expect(await later.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', fromBackup: expect.any(String) })
      expect((await later.check.run()).problems).toEqual([])
      expect((await later.cases.list()).map((c) => c.id)).toEqual([CASE])
    } finally {
      await later.close()
    }
  })

  it('a listed case whose emptied folder went (a sync tool drops empty folders): its backup is still offered and put back', async () => {
    const root = await demo({ backups: true })
    const file = `cases/${CASE}/case.json`
    await rm(join(root, 'cases', CASE, 'annotations'), { recursive: true })
    await rm(join(root, 'cases', CASE, 'briefings'), { recursive: true })
    await writeFile(join(root, file), 'garbage')
    await repair(root)
    await rm(join(root, 'cases', CASE), { recursive: true })
    expect(await checkProblems(root)).toContainEqual(
      expect.objectContaining({ file, kind: 'quarantined', backupAvailable: expect.any(String) }),
    )
    const report = await repair(root, { restoreBackups: true })
    expect(report.actions).toContainEqual(expect.objectContaining({ kind: 'backup restored', file }))
    expect(report.remaining).toEqual([])
  })

  it('a case whose case file went missing in the trash comes back with its newest good backup as its file, and says which', async () => {
    const root = await demo({ backups: true })
    const s = await openWorkspace(root)
    try {
      const backups = join(root, 'backups', 'cases', CASE, 'case.json')
      const newest = (await readdir(backups)).sort().at(-1)!
      const entry = await s.trashBin.removeCase(CASE)
      await rm(join(root, 'trash', entry.id, CASE, 'case.json'))
      const back = await s.trashBin.restore(entry.id)
      expect(back).toMatchObject({ kind: 'case', fromBackup: join('backups', 'cases', CASE, 'case.json', newest) })
      expect(await readFile(join(root, 'cases', CASE, 'case.json'))).toEqual(await readFile(join(backups, newest)))
      expect((await s.cases.list()).map((c) => c.id)).toEqual([CASE])
      expect(await s.trashBin.list()).toEqual([])
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a trash entry edited to say a case came from elsewhere: nothing is put back there', async () => {
    const root = await demo()
    let s = await openWorkspace(root)
    const entry = await s.trashBin.removeCase(CASE)
    await s.close()
    const list = join(root, 'trash', 'trash.json')
    const edited = JSON.parse(await readFile(list, 'utf8')) as { entries: { from: string }[] }
    edited.entries[0].from = `notes/${CASE}`
    await writeFile(list, JSON.stringify(edited))
    s = await openWorkspace(root)
    try {
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: `The trash entry of "${entry.title}" says it came from notes/${CASE}, which is not its case folder, so nothing is put back.`,
      })
      await expect(readdir(join(root, 'notes'))).rejects.toMatchObject({ code: 'ENOENT' })
      expect((await readdir(join(root, 'trash', entry.id, CASE))).sort()).toEqual([
        'annotations',
        'briefings',
        'case.json',
      ])
    } finally {
      await s.close()
    }
  })

  it('a case whose set-aside file was replaced in the trash by a good one: back, and its old record settled', async () => {
    const root = await demo({ backups: true })
    const file = `cases/${CASE}/case.json`
    const backups = join(root, 'backups', file)
    await writeFile(join(root, file), 'garbage')
    const s = await openWorkspace(root)
    try {
      await expect(s.cases.getCase(CASE)).rejects.toMatchObject({ code: 'CORRUPT' })
      const entry = await s.trashBin.removeCase(CASE)
      // The person puts a good copy in its place, by hand.
      const good = (await readdir(backups)).sort().at(-1)!
      await copyFile(join(backups, good), join(root, 'trash', entry.id, CASE, 'case.json'))
      expect(await s.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', case: { id: CASE } })
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
    expect(await checkProblems(root)).toEqual([])
    // Kept, not deleted: the damaged copy lies under quarantine/resolved/.
    expect((await readdir(join(root, 'quarantine', 'resolved'))).filter((n) => n.endsWith('case.json'))).toHaveLength(1)
  })

  it('a case whose case file went missing in the trash, with no good backup, stays there as it was', async () => {
    const root = await demo()
    await rm(join(root, 'backups', 'cases', CASE), { recursive: true, force: true })
    const s = await openWorkspace(root)
    try {
      const entry = await s.trashBin.removeCase(CASE)
      const held = join('trash', entry.id, CASE, 'case.json')
      await rm(join(root, held))
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: `The case file of "${entry.title}" is not in its folder in the trash (${held}) and no good backup of it exists, so the case stays in the trash.`,
      })
      expect(await s.trashBin.list()).toEqual([entry])
      await expect(readdir(join(root, 'cases', CASE))).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await s.close()
    }
  })

  it('a case file of another case in the trash folder, or no folder at all: the case stays in the trash', async () => {
    const root = await demo()
    await rm(join(root, 'backups', 'cases', CASE), { recursive: true, force: true })
    const s = await openWorkspace(root)
    try {
      const other = await s.cases.create({ title: 'Other case' })
      const entry = await s.trashBin.removeCase(CASE)
      const folder = join('trash', entry.id, CASE)
      await copyFile(join(root, 'cases', other.id, 'case.json'), join(root, folder, 'case.json'))
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: `The case file in the trash folder of "${entry.title}" (${join(folder, 'case.json')}) is the case file of another case (${other.id}), so the case stays in the trash. Move that file out of the folder and restore again: the case then comes back from its newest good backup, if it has one.`,
      })
      const moved = join(root, 'trash', entry.id, 'elsewhere')
      await rename(join(root, folder), moved)
      await writeFile(join(root, folder), 'not a folder')
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: `The trash holds no folder for "${entry.title}" (${folder}), so there is nothing to put back.`,
      })
      expect(await s.trashBin.list()).toEqual([entry])
      expect((await s.cases.list()).map((c) => c.id)).toEqual([other.id])
      expect(await readFile(join(root, folder), 'utf8')).toBe('not a folder')
      await expect(readdir(join(root, 'cases', CASE))).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await s.close()
    }
  })

  it('acknowledges a broken audit log only when asked, recording who and why', async () => {
    const root = await demo()
    const log = join(root, 'audit.log.jsonl')
    const lines = (await readFile(log, 'utf8')).trimEnd().split('\n')
    await writeFile(log, lines.slice(0, -1).join('\n') + '\n')
    const plain = await repair(root)
    expect(plain.remaining).toEqual([
      expect.objectContaining({ file: 'audit.log.jsonl', message: expect.stringMatching(/acknowledge/) }),
    ])
    const asked = await repair(root, { acknowledgeAuditBreak: true, note: 'Last line lost with the old laptop.' })
    // The lost line was a custody entry's twin: acknowledged, then re-appended as a marked repair entry.
    expect(asked.actions.map((a) => a.kind)).toEqual(['audit break acknowledged', 'audit twin appended'])
    expect(asked.remaining).toEqual([])
  })

  it('says it rebuilt a missing index, and the cases are back', async () => {
    const root = await demo()
    await rename(join(root, 'workspace.json'), join(await tempDir(), 'elsewhere.json'))
    const report = await repair(root)
    expect(report.actions).toEqual([
      expect.objectContaining({ kind: 'index rebuilt', message: expect.stringMatching(/from the 1 case folder/) }),
    ])
    expect(report.remaining).toEqual([])
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect((await s.cases.list()).map((c) => c.id)).toEqual([CASE])
    } finally {
      await s.close()
    }
  })

  it('the window: workspace:repair answers with what it did', async () => {
    const root = await demo()
    await mkdir(join(root, 'cases', 'case_empty'))
    const { session, dispatch } = await ipcHarness({ userData: await tempDir(), workspace: root })
    try {
      const r = await dispatch('workspace:repair', {})
      expect(r).toMatchObject({
        ok: true,
        value: { actions: [{ kind: 'set aside', file: 'cases/case_empty' }], remaining: [] },
      })
      expect(await dispatch('workspace:repair', { acknowledgeAuditBreak: 'yes' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    } finally {
      await session.close()
    }
  })

  it('the command line: says what it did, exit 0 when all is well after, 1 while problems remain', async () => {
    const root = await demo()
    await mkdir(join(root, 'cases', 'case_empty'))
    const fixed = await runCli(['repair', '--workspace', root])
    expect(fixed.code).toBe(0)
    expect(fixed.stdout).toMatch(/SET ASIDE: cases\/case_empty held no case file/)
    const log = join(root, 'audit.log.jsonl')
    await writeFile(log, (await readFile(log, 'utf8')).trimEnd().split('\n').slice(0, -1).join('\n') + '\n')
    const left = await runCli(['repair', '--workspace', root])
    expect(left.code).toBe(1)
    expect(left.stdout).toMatch(/Still to be done by a person \(1\)/)
    expect(left.stderr).toMatch(/casefile repair: 1 problem remains that repair cannot fix alone/)
    const acked = await runCli(['repair', '--acknowledge-audit-break', '--note', 'seen', '--workspace', root])
    expect(acked.code).toBe(0)
    expect(acked.stdout).toMatch(/AUDIT BREAK ACKNOWLEDGED/)
  })
})
