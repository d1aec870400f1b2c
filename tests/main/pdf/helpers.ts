/** Shared by the PDF, export service and CLI export tests: real workspaces, real files, poppler and qpdf. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import demo from '@resources/demo/consulate-case.json'
import type { MemoInput } from '@main/pdf/index'
import { openWorkspace, type Services } from '@main/services/index'
import { Briefing, StatuteExcerpt, type CaseDetail } from '@shared/domain'

export const DEMO_CASE = 'case_ecu_mpls_2026'
export const DEMO_BRIEFING = 'briefing_minister_note'

export async function tempDir(prefix = 'casefile-pdf-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * The demo workspace plus one real file imported as evidence (the demo items
 * are URL-only), so the exhibit list has a hash to show. Returns open services.
 */
export async function demoWorkspace(dir: string): Promise<{ s: Services; fileSha: string }> {
  const s = await openWorkspace(join(dir, 'ws'))
  await s.demo.install()
  const file = join(dir, 'cctv-still.txt')
  await writeFile(file, 'CCTV still of the consulate entrance, 27 January 2026, 11:01 CST.\n')
  const item = await s.evidence.importFile(DEMO_CASE, file, {
    title: 'CCTV still of the entrance (Cancillería copy)',
    kind: 'image',
  })
  return { s, fileSha: item.file!.sha256 }
}

/** pdftotext's pages (split at form feeds), dropping the empty tail after the last one. */
export function pdfPages(path: string, layout = false): string[] {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  })
  const pages = text.split('\f')
  if (pages.length && !pages[pages.length - 1].trim()) pages.pop()
  return pages
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' })
  return Object.fromEntries(
    out
      .split('\n')
      .flatMap((l) =>
        l.includes(':') ? [[l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]] : [],
      ),
  )
}

/** Rows of `pdffonts` as [name, emb] pairs. */
export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/)
    // name ... emb sub uni objectId gen: emb is the fifth column from the end
    return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' }
  })
}

export function qpdfCheck(path: string): string {
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })
}

/** The file with every stream decompressed and no object streams, as qpdf writes it: what a scanner would read. */
export function decompressed(path: string, dir: string): Buffer {
  const out = join(dir, `qdf-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`)
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, out])
  return readFileSync(out)
}

export interface PdfWord {
  x0: number
  y0: number
  x1: number
  y1: number
  t: string
}

/** Each page's words with their boxes (points, origin at the top left), as pdftotext reads them. */
export function pdfWords(path: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], t: m[5].replace(/&amp;/g, '&') }),
      ),
    )
}

/**
 * One page rendered, by default at 72 dpi (a pixel per point): grey levels (one byte a pixel) or RGB
 * (three). `scale` pixels per point: small type needs a few to show its true colour (at one, its thin
 * strokes are only grey). Written beside the PDF.
 */
export function pdfRaster(
  path: string,
  page: number,
  opts: { grey?: boolean; scale?: number } = {},
): { w: number; h: number; px: Buffer; scale: number } {
  const scale = opts.scale ?? 1
  const base = `${path}.p${page}${opts.grey ? 'g' : 'c'}${scale}`
  execFileSync('pdftoppm', [
    ...(opts.grey ? ['-gray'] : []),
    '-r',
    String(72 * scale),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    base,
  ])
  const raw = readFileSync(`${base}.${opts.grey ? 'pgm' : 'ppm'}`)
  const head = raw.toString('latin1', 0, 40).match(/^P[56]\s+(\d+)\s+(\d+)\s+255\s/)!
  return { w: +head[1], h: +head[2], px: raw.subarray(head[0].length), scale }
}

/** The darkest pixel (as [r, g, b]) inside a box (in points) of an RGB raster. */
export function darkestIn(
  img: { w: number; px: Buffer; scale: number },
  box: { x0: number; y0: number; x1: number; y1: number },
): [number, number, number] {
  let best: [number, number, number] = [255, 255, 255]
  const k = img.scale
  for (let y = Math.floor(box.y0 * k); y < Math.ceil(box.y1 * k); y++)
    for (let x = Math.floor(box.x0 * k); x < Math.ceil(box.x1 * k); x++) {
      const i = (y * img.w + x) * 3
      const px: [number, number, number] = [img.px[i], img.px[i + 1], img.px[i + 2]]
      if (px[0] + px[1] + px[2] < best[0] + best[1] + best[2]) best = px
    }
  return best
}

const AT = '2026-01-28T00:00:00.000Z'

/**
 * A memo of the demo's first briefing, changed by `briefing` (`header` merged into the demo's), over a
 * case file holding only what `detail` gives, with the demo's statutes unless `rest` says otherwise.
 */
export function demoMemo(
  briefing: Record<string, unknown> & { header?: Record<string, string> } = {},
  detail: Partial<CaseDetail> = {},
  rest: Partial<MemoInput> = {},
): MemoInput {
  const b = demo.briefings[0]
  return {
    briefing: Briefing.parse({
      ...b,
      ...briefing,
      header: { ...b.header, ...briefing.header },
      createdAt: AT,
      updatedAt: AT,
    }),
    detail: {
      case: { ...demo.case, status: 'open', createdAt: AT, updatedAt: AT } as CaseDetail['case'],
      actors: [],
      events: [],
      evidence: [],
      notes: [],
      issues: [],
      statutes: [],
      briefings: [],
      ...detail,
    },
    statutes: demo.statutes.map((x) => StatuteExcerpt.parse({ ...x, createdAt: AT, updatedAt: AT })),
    annotations: [],
    ...rest,
  }
}
