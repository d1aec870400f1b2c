/**
 * The trash from the command line, on a new empty folder: a case and an excerpt sent there and back,
 * the words a person reads at each step, and what is refused (an entry that is not there, a case
 * whose file is damaged in the trash with no backup from before it left).
 */
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

async function cli(ws: string, ...args: string[]) {
  return runMain([...args, '--workspace', ws])
}

describe('casefile trash', () => {
  it('sends a case and an excerpt there and back, saying so, and lists what it holds', async () => {
    const ws = join(await tempDir(), 'fresh')
    expect((await cli(ws, 'case', 'new', '--title', 'Harbour dispute', '--reference', 'H-1')).code).toBe(0)
    expect((await cli(ws, 'trash')).stdout.trim()).toBe('The trash is empty.')
    const excerpt = JSON.parse(
      (
        await cli(
          ws,
          'statute',
          'add',
          '--instrument',
          'Law of the Sea',
          '--article',
          '5',
          '--text',
          'Baselines.',
          '--json',
        )
      ).stdout,
    ) as { id: string }
    expect((await cli(ws, 'statute', 'link', excerpt.id, '--case', 'H-1')).code).toBe(0)

    const refused = await cli(ws, 'statute', 'remove', excerpt.id)
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toBe(
      `casefile statute remove: LS art. 5 is linked to 1 case. Unlink it and remove the citations first, or remove it anyway. To remove it anyway (it goes to the trash, with its links): casefile --workspace=${ws} statute remove ${excerpt.id} --force`,
    )
    const enEspañol = await cli(ws, 'statute', 'remove', excerpt.id, '--lang', 'es')
    expect(enEspañol.stderr).toContain('LS art. 5 está vinculado a 1 expediente. Desvincúlelo')
    expect(enEspañol.stderr).toContain(`casefile --workspace=${ws} statute remove ${excerpt.id} --force`)
    expect(enEspañol.stderr).not.toMatch(/linked|cited/)
    const removed = await cli(ws, 'statute', 'remove', excerpt.id, '--force')
    expect(removed.stdout).toMatch(
      new RegExp(`^Sent statute excerpt ${excerpt.id} to the trash as entry \\S+ \\(unlinked from case_`),
    )
    const gone = await cli(ws, 'case', 'remove', 'H-1')
    expect(gone.code).toBe(0)
    const entryId = /as entry (\S+)$/.exec(gone.stdout.trim())![1]
    expect(gone.stdout.trim()).toBe(`Sent "Harbour dispute" to the trash as entry ${entryId}`)
    expect(JSON.parse((await cli(ws, 'cases', '--json')).stdout)).toEqual([])

    const listed = (await cli(ws, 'trash')).stdout.trim().split('\n')
    expect(listed).toHaveLength(3)
    expect(listed[1]).toMatch(new RegExp(`^${entryId}\\s+case\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+Harbour dispute$`))
    expect(listed[2]).toMatch(/\s+statute excerpt\s+\S+\s+LS art\. 5$/)

    // The excerpt first, while the case that linked it is still in the trash: the link it cannot put back is named.
    const statuteEntry = (JSON.parse((await cli(ws, 'trash', '--json')).stdout) as { id: string; kind: string }[]).find(
      (e) => e.kind === 'statute',
    )
    const caseId = JSON.parse((await cli(ws, 'trash', '--json')).stdout).find(
      (e: { kind: string }) => e.kind === 'case',
    ).itemId
    expect((await cli(ws, 'trash', 'restore', statuteEntry!.id)).stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^Statute excerpt ${excerpt.id} \\(.+\\) is back in the library$`)),
      `  Not linked again to ${caseId}: that case is in the trash; once it is back: casefile --workspace=${ws} statute link ${excerpt.id} --case ${caseId}.`,
    ])
    expect((await cli(ws, 'trash', 'restore', entryId)).stdout.trim()).toMatch(
      /^"Harbour dispute" \(case_\w+\) is back in the case list$/,
    )
    expect((await cli(ws, 'statute', 'link', excerpt.id, '--case', caseId)).code).toBe(0)
    // Linked again to the case that linked it.
    expect(JSON.parse((await cli(ws, 'statute', 'list', '--case', 'H-1', '--json')).stdout)).toHaveLength(1)
    expect((await cli(ws, 'trash')).stdout.trim()).toBe('The trash is empty.')
    expect((await cli(ws, 'check')).code).toBe(0)
  }, 60_000)

  it('refuses, in one line, an entry that is not there and a case it cannot bring back; the case stays', async () => {
    const ws = await tempDir()
    const none = await cli(ws, 'trash', 'restore', 'no-such-entry')
    expect(none.code).toBe(1)
    expect(none.stderr.trim().split('\n')).toHaveLength(1)
    expect(none.stderr).toMatch(/no-such-entry/)
    expect((await cli(ws, 'case', 'remove', 'NOPE')).code).toBe(1)

    expect((await cli(ws, 'case', 'new', '--title', 'Quay', '--reference', 'Q-1')).code).toBe(0)
    const { id: entryId, itemId } = JSON.parse((await cli(ws, 'case', 'remove', 'Q-1', '--json')).stdout) as {
      id: string
      itemId: string
    }
    await rm(join(ws, 'backups'), { recursive: true, force: true })
    await writeFile(join(ws, 'trash', entryId, itemId, 'case.json'), '{"schemaVersion":1,')
    const refused = await cli(ws, 'trash', 'restore', entryId)
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toMatch(
      /^casefile trash restore: The case file of "Quay" could not be loaded and has no good backup, so the case stays in the trash: /,
    )
    expect(refused.stderr.trim()).toMatch(/stays in the trash: it is not valid JSON \(.+\)$/)
    // In Spanish through and through: the reason too, not only the sentence around it.
    const enEspañol = await cli(ws, 'trash', 'restore', entryId, '--lang', 'es')
    expect(enEspañol.stderr.trim()).toMatch(
      /^casefile trash restore: El archivo de expediente de "Quay" no se pudo cargar y no tiene ninguna copia de seguridad válida, así que el expediente sigue en la papelera: no es JSON válido \(.+\)$/,
    )
    expect(JSON.parse((await cli(ws, 'trash', '--json')).stdout)).toMatchObject([{ id: entryId }])
    expect(await readdir(join(ws, 'trash', entryId, itemId))).toContain('case.json')
  }, 60_000)

  it('drops an entry of which nothing is left, only then; a long id is not said back whole', async () => {
    const ws = await tempDir()
    expect((await cli(ws, 'case', 'new', '--title', 'Pier', '--reference', 'P-1')).code).toBe(0)
    const { id: entryId, itemId } = JSON.parse((await cli(ws, 'case', 'remove', 'P-1', '--json')).stdout) as {
      id: string
      itemId: string
    }
    const kept = await cli(ws, 'trash', 'forget', entryId)
    expect(kept.code).toBe(1)
    expect(kept.stderr.trim()).toBe(
      `casefile trash forget: The trash still holds something of "Pier" (${join('trash', entryId)}), so its entry stays; only an entry of which nothing is left can be dropped.`,
    )
    await rm(join(ws, 'trash', entryId, itemId), { recursive: true })
    const nothing = await cli(ws, 'trash', 'restore', entryId)
    expect(nothing.stderr.trim()).toBe(
      `casefile trash restore: The trash holds nothing of "Pier" any more (${join('trash', entryId, itemId)} is gone), so there is nothing to put back. If it was removed by hand, its entry can be dropped. To drop it: casefile --workspace=${ws} trash forget ${entryId}`,
    )
    // The command named is run as it stands (this workspace's folder has no space in it).
    const dropped = await runMain(nothing.stderr.trim().split('To drop it: casefile ')[1].split(' '))
    expect(dropped.stdout.trim()).toBe(
      `Dropped the entry ${entryId} ("Pier") from the trash; nothing of it was left there.`,
    )
    expect(await readdir(join(ws, 'trash'))).toEqual(['trash.json'])
    expect((await cli(ws, 'trash')).stdout.trim()).toBe('The trash is empty.')

    const long = await cli(ws, 'trash', 'restore', 'x'.repeat(5_000))
    expect(long.code).toBe(1)
    expect(long.stderr.length).toBeLessThan(300)
  }, 60_000)

  it("names the next command with this run's workspace, and never rewrites what a person typed", async () => {
    const ws = join(await tempDir(), "Ana's cases")
    const title = 'Run casefile repair now (casefile trash forget me)'
    expect((await runMain(['--workspace', ws, 'case', 'new', '--title', title, '--reference', 'R-1'])).code).toBe(0)
    expect((await cli(ws, 'cases')).stdout).toContain(title)
    const { id: entryId, itemId } = JSON.parse((await cli(ws, '--json', 'case', 'remove', 'R-1')).stdout) as {
      id: string
      itemId: string
    }
    await rm(join(ws, 'trash', entryId, itemId), { recursive: true })
    const nothing = await cli(ws, 'trash', 'restore', entryId)
    expect(nothing.stderr).toContain(`The trash holds nothing of "${title}" any more`)
    expect(nothing.stderr).toContain(
      `To drop it: casefile --workspace='${ws.replace(/'/g, `'\\''`)}' trash forget ${entryId}`,
    )
    // Help is about commands: a workspace given with it changes nothing.
    expect((await runMain(['help', 'trash', 'forget', '--workspace', ws])).code).toBe(0)
    const bare = await runMain(['--workspace'])
    expect(bare.code).toBe(2)
    expect(bare.stderr.trim()).toBe('casefile: --workspace needs a folder')
  }, 60_000)
})
