/**
 * The files the index is built from, and the documents each one yields. The
 * indexer reads them read-only and unvalidated (it derives a cache; the owning
 * services validate), so it can run in a worker thread beside the services.
 */
import { readdirSync, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { citationLabel, formatTarget, type AnnotationTarget } from '../../../shared/domain'
import { layout } from '../../storage/layout'
import type { IndexDoc } from './engine'
import { hash53 } from './persist'
import { richTextToPlain } from './text'

export interface SourceRef {
  /** Relative path: the key the index and its fingerprints use. */
  key: string
  /** 'folder' entries carry a folder's fingerprint only; they yield no documents. */
  type: 'case' | 'annotations' | 'briefing' | 'statutes' | 'folder'
  caseId?: string
}

export interface SourceContent {
  docs: IndexDoc[]
  caseMeta?: { caseId: string; reference: string; title: string; statuteIds: string[] }
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return []
    throw e
  }
}

/** Runs `fn` over `items` with at most `width` in flight: enough to keep the disk busy without a flood of handles. */
export async function pool<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i])
      }
    }),
  )
  return out
}

export async function listCaseIds(root: string): Promise<string[]> {
  return (await names(join(root, layout.casesDir))).filter((n) => !n.startsWith('.'))
}

function statFp(abs: string): number | null {
  try {
    const s = statSync(abs, { bigint: true })
    return hash53(`${s.ino}:${s.size}:${s.mtimeNs}`)
  } catch {
    return null
  }
}

function namesSync(abs: string): string[] {
  try {
    return readdirSync(abs)
  } catch {
    return []
  }
}

export interface Scanned {
  ref: SourceRef
  fp: number | null
}

/**
 * Lists the sources of these cases with their fingerprints. A folder whose own
 * fingerprint is unchanged had no file added, removed or replaced (our writes
 * replace by rename, which touches the folder), so its files are taken from
 * `known` without a stat each: 1,000 cases cost 3,000 stats, not 100,000.
 * Synchronous on purpose: it runs in the search worker; `pause` lets an
 * in-process fallback yield between cases.
 */
export async function scanCases(
  root: string,
  caseIds: string[],
  known: { fps: Map<string, number>; byDir: Map<string, string[]> },
  pause: () => Promise<void>,
): Promise<Scanned[]> {
  const out: Scanned[] = []
  for (const caseId of caseIds) {
    const caseKey = layout.caseFile(caseId)
    out.push({ ref: { key: caseKey, type: 'case', caseId }, fp: statFp(join(root, caseKey)) })
    for (const [dir, type] of [
      [join(layout.casesDir, caseId, 'annotations'), 'annotations'],
      [layout.briefingsDir(caseId), 'briefing'],
    ] as const) {
      const dirKey = dir + '/'
      const dirFp = statFp(join(root, dir))
      if (dirFp !== null && dirFp === known.fps.get(dirKey)) {
        for (const key of known.byDir.get(dir) ?? [])
          out.push({ ref: { key, type, caseId }, fp: known.fps.get(key) ?? null })
      } else {
        for (const n of namesSync(join(root, dir))) {
          if (!n.endsWith('.json')) continue
          const key = join(dir, n)
          out.push({ ref: { key, type, caseId }, fp: statFp(join(root, key)) })
        }
      }
      out.push({ ref: { key: dirKey, type: 'folder', caseId }, fp: dirFp })
    }
    await pause()
  }
  return out
}

export function scanStatutes(root: string): Scanned {
  return { ref: { key: layout.statutes, type: 'statutes' }, fp: statFp(join(root, layout.statutes)) }
}

/** Known source keys grouped by folder, for `scanCases`. */
export function groupByDir(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const key of keys) {
    if (key.endsWith('/')) continue
    const i = key.lastIndexOf('/')
    const dir = key.slice(0, i)
    const list = out.get(dir)
    if (list) list.push(key)
    else out.set(dir, [key])
  }
  return out
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const arr = <T = unknown>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : [])
const tagsOf = (v: unknown) => arr<string>(v).filter((t) => typeof t === 'string')
const lines = (...parts: unknown[]) =>
  parts
    .map(str)
    .filter((p) => p.trim())
    .join('\n')

type Rec = Record<string, unknown>

export function caseDocs(file: Rec): SourceContent {
  const c = (file.case ?? {}) as Rec
  const caseId = str(c.id)
  const docs: IndexDoc[] = [
    {
      kind: 'case',
      caseId,
      id: caseId,
      title: str(c.title),
      body: lines(c.reference, c.summary, arr(c.jurisdictions).join(', ')),
      tags: tagsOf(c.tags),
      date: str(c.createdAt) || undefined,
    },
  ]
  for (const a of arr<Rec>(file.actors)) {
    docs.push({
      kind: 'actor',
      caseId,
      id: str(a.id),
      title: str(a.name),
      body: lines(a.role, a.affiliation, a.notes),
      tags: [],
    })
  }
  for (const e of arr<Rec>(file.events)) {
    docs.push({
      kind: 'event',
      caseId,
      id: str(e.id),
      title: str(e.title),
      body: lines(e.description, e.location, arr(e.sources).join('\n')),
      tags: tagsOf(e.tags),
      date: str(e.at) || undefined,
    })
  }
  for (const ev of arr<Rec>(file.evidence)) {
    const v = (ev.verification ?? {}) as Rec
    const check = (k: string) => str(((v[k] ?? {}) as Rec).reasoning)
    docs.push({
      kind: 'evidence',
      caseId,
      id: str(ev.id),
      title: str(ev.title),
      body: lines(
        ev.description,
        ev.sourceUrl,
        v.reasoning,
        check('source'),
        check('technical'),
        check('content'),
        ev.capturedBy,
      ),
      tags: tagsOf(ev.tags),
      evidenceKind: str(ev.kind) || undefined,
      verification: str(v.status) || 'unverified',
      date: str(ev.eventDate) || str(ev.capturedAt) || str(ev.publishedAt) || str(ev.createdAt) || undefined,
    })
  }
  for (const n of arr<Rec>(file.notes)) {
    docs.push({
      kind: 'note',
      caseId,
      id: str(n.id),
      title: str(n.title) || 'Note',
      body: richTextToPlain(n.body),
      tags: tagsOf(n.tags),
      date: str(n.createdAt) || undefined,
    })
  }
  return {
    docs,
    caseMeta: { caseId, reference: str(c.reference), title: str(c.title), statuteIds: arr<string>(file.statuteIds) },
  }
}

export function annotationDocs(file: Rec, caseId: string): SourceContent {
  const evidenceId = str(file.evidenceId)
  return {
    docs: arr<Rec>(file.annotations).map((a) => {
      const target = a.target as AnnotationTarget | undefined
      let where = ''
      try {
        where = target ? formatTarget(target) : ''
      } catch {
        // A target of an unknown shape only loses its label.
      }
      return {
        kind: 'annotation' as const,
        caseId,
        id: str(a.id),
        evidenceId: str(a.evidenceId) || evidenceId,
        title: where ? `Annotation at ${where}` : 'Annotation',
        body: lines(a.text, target && target.type === 'page' ? target.quote : ''),
        tags: tagsOf(a.tags),
        date: str(a.createdAt) || undefined,
      }
    }),
  }
}

export function briefingDocs(file: Rec, caseId: string): SourceContent {
  const b = (file.briefing ?? {}) as Rec
  const h = (b.header ?? {}) as Rec
  return {
    docs: [
      {
        kind: 'briefing',
        caseId,
        id: str(b.id),
        title: str(b.title),
        body: lines(h.subject, richTextToPlain(b.body), h.to, h.from),
        tags: [],
        date: str(b.updatedAt) || undefined,
      },
    ],
  }
}

export function statuteDocs(file: Rec): SourceContent {
  return {
    docs: arr<Rec>(file.excerpts).map((s) => {
      let label = ''
      try {
        label = citationLabel(s as never)
      } catch {
        label = str(s.article)
      }
      return {
        kind: 'statute' as const,
        caseId: '',
        id: str(s.id),
        title: [label, str(s.heading)].filter(Boolean).join(' — '),
        body: lines(s.instrument, s.text, s.source),
        tags: tagsOf(s.tags),
        date: str(s.createdAt) || undefined,
      }
    }),
  }
}

/** The documents of one source; a missing or unreadable file yields none (its owner reports it). */
export async function readSource(root: string, ref: SourceRef): Promise<SourceContent> {
  if (ref.type === 'folder') return { docs: [] }
  let file: Rec
  try {
    file = JSON.parse(await readFile(join(root, ref.key), 'utf8')) as Rec
  } catch {
    return { docs: [] }
  }
  if (!file || typeof file !== 'object') return { docs: [] }
  switch (ref.type) {
    case 'case':
      return caseDocs(file)
    case 'annotations':
      return annotationDocs(file, ref.caseId ?? '')
    case 'briefing':
      return briefingDocs(file, ref.caseId ?? '')
    case 'statutes':
      return statuteDocs(file)
  }
}
