/** Shared by the PDF, export service and CLI export tests: real workspaces, real files, poppler and qpdf. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openWorkspace, type Services } from '@main/services/index'

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
