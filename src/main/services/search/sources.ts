/**
 * The files the index is built from, and the documents each one yields. Each
 * file is found and read (read-only, validated against its schema) through the
 * module of the service that owns it, so the indexer can run in a worker thread
 * beside the services and still see exactly what they would.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  citationLabel,
  FACT_LABELS,
  formatFactValue,
  formatTarget,
  richTextToPlain,
  type AnnotationsFile,
  type BriefingFile,
  type CaseFile,
  type StatuteLibraryFile,
} from '@shared/domain'
import { annotationsDir, readAnnotationsFile } from '../annotations/annotationFiles'
import { briefingsDir, readBriefingFile } from '../briefings/briefingFiles'
import { caseFilePath, caseFolders, readCaseFile } from '../cases/caseFiles'
import { readStatuteLibrary, STATUTES_FILE } from '../statutes/statuteLibrary'
import type { IndexDoc } from './engine'
import { hash53 } from './persist'

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

export const listCaseIds = (root: string): Promise<string[]> => caseFolders(root)

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
    const caseKey = caseFilePath(caseId)
    out.push({ ref: { key: caseKey, type: 'case', caseId }, fp: statFp(join(root, caseKey)) })
    for (const [dir, type] of [
      [annotationsDir(caseId), 'annotations'],
      [briefingsDir(caseId), 'briefing'],
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
  return { ref: { key: STATUTES_FILE, type: 'statutes' }, fp: statFp(join(root, STATUTES_FILE)) }
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

const lines = (...parts: (string | undefined)[]) => parts.filter((p): p is string => !!p?.trim()).join('\n')

/**
 * What the examination of an item's file found, as searchable text: each fact
 * ("Device make Casefile Cam"), the Content Credentials' signers and tools, the
 * warnings' codes. Numbers of format (width, bit rate) are left out: nobody searches for them.
 */
function examinationText(a: CaseFile['evidence'][number]['analysis']): string {
  if (!a) return ''
  const facts = a.metadata.facts
    .filter((f) => typeof f.value === 'string' || f.name === 'latitude' || f.name === 'longitude')
    .map((f) => `${FACT_LABELS[f.name]} ${formatFactValue(f)}`)
  const c2pa = a.c2pa.manifests.flatMap((m) => [m.signer, m.tool, ...m.actions.map((x) => x.softwareAgent)])
  return lines(
    ...facts,
    a.c2pa.status !== 'absent' ? `Content Credentials ${a.c2pa.status}` : '',
    ...c2pa,
    ...a.warnings.map((w) => w.code),
  )
}

export function caseDocs(file: CaseFile): SourceContent {
  const c = file.case
  const caseId = c.id
  const docs: IndexDoc[] = [
    {
      kind: 'case',
      caseId,
      id: caseId,
      title: c.title,
      body: lines(c.reference, c.summary, c.jurisdictions.join(', ')),
      tags: c.tags,
      date: c.createdAt,
    },
  ]
  for (const a of file.actors) {
    docs.push({ kind: 'actor', caseId, id: a.id, title: a.name, body: lines(a.role, a.affiliation, a.notes), tags: [] })
  }
  for (const e of file.events) {
    docs.push({
      kind: 'event',
      caseId,
      id: e.id,
      title: e.title,
      body: lines(e.description, e.location, e.sources.join('\n')),
      tags: e.tags,
      date: e.at,
    })
  }
  for (const ev of file.evidence) {
    const v = ev.verification
    docs.push({
      kind: 'evidence',
      caseId,
      id: ev.id,
      title: ev.title,
      body: lines(
        ev.description,
        ev.sourceUrl,
        v.reasoning,
        v.source.reasoning,
        v.technical.reasoning,
        v.content.reasoning,
        ev.capturedBy,
        examinationText(ev.analysis),
      ),
      tags: ev.tags,
      evidenceKind: ev.kind,
      verification: v.status,
      date: ev.eventDate || ev.capturedAt || ev.publishedAt || ev.createdAt,
    })
  }
  for (const n of file.notes) {
    docs.push({
      kind: 'note',
      caseId,
      id: n.id,
      title: n.title || 'Note',
      body: richTextToPlain(n.body),
      tags: n.tags,
      date: n.createdAt,
    })
  }
  return {
    docs,
    caseMeta: { caseId, reference: c.reference, title: c.title, statuteIds: file.statuteIds },
  }
}

export function annotationDocs(file: AnnotationsFile, caseId: string): SourceContent {
  return {
    docs: file.annotations.map((a) => ({
      kind: 'annotation' as const,
      caseId,
      id: a.id,
      evidenceId: a.evidenceId || file.evidenceId,
      title: `Annotation at ${formatTarget(a.target)}`,
      body: lines(a.text, a.target.type === 'page' ? a.target.quote : ''),
      tags: a.tags,
      date: a.createdAt,
    })),
  }
}

export function briefingDocs(file: BriefingFile, caseId: string): SourceContent {
  const b = file.briefing
  const h = b.header
  return {
    docs: [
      {
        kind: 'briefing',
        caseId,
        id: b.id,
        title: b.title,
        body: lines(h.subject, richTextToPlain(b.body), h.to, h.from),
        tags: [],
        date: b.updatedAt,
      },
    ],
  }
}

export function statuteDocs(file: StatuteLibraryFile): SourceContent {
  return {
    docs: file.excerpts.map((s) => ({
      kind: 'statute' as const,
      caseId: '',
      id: s.id,
      title: [citationLabel(s), s.heading].filter(Boolean).join(' — '),
      body: lines(s.instrument, s.text, s.source),
      tags: s.tags,
      date: s.createdAt,
    })),
  }
}

/** The documents of one source; a missing or damaged file yields none (its owner reports it). */
export async function readSource(root: string, ref: SourceRef): Promise<SourceContent> {
  const none = { docs: [] }
  switch (ref.type) {
    case 'folder':
      return none
    case 'case': {
      const file = await readCaseFile(root, ref.caseId ?? '')
      return file ? caseDocs(file) : none
    }
    case 'annotations': {
      const file = await readAnnotationsFile(root, ref.key)
      return file ? annotationDocs(file, ref.caseId ?? '') : none
    }
    case 'briefing': {
      const file = await readBriefingFile(root, ref.key)
      return file ? briefingDocs(file, ref.caseId ?? '') : none
    }
    case 'statutes': {
      const file = await readStatuteLibrary(root)
      return file ? statuteDocs(file) : none
    }
  }
}
