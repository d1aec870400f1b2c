/**
 * The command line on hostile or damaged input: one human line (never zod's JSON),
 * a note when a time had to be moved, and the work goes on past a damaged case or
 * briefing, saying so.
 */
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { oneLine } from '@main/cli/framework'
import { setCliLanguage } from '@main/cli/language'
import { runCli } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('command-line messages', () => {
  it('an over-long field is one line naming the field, not raw zod JSON', async () => {
    const ws = await tempDir()
    const r = await runCli(['case', 'new', '--title', 'T'.repeat(400), '--workspace', ws])
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^casefile case new: invalid input: title: Too long: at most 300 characters$/),
    ])
    expect(r.stderr).not.toMatch(/"code"|\[\s*\{/)
  })

  it("a failed system call is said in the reader's language, not Node's English", () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      path: '/ws/blobs/.incoming-1-ab',
    })
    try {
      setCliLanguage('es')
      expect(oneLine(full)).toBe(
        'El disco está lleno (ENOSPC) (/ws/blobs/.incoming-1-ab). Libere espacio e inténtelo de nuevo.',
      )
      expect(oneLine(Object.assign(new Error('EIO: i/o error'), { code: 'EIO', syscall: 'fsync' }))).toMatch(
        /^La operación de disco falló: EIO\./,
      )
    } finally {
      setCliLanguage('en')
    }
    expect(oneLine(full)).toMatch(/^The disk is full \(ENOSPC\)/)
  })

  it('event add keeps year 0 and says when a time fell in a DST gap', async () => {
    const ws = await tempDir()
    expect((await runCli(['case', 'new', '--title', 'Old', '--reference', 'OLD', '--workspace', ws])).code).toBe(0)
    const zero = await runCli([
      'event',
      'add',
      'OLD',
      '--at',
      '0000-01-01T00:00',
      '--tz',
      'UTC',
      '--text',
      'Year zero',
      '--json',
      '--workspace',
      ws,
    ])
    expect(JSON.parse(zero.stdout).at).toBe('0000-01-01T00:00:00.000Z')
    const gap = await runCli([
      'event',
      'add',
      'OLD',
      '--at',
      '2026-03-08T02:30',
      '--tz',
      'America/Chicago',
      '--text',
      'In the gap',
      '--workspace',
      ws,
    ])
    expect(gap.code).toBe(0)
    expect(gap.stderr).toMatch(/^casefile: note: 2026-03-08T02:30 does not exist in America\/Chicago.*Taken as 03:30/)
    expect(gap.stdout).toMatch(/8 Mar 2026, 03:30 \(America\/Chicago, UTC-05:00\)/)
  })

  it('evidence verify goes on past a damaged case; show warns about a damaged briefing', async () => {
    const ws = await tempDir()
    const s = await openWorkspace(ws, { newId: sequentialIds() })
    const a = await s.cases.create({ title: 'A', reference: 'A-1' })
    const b = await s.cases.create({ title: 'B', reference: 'B-1' })
    const src = join(await tempDir(), 'f.txt')
    await writeFile(src, 'bytes')
    await s.evidence.importFile(b.id, src, { title: 'File' })
    const brief = await s.briefings.createFromTemplate(b.id, 'blank', { title: 'Memo' })
    await s.close()
    await writeFile(join(ws, 'cases', a.id, 'case.json'), '{"schemaVersion":1,"case":')
    const verify = await runCli(['evidence', 'verify', '--workspace', ws])
    expect(verify.code).toBe(1)
    expect(verify.stdout).toMatch(new RegExp(`UNREADABLE case ${a.id}`))
    expect(verify.stderr).toMatch(/1 case could not be read/)
    expect(verify.stdout).not.toMatch(/match(es)?; audit log intact/)
    // The other case's blob was verified and recorded.
    const ro = await openWorkspace(ws, { readOnly: true })
    expect((await ro.caseDetail.get(b.id)).evidence[0].custody.at(-1)?.action).toBe('hash verified')
    await ro.close()

    await writeFile(join(ws, 'cases', b.id, 'briefings', `${brief.id}.json`), '\u0000'.repeat(64))
    const show = await runCli(['show', 'B-1', '--workspace', ws])
    expect(show.code).toBe(0)
    expect(show.stdout).toMatch(/Briefings \(0\)/)
    expect(show.stderr).toMatch(
      new RegExp(`casefile: warning: cases/${b.id}/briefings/${brief.id}\\.json could not be loaded`),
    )
  })

  it('export names an exhibit whose stored file is missing', async () => {
    const ws = await tempDir()
    const s = await openWorkspace(ws, { newId: sequentialIds() })
    await s.demo.install()
    const src = join(await tempDir(), 'still.txt')
    await writeFile(src, 'still')
    await s.evidence.importFile('case_ecu_mpls_2026', src, { title: 'Still' })
    await s.close()
    for (const n of await readdir(join(ws, 'blobs'))) await rm(join(ws, 'blobs', n), { force: true })
    const out = join(await tempDir(), 'memo.pdf')
    const r = await runCli(['export', 'case_ecu_mpls_2026', '--out', out, '--workspace', ws])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/casefile: warning: The stored file of evidence "Still" .* is missing from the blob store/)
  })
})
