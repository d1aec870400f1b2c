import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { decompressed, pdfPages, tempDir } from '../pdf/helpers'

const ROOT = resolve(__dirname, '../../..')

/** The real command line from its sources, as a child process (tests/main/cli/bundle.test.ts runs the bundle). */
function casefile(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'tests/helpers/cliFromSources.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('casefile export and casefile statute add', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let ws: string

  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('casefile-cli-export-'))
    ws = join(dir, 'ws')
    expect(casefile('demo', '--workspace', ws).code).toBe(0)
  }, 60_000)
  afterAll(async () => {
    await cleanup?.()
  })

  it('adds a statute excerpt from a UTF-8 text file and links it to the case', () => {
    const textFile = join(dir, 'art22.txt')
    const text =
      '1. The premises of the mission shall be inviolable. Los agentes del Estado receptor no podrán penetrar en ellos sin consentimiento del jefe de la misión — ¿año?, ñandú.\n2. The receiving State is under a special duty.'
    writeFileSync(textFile, text, 'utf8')
    const r = casefile(
      'statute',
      'add',
      '--workspace',
      ws,
      '--instrument',
      'Vienna Convention on Diplomatic Relations',
      '--short-name',
      'VCDR',
      '--year',
      '1961',
      '--article',
      '22',
      '--heading',
      'Inviolability of the mission premises',
      '--source',
      'UNTS vol. 500, p. 95',
      '--text-file',
      textFile,
      '--case',
      'ECU-USA-2026-001',
      '--json',
    )
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const added = JSON.parse(r.out)
    expect(added).toMatchObject({
      instrument: 'Vienna Convention on Diplomatic Relations',
      article: '22',
      year: 1961,
      text,
      linkedTo: 'case_ecu_mpls_2026',
    })
  })

  it('exports the memo; deterministic exports are byte-identical', () => {
    const a = join(dir, 'a.pdf')
    const b = join(dir, 'b.pdf')
    const ra = casefile('export', 'ECU-USA-2026-001', '--workspace', ws, '--out', a, '--deterministic', '--json')
    expect(ra.err).toBe('')
    expect(ra.code).toBe(0)
    const rb = casefile('export', 'ECU-USA-2026-001', '--workspace', ws, '--out', b, '--deterministic', '--json')
    expect(rb.code).toBe(0)
    const [ja, jb] = [JSON.parse(ra.out), JSON.parse(rb.out)]
    expect(ja.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(jb.sha256).toBe(ja.sha256)
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true)
    const all = pdfPages(a).join('\n').replace(/\s+/g, ' ')
    expect(all).toContain('VCDR art. 22 — Inviolability of the mission premises')
    expect(all).toContain('sin consentimiento del jefe de la misión — ¿año?, ñandú.')

    const shown = JSON.parse(casefile('show', 'ECU-USA-2026-001', '--workspace', ws, '--json').out)
    expect(shown.briefings).toHaveLength(1)
  })

  it('prints a plain summary, and a draft carries the watermark; a final one does not', async () => {
    const out = join(dir, 'draft.pdf')
    const r = casefile(
      'export',
      'case_ecu_mpls_2026',
      '--briefing',
      'briefing_minister_note',
      '--workspace',
      ws,
      '--out',
      out,
      '--draft',
    )
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Wrote .*draft\.pdf \(\d+ pages, \d+ bytes\)\n {2}SHA-256 [0-9a-f]{64}\n$/)
    const pages = pdfPages(out)
    expect(pages[0]).toContain('DRAFT — NOT FOR DISTRIBUTION')
    // pdftotext skips the rotated watermark. It lives, with the banners, in one form XObject every page invokes:
    // check that form carries the -52° rotation and that each page draws it.
    const raw = decompressed(out, dir).toString('latin1')
    expect(raw.match(/0\.615661 -0\.788011 0\.788011 0\.615661 [-\d.]+ [-\d.]+ cm/g)?.length).toBe(1)
    expect(raw.match(/\/CfFurniture Do/g)?.length).toBe(pages.length)
    // A draft is watermarked even without --draft; set final, it is not.
    expect(decompressed(join(dir, 'a.pdf'), dir).toString('latin1')).toMatch(
      /0\.615661 -0\.788011 0\.788011 0\.615661 [-\d.]+ [-\d.]+ cm/,
    )
    const s = await openWorkspace(ws)
    await s.briefings.update('case_ecu_mpls_2026', 'briefing_minister_note', { status: 'final' })
    await s.close()
    const final = join(dir, 'final.pdf')
    expect(casefile('export', 'ECU-USA-2026-001', '--workspace', ws, '--out', final).code).toBe(0)
    const plain = decompressed(final, dir).toString('latin1')
    expect(plain).not.toMatch(/0\.615661 -0\.788011 0\.788011 0\.615661 [-\d.]+ [-\d.]+ cm/)
  })

  it('exits 2 on bad usage and 1 with a one-line reason on failure', () => {
    const noOut = casefile('export', 'ECU-USA-2026-001', '--workspace', ws)
    expect(noOut.code).toBe(2)
    expect(noOut.err).toMatch(/--out is required/)
    expect(casefile('export', '--workspace', ws, '--out', join(dir, 'x.pdf')).code).toBe(2)
    expect(casefile('statute', 'add', '--workspace', ws, '--instrument', 'X', '--article', '1').code).toBe(2)

    const unknown = casefile('export', 'NO-SUCH-CASE', '--workspace', ws, '--out', join(dir, 'x.pdf'))
    expect(unknown.code).toBe(1)
    expect(unknown.err.trim().split('\n')).toHaveLength(1)
    expect(unknown.err).toContain('NO-SUCH-CASE')

    const badBriefing = casefile(
      'export',
      'ECU-USA-2026-001',
      '--briefing',
      'nope',
      '--workspace',
      ws,
      '--out',
      join(dir, 'x.pdf'),
    )
    expect(badBriefing.code).toBe(1)
    expect(badBriefing.err).toMatch(/No briefing/)

    const missingText = casefile(
      'statute',
      'add',
      '--workspace',
      ws,
      '--instrument',
      'X',
      '--article',
      '1',
      '--text-file',
      join(dir, 'missing.txt'),
    )
    expect(missingText.code).toBe(1)
    expect(missingText.err).toMatch(/--text-file .* does not exist/)
  })
})

describe('a Spanish memo from a fresh folder, all from the command line', () => {
  it('reads as a Spanish ministry memo: labels, dates, annex, page numbers and marking in Spanish', async () => {
    const { dir, cleanup } = await tempDir('casefile-cli-es-')
    try {
      const ws = join(dir, 'ws')
      const run = (...args: string[]) => {
        const r = casefile(...args, '--workspace', ws)
        expect(r.code, r.err).toBe(0)
        return r.out
      }
      run(
        'case',
        'new',
        '--title',
        'Incidente en el Consulado',
        '--reference',
        'ECU-2026-014',
        '--classification',
        'CONFIDENCIAL',
      )
      run(
        'event',
        'add',
        'ECU-2026-014',
        '--at',
        '2026-01-27 11:00',
        '--tz',
        'America/Chicago',
        '--title',
        'Un agente intenta entrar',
      )
      const id = /Created briefing (\S+):/.exec(run('briefing', 'new', 'ECU-2026-014', '--language', 'es'))![1]
      run(
        'briefing',
        'edit',
        id,
        '--to',
        'Ministra de Relaciones Exteriores',
        '--date',
        '2026-01-28',
        '--drafter',
        'J. Pérez',
      )
      const out = join(dir, 'memo.pdf')
      run('export', 'ECU-2026-014', '--out', out)
      const pages = pdfPages(out)
      const text = pages.join('\n')
      for (const label of [
        'MEMORANDO',
        'PARA:',
        'ASUNTO:',
        'Índice',
        'Cronología',
        'Anexo A',
        'BORRADOR',
        'Elaborado por: J. Pérez',
      ])
        expect(text).toContain(label)
      expect(text).toContain('27 de enero de 2026, 11:00 (America/Chicago)')
      expect(pages[0]).toMatch(/Página 1 de \d/)
      expect(pages[0]).toMatch(/^\s*CONFIDENCIAL/)
      expect(text).not.toMatch(/\b(MEMORANDUM|Page \d|January|DRAFT|Drafted by)\b/)
    } finally {
      await cleanup()
    }
  })
})
