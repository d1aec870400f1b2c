import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('casefile command line', () => {
  it('creates the demo workspace, lists it and shows the case whole', async () => {
    const ws = await tempDir()
    const demo = await runMain(['demo', '--workspace', ws])
    expect(demo.code).toBe(0)
    expect(demo.stdout).toMatch(/Demo case case_ecu_mpls_2026 created/)

    const cases = await runMain(['cases', '--workspace', ws, '--json'])
    expect(cases.code).toBe(0)
    expect(JSON.parse(cases.stdout)).toEqual([expect.objectContaining({ reference: 'ECU-USA-2026-001' })])

    const show = await runMain(['show', 'ECU-USA-2026-001', '--workspace', ws, '--json'])
    expect(show.code).toBe(0)
    const d = JSON.parse(show.stdout)
    expect(d.actors.length).toBeGreaterThanOrEqual(6)
    expect(d.events[0]).toMatchObject({ tz: 'America/Chicago' })
    expect(d.evidence.map((e: { verification: { status: string } }) => e.verification.status)).toContain('unverified')
    expect(d.statutes[0].text).toMatch(/^1\. Consular premises shall be inviolable/)

    const text = await runMain(['show', 'case_ecu_mpls_2026', '--workspace', ws])
    expect(text.stdout).toMatch(/27 Jan 2026, ~11:00 \(America\/Chicago, UTC-06:00\)/)
    expect(text.stdout).toMatch(/Verification: unverified/)
    expect(text.stdout).toMatch(/VCCR art\. 31 — Inviolability of the consular premises/)
    expect(text.stdout).toMatch(/Gabriela Sommerfeld/)

    const check = await runMain(['check', '--workspace', ws])
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(/All files are readable and valid/)
  })

  it('creates a case and adds a zoned event', async () => {
    const ws = await tempDir()
    const made = await runMain([
      'case',
      'new',
      '--title',
      'Visa dispute',
      '--reference',
      'REF-9',
      '--workspace',
      ws,
      '--json',
    ])
    expect(made.code).toBe(0)
    const c = JSON.parse(made.stdout)
    const ev = await runMain([
      'event',
      'add',
      'REF-9',
      '--at',
      '2026-01-27T11:00',
      '--tz',
      'America/Chicago',
      '--text',
      'Door blocked',
      '--precision',
      'approximate',
      '--workspace',
      ws,
    ])
    expect(ev.code).toBe(0)
    expect(ev.stdout).toMatch(/27 Jan 2026, ~11:00 \(America\/Chicago/)
    const file = JSON.parse(await readFile(join(ws, 'cases', c.id, 'case.json'), 'utf8'))
    expect(file.events[0]).toMatchObject({
      at: '2026-01-27T17:00:00.000Z',
      tz: 'America/Chicago',
      precision: 'approximate',
    })
  })

  it('exits 2 on bad usage and 1 on failure, with one line on stderr (the first two as real processes)', async () => {
    const ws = await tempDir()
    const noTitle = await runCli(['case', 'new', '--workspace', ws])
    expect(noTitle.code).toBe(2)
    expect(noTitle.stderr.trim().split('\n')).toHaveLength(1)
    expect(noTitle.stderr).toMatch(/--title is required/)

    expect((await runMain(['frobnicate', '--workspace', ws])).code).toBe(2)
    expect((await runMain(['cases', '--bogus', '--workspace', ws])).code).toBe(2)
    const badZone = await runMain([
      'event',
      'add',
      'X',
      '--at',
      '2026-01-01T10:00',
      '--tz',
      'Moon/Base',
      '--text',
      't',
      '--workspace',
      ws,
    ])
    expect(badZone.code).toBe(2)

    const notWorkspace = await runCli(['cases', '--workspace', join(ws, 'nothing-here')])
    expect(notWorkspace.code).toBe(1)
    expect(notWorkspace.stderr.trim()).toBe(
      `casefile cases: There is no workspace folder at ${join(ws, 'nothing-here')}.`,
    )
    const empty = await runMain(['show', 'X', '--workspace', ws])
    expect(empty.stderr.trim()).toBe(`casefile show: ${ws} is not a Casefile workspace (it has no workspace.json).`)

    await runMain(['case', 'new', '--title', 'Something', '--workspace', ws])
    const missing = await runMain(['show', 'NOPE-1', '--workspace', ws])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe('casefile show: No case with id or reference "NOPE-1".')
  })

  it('check reports a truncated case file and leaves it untouched', async () => {
    const ws = await tempDir()
    await runMain(['demo', '--workspace', ws])
    const file = join(ws, 'cases', 'case_ecu_mpls_2026', 'case.json')
    const truncated = (await readFile(file, 'utf8')).slice(0, 500)
    await writeFile(file, truncated)
    const check = await runMain(['check', '--workspace', ws])
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(
      /UNREADABLE: cases\/case_ecu_mpls_2026\/case\.json could not be loaded: it is not valid JSON/,
    )
    expect(check.stderr).toMatch(/1 problem found in the workspace/)
    // In Spanish: the kind, the reason and the count, no English between the values.
    const es = await runMain(['check', '--workspace', ws, '--lang', 'es'])
    expect(es.stdout).toMatch(
      /^ {2}ILEGIBLE: No se pudo cargar cases\/case_ecu_mpls_2026\/case\.json: no es JSON válido \(.+\)\. El archivo se dejó intacto\. Hay una copia de seguridad válida \(.+\)\.$/m,
    )
    expect(es.stderr).toMatch(/Se encontró 1 problema en el espacio de trabajo/)
    expect(await readFile(file, 'utf8')).toBe(truncated)
  })

  it('tells a second writer who holds the workspace', async () => {
    const ws = await tempDir()
    const { openWorkspace } = await import('@main/services/index')
    const holder = await openWorkspace(ws, { app: 'Casefile window' })
    try {
      const r = await runCli(['case', 'new', '--title', 'x', '--workspace', ws])
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/in use by Casefile window \(process \d+ on /)
    } finally {
      await holder.close()
    }
  })
})
