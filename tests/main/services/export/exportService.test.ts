import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '@main/services/index'
import { AppError } from '@shared/ipc/result'
import { DEMO_BRIEFING, DEMO_CASE, demoWorkspace, pdfPages, tempDir } from '../../pdf/helpers'

describe('exportBriefingPdf', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let s: Services

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('casefile-export-'))
    ;({ s } = await demoWorkspace(dir))
  })
  afterEach(async () => {
    await s?.close()
    await cleanup?.()
  })

  it('writes the file and records the export, with the file’s SHA-256, on the briefing', async () => {
    const outPath = join(dir, 'nested', 'folder', 'memo.pdf')
    const result = await s.exports.toFile({ caseId: DEMO_CASE, outPath, draft: true })
    const bytes = readFileSync(outPath)
    expect(result.path).toBe(outPath)
    expect(result.bytes).toBe(bytes.length)
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const b = await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)
    expect(b.exports).toHaveLength(1)
    expect(b.exports[0]).toMatchObject({
      file: outPath,
      sha256: result.sha256,
      pages: result.pages,
      options: { draft: true, deterministic: false },
    })
  })

  it('records custody "exported" on each cited evidence item and nothing on uncited ones', async () => {
    const result = await s.exports.toFile({ caseId: DEMO_CASE, outPath: join(dir, 'memo.pdf') })
    const { evidence } = await s.caseDetail.get(DEMO_CASE)
    const exported = (id: string) => evidence.find((e) => e.id === id)!.custody.filter((c) => c.action === 'exported')
    expect(exported('evidence_video')).toHaveLength(1)
    expect(exported('evidence_video')[0].detail).toContain(result.sha256)
    expect(exported('evidence_bulletin')).toHaveLength(1)
    expect(exported('evidence_press_report')).toHaveLength(0)
    // ... and the hash-chained audit log has the same two lines, with the PDF's hash.
    const audit = (await s.audit.list({})).filter((a) => a.action === 'exported')
    expect(audit.map((a) => a.target).sort()).toEqual([
      `evidence:${DEMO_CASE}/evidence_bulletin`,
      `evidence:${DEMO_CASE}/evidence_video`,
    ])
    expect(audit.every((a) => a.detail.exportSha256 === result.sha256)).toBe(true)
    expect((await s.audit.verifyChain()).ok).toBe(true)
  })

  it('accepts the case reference and picks the most recently changed briefing', async () => {
    const newer = await s.briefings.create(DEMO_CASE, {
      title: 'Second note',
      header: {
        to: 'Vice-minister',
        from: 'Desk',
        date: '29 January 2026',
        subject: 'Follow-up note on the Minneapolis incident',
        reference: 'X-2',
        classification: 'CONFIDENTIAL',
      },
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Follow-up.' }] }] },
    })
    const out = join(dir, 'newest.pdf')
    await s.exports.toFile({ caseId: 'ECU-USA-2026-001', outPath: out })
    const pages = pdfPages(out)
    expect(pages[0]).toContain('Follow-up note on the Minneapolis incident')
    // The briefing's own marking wins over the case's.
    for (const p of pages) expect(p).toContain('CONFIDENTIAL')
    expect((await s.briefings.get(DEMO_CASE, newer.id)).exports).toHaveLength(1)
  })

  it('drafts a memo from the case file when the case has no briefing, and says so', async () => {
    const c = await s.cases.create({ title: 'Empty case' })
    const result = await s.exports.toFile({ caseId: c.id, outPath: join(dir, 'none.pdf') })
    expect(result.drafted).toEqual({ id: result.briefingId, title: 'Memo from the case file' })
    expect(existsSync(join(dir, 'none.pdf'))).toBe(true)
    const b = await s.briefings.get(c.id, result.briefingId)
    expect(b).toMatchObject({ template: 'case file', status: 'draft' })
    expect(b.exports).toHaveLength(1)
    expect(b.exports[0].options.draft).toBe(true)
  })

  it('refuses --final for a draft, and numbers a final memo once', async () => {
    const c = await s.cases.create({ title: 'Numbered case' })
    await s.settings.update({ organisation: { memoNumberPattern: 'MREMH-DAN-{YYYY}-{NNNN}-M' } })
    const draft = await s.briefings.createFromTemplate(c.id, 'case file')
    const err = await s.exports
      .toFile({ caseId: c.id, briefingId: draft.id, outPath: join(dir, 'final.pdf'), final: true })
      .catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/is a draft; set its status to final first/)
    expect(existsSync(join(dir, 'final.pdf'))).toBe(false)

    await s.briefings.update(c.id, draft.id, { status: 'final' })
    const first = await s.exports.toFile({
      caseId: c.id,
      briefingId: draft.id,
      outPath: join(dir, 'final.pdf'),
      final: true,
    })
    const year = new Date().getUTCFullYear()
    expect(first.numbered).toBe(`MREMH-DAN-${year}-0001-M`)
    const again = await s.exports.toFile({ caseId: c.id, briefingId: draft.id, outPath: join(dir, 'final2.pdf') })
    expect(again.numbered).toBeUndefined()
    expect((await s.briefings.get(c.id, draft.id)).header.number).toBe(`MREMH-DAN-${year}-0001-M`)
    const text = pdfPages(join(dir, 'final2.pdf')).join('\n')
    expect(text).toContain(`No. MREMH-DAN-${year}-0001-M`)
    expect(text).not.toContain('DRAFT')
  })

  it('refuses a place inside the workspace folder before it gives out a memo number, and changes nothing', async () => {
    const c = await s.cases.create({ title: 'Numbered case' })
    await s.settings.update({ organisation: { memoNumberPattern: 'MREMH-DAN-{YYYY}-{NNNN}-M' } })
    const b = await s.briefings.createFromTemplate(c.id, 'case file')
    await s.briefings.update(c.id, b.id, { status: 'final' })
    const caseFile = join(dir, 'ws', 'cases', c.id, 'case.json')
    const before = readFileSync(caseFile)
    const err = await s.exports.toFile({ caseId: c.id, briefingId: b.id, outPath: caseFile }).catch((e) => e)
    expect(err).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('is inside the workspace folder'),
    })
    expect(readFileSync(caseFile)).toEqual(before)
    // Nor a place whose folder cannot be made (a file stands in the way).
    writeFileSync(join(dir, 'a file'), 'x')
    await expect(
      s.exports.toFile({ caseId: c.id, briefingId: b.id, outPath: join(dir, 'a file', 'm.pdf') }),
    ).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('a file stands where one of its folders') })
    expect((await s.briefings.get(c.id, b.id)).header.number).toBeFalsy()
    const first = await s.exports.toFile({ caseId: c.id, briefingId: b.id, outPath: join(dir, 'final.pdf') })
    expect(first.numbered).toBe(`MREMH-DAN-${new Date().getUTCFullYear()}-0001-M`)
  })

  it('reports progress up to its total and can be cancelled without writing anything', async () => {
    const seen: [number, number, string][] = []
    await s.exports.toFile({
      caseId: DEMO_CASE,
      outPath: join(dir, 'p.pdf'),
      onProgress: (d, t, l) => seen.push([d, t, l]),
    })
    expect(seen.length).toBeGreaterThan(3)
    const [lastDone, lastTotal] = seen[seen.length - 1]
    expect(lastDone).toBe(lastTotal)
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0])
    expect(seen.some(([, , l]) => l.includes('Legal position'))).toBe(true)

    const ac = new AbortController()
    const out = join(dir, 'cancelled.pdf')
    const err = await s.exports
      .toFile({
        caseId: DEMO_CASE,
        outPath: out,
        signal: ac.signal,
        onProgress: (d) => d >= 2 && ac.abort(),
      })
      .catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('CANCELLED')
    expect(existsSync(out)).toBe(false)
    expect((await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)).exports).toHaveLength(1)
  })

  it('gives byte-identical files in deterministic mode', async () => {
    const a = await s.exports.toFile({ caseId: DEMO_CASE, outPath: join(dir, 'a.pdf'), deterministic: true })
    const b = await s.exports.toFile({ caseId: DEMO_CASE, outPath: join(dir, 'b.pdf'), deterministic: true })
    expect(b.sha256).toBe(a.sha256)
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true)
  })
})
