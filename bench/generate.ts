/**
 * A synthetic workspace in the real stored format, reproducible from a seed:
 *
 *   node --import tsx bench/generate.ts --out DIR [--scale full|small] [--seed N]
 *
 * full: 1,000 cases, 100,000 evidence items, 500,000 annotations (50,000 of them
 * on one video of one large case, stored as annotation chunks), 10,000 statute
 * excerpts, Spanish and English text with accents. Files are written directly
 * (not through the services) so it takes seconds, not hours; `casefile check`
 * validates the result against the same zod schemas.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import {
  Annotation,
  CURRENT_SCHEMA_VERSION,
  EVIDENCE_KINDS,
  EvidenceItem,
  VERIFICATION_STATUSES,
  toCaseSummary,
  type Case,
  type StatuteExcerpt,
} from '@shared/domain'
import { chunkFile, DEFAULT_CHUNK_SIZE } from '@main/storage/chunkedCollection'
import { pool } from '@main/services/search/sources'

export interface Scale {
  cases: number
  evidencePerCase: number
  annotations: number
  statutes: number
  bigCaseAnnotations: number
}
export const SCALES: Record<'full' | 'small', Scale> = {
  full: { cases: 1_000, evidencePerCase: 100, annotations: 500_000, statutes: 10_000, bigCaseAnnotations: 50_000 },
  small: { cases: 20, evidencePerCase: 50, annotations: 5_000, statutes: 200, bigCaseAnnotations: 2_000 },
}

/** mulberry32: tiny, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
  }
}

const EN = (
  'the embassy consulate ministry officer agent staff door entrance premises protest note video footage witness statement ' +
  'immigration enforcement operation border federal minister ambassador delegation diplomatic consular inviolability ' +
  'convention article treaty protocol security incident report bulletin press release verified source account timeline ' +
  'evidence document photograph recording interview agreement request explanation guarantee repetition hearing court ' +
  'sovereignty jurisdiction territory nationals detention passport visa asylum refugee mission envoy summit negotiation'
).split(' ')
const ES = (
  'la cancillería embajada consulado ministerio funcionario agente personal puerta entrada sede nota de protesta vídeo ' +
  'grabación testigo declaración migración operativo frontera federal ministra embajador delegación diplomática consular ' +
  'inviolabilidad convención artículo tratado protocolo seguridad incidente informe boletín comunicado verificación fuente ' +
  'cuenta cronología prueba documento fotografía entrevista acuerdo solicitud explicación garantía repetición audiencia ' +
  'tribunal soberanía jurisdicción territorio nacionales detención pasaporte visado asilo refugiado misión enviado cumbre ' +
  'negociación según información país región ciudad quito bogotá méxico lima panamá ecuador perú españa'
).split(' ')
const PLACES = [
  'Minneapolis',
  'Quito',
  'Bogotá',
  'Ciudad de México',
  'Lima',
  'Madrid',
  'Washington',
  'Panamá',
  'Houston',
  'Guayaquil',
]
const ZONES = [
  'America/Chicago',
  'America/Guayaquil',
  'America/Bogota',
  'America/Mexico_City',
  'America/Lima',
  'Europe/Madrid',
  'America/New_York',
]
const TAGS = [
  'VCCR',
  'protesta',
  'protest note',
  'consular premises',
  'inmigración',
  'detención',
  'press',
  'urgent',
  'seguimiento',
  'verificación',
]
const INSTRUMENTS = [
  ['Vienna Convention on Consular Relations', 1963],
  ['Vienna Convention on Diplomatic Relations', 1961],
  ['Convención de Viena sobre Relaciones Consulares', 1963],
  ['Convención Americana sobre Derechos Humanos', 1969],
  ['International Covenant on Civil and Political Rights', 1966],
] as const

type Rng = ReturnType<typeof prng>

// Real case files are full of rare words (names, places, operation code names) that
// occur in a handful of documents; these make tens of thousands of such words.
const SYLLABLES = [
  'ta',
  'ma',
  'zu',
  'li',
  'qui',
  'ñe',
  'ro',
  'ca',
  'mí',
  'to',
  'pa',
  'hu',
  'xo',
  'la',
  'ré',
  'ny',
  'ko',
  'sa',
  'ti',
  'bo',
  'gua',
  'ya',
  'có',
  'de',
]
export function rareWord(n: number): string {
  let w = ''
  for (let x = n + 7; w.length < 6 || x > 0; x = Math.floor(x / SYLLABLES.length)) w += SYLLABLES[x % SYLLABLES.length]
  return w[0].toUpperCase() + w.slice(1)
}

function sentence(r: Rng, words: number): string {
  const lang = r.next() < 0.5 ? EN : ES
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(lang[r.int(lang.length)])
  const s = out.join(' ')
  return s[0].toUpperCase() + s.slice(1) + '.'
}
const text = (r: Rng, sentences: number, words = 12) =>
  Array.from({ length: sentences }, () => sentence(r, words)).join(' ')
const iso = (ms: number) => new Date(ms).toISOString()
const tagsFor = (r: Rng) => (r.next() < 0.4 ? [r.pick(TAGS)] : [])
const BASE = Date.UTC(2020, 0, 1)
const SPAN = 6 * 365 * 86_400_000

function annotation(r: Rng, id: string, evidenceId: string, kind: string, i: number): Annotation {
  const at = iso(BASE + r.int(SPAN))
  const target: Annotation['target'] =
    kind === 'video' || kind === 'audio'
      ? { type: 'time', start: i * 2, end: i * 2 + 1 + r.int(5) }
      : kind === 'document'
        ? { type: 'page', page: 1 + r.int(40), quote: '' }
        : { type: 'region', x: 0.1, y: 0.1, width: 0.3, height: 0.2 }
  // Through the schema, so its defaults fill what the generator does not choose.
  return Annotation.parse({
    id,
    evidenceId,
    target,
    text: text(r, 1, 8 + r.int(8)),
    tags: tagsFor(r),
    createdAt: at,
    updatedAt: at,
  })
}

const annotationsFile = (evidenceId: string, annotations: Annotation[]) =>
  JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, evidenceId, annotations })

export async function generate(
  out: string,
  scaleName: 'full' | 'small' = 'full',
  seed = 20260127,
): Promise<{ bigCaseId: string; bigEvidenceId: string }> {
  const scale = SCALES[scaleName]
  const r = prng(seed)
  await rm(out, { recursive: true, force: true })
  await mkdir(join(out, 'cases'), { recursive: true })
  const created = iso(BASE)

  const statutes: StatuteExcerpt[] = Array.from({ length: scale.statutes }, (_, i) => {
    const [instrument, year] = r.pick(INSTRUMENTS)
    return {
      id: `st_${i}`,
      instrument,
      shortName: '',
      year,
      article: String(1 + r.int(80)),
      paragraph: r.next() < 0.5 ? String(1 + r.int(4)) : '',
      heading: sentence(r, 4).slice(0, -1),
      text: text(r, 4, 14),
      source: 'United Nations Treaty Series',
      jurisdiction: 'International',
      language: instrument.startsWith('Conv') ? 'es' : 'en',
      tags: tagsFor(r),
      createdAt: created,
      updatedAt: created,
    }
  })
  await writeFile(
    join(out, 'statutes.json'),
    JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, excerpts: statutes }),
  )

  // Annotations left for the ordinary cases once the large case has its share.
  const perEvidence = (scale.annotations - scale.bigCaseAnnotations) / ((scale.cases - 1) * scale.evidencePerCase)
  const bigCaseId = 'case_0000'
  const bigEvidenceId = 'ev_0000_000'
  const summaries: ReturnType<typeof toCaseSummary>[] = []
  const caseIndexes = Array.from({ length: scale.cases }, (_, i) => i)

  await pool(caseIndexes, 8, async (ci) => {
    const cr = prng(seed + ci * 7919)
    const caseId = `case_${String(ci).padStart(4, '0')}`
    const dir = join(out, 'cases', caseId)
    await mkdir(join(dir, 'annotations'), { recursive: true })
    await mkdir(join(dir, 'briefings'), { recursive: true })
    const start = BASE + cr.int(SPAN)
    const codename = rareWord(ci * 131)
    const c: Case = {
      id: caseId,
      title: `${cr.pick(['Incidente', 'Incident', 'Protesta', 'Protest', 'Detención', 'Detention'])} ${cr.pick(PLACES)} ${ci}`,
      reference: `CF-${2020 + cr.int(7)}-${String(ci).padStart(4, '0')}`,
      summary: `${cr.pick(['Operation', 'Operación'])} ${codename}. ${text(cr, 4)}`,
      status: cr.pick(['open', 'monitoring', 'closed', 'archived'] as const),
      classification: cr.pick(['UNCLASSIFIED', 'SENSITIVE BUT UNCLASSIFIED', 'CONFIDENTIAL']),
      jurisdictions: [cr.pick(PLACES)],
      tags: tagsFor(cr),
      createdAt: iso(start),
      updatedAt: iso(start + 86_400_000),
    }
    summaries[ci] = toCaseSummary(c)
    const actors = Array.from({ length: 5 }, (_, i) => ({
      id: `actor_${ci}_${i}`,
      name: `${cr.pick(['María', 'José', 'Ángel', 'John', 'Sarah', 'Inés', 'Andrés'])} ${cr.pick(['Pérez', 'Núñez', 'Smith', 'Gómez', 'Brown', 'Ibáñez'])} ${rareWord(ci * 7 + i + 500_000)}`,
      role: sentence(cr, 4),
      affiliation: cr.pick(['Cancillería', 'Embassy', 'Consulado', 'DHS', 'Ministerio del Interior']),
      notes: '',
    }))
    const events = Array.from({ length: 20 }, (_, i) => ({
      id: `event_${ci}_${i}`,
      at: iso(start + i * 3_600_000),
      tz: cr.pick(ZONES),
      precision: cr.pick(['exact', 'approximate', 'day'] as const),
      title: sentence(cr, 8),
      description: text(cr, 2),
      location: cr.pick(PLACES),
      actorIds: [actors[cr.int(5)].id],
      evidenceIds: [],
      sources: [],
      tags: tagsFor(cr),
    }))
    const evidence: EvidenceItem[] = Array.from({ length: scale.evidencePerCase }, (_, i) => {
      const kind = ci === 0 && i === 0 ? 'video' : cr.pick(EVIDENCE_KINDS)
      const status = cr.pick(VERIFICATION_STATUSES)
      return EvidenceItem.parse({
        id: `ev_${String(ci).padStart(4, '0')}_${String(i).padStart(3, '0')}`,
        kind,
        title: sentence(cr, 6).slice(0, -1),
        description: `${text(cr, 2)} ${cr.pick(['Source', 'Fuente'])}: ${rareWord(ci * 977 + i * 3 + 1_000_000)}.`,
        sourceUrl: cr.next() < 0.5 ? `https://example.org/${cr.pick(['noticias', 'news', 'boletin'])}/${ci}-${i}` : '',
        capturedBy: '',
        eventDate: iso(start + cr.int(86_400_000)),
        verification: {
          status,
          reasoning: status === 'unverified' ? '' : sentence(cr, 12),
          source: { status: 'unverified', reasoning: '' },
          technical: { status: 'unverified', reasoning: '' },
          content: { status: 'unverified', reasoning: '' },
        },
        tags: tagsFor(cr),
        createdAt: iso(start),
        updatedAt: iso(start),
      })
    })
    const notes = [
      {
        id: `note_${ci}`,
        title: 'Notas de seguimiento',
        body: {
          type: 'doc' as const,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: text(cr, 3) }] }],
        },
        tags: [],
        createdAt: iso(start),
        updatedAt: iso(start),
      },
    ]
    const statuteIds = Array.from({ length: 3 }, () => `st_${cr.int(scale.statutes)}`)
    await writeFile(
      join(dir, 'case.json'),
      JSON.stringify({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        case: c,
        actors,
        events,
        evidence,
        notes,
        statuteIds: [...new Set(statuteIds)],
      }),
    )
    const briefing = {
      id: `brief_${ci}`,
      title: `Nota informativa ${c.reference}`,
      template: 'briefing memo',
      header: {
        to: 'Minister',
        from: 'Desk officer',
        date: '',
        subject: sentence(cr, 6),
        reference: c.reference,
        classification: c.classification,
      },
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: text(cr, 5) }] }] },
      status: 'draft',
      exports: [],
      createdAt: iso(start),
      updatedAt: iso(start),
    }
    await writeFile(
      join(dir, 'briefings', `${briefing.id}.json`),
      JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, briefing }),
    )

    // Annotation files: one per annotated item; the large case's video is split into chunks.
    const files: [string, string][] = []
    let carry = 0
    for (const ev of evidence) {
      if (ci === 0 && ev.id === bigEvidenceId) {
        const all = Array.from({ length: scale.bigCaseAnnotations }, (_, k) =>
          annotation(cr, `ann_big_${k}`, ev.id, ev.kind, k),
        )
        for (let n = 0; n * DEFAULT_CHUNK_SIZE < all.length; n++) {
          const part = all.slice(n * DEFAULT_CHUNK_SIZE, (n + 1) * DEFAULT_CHUNK_SIZE)
          files.push([
            join(out, chunkFile(join('cases', caseId, 'annotations'), ev.id, n)),
            annotationsFile(ev.id, part),
          ])
        }
        continue
      }
      if (ci === 0) continue
      carry += perEvidence
      const count = Math.floor(carry)
      carry -= count
      if (!count) continue
      const list = Array.from({ length: count }, (_, k) =>
        annotation(cr, `ann_${ev.id.slice(3)}_${k}`, ev.id, ev.kind, k),
      )
      files.push([join(dir, 'annotations', `${ev.id}.json`), annotationsFile(ev.id, list)])
    }
    await pool(files, 16, ([path, data]) => writeFile(path, data))
  })

  await writeFile(
    join(out, 'workspace.json'),
    JSON.stringify({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      name: `Synthetic workspace (${scaleName})`,
      createdAt: created,
      userName: 'bench',
      cases: summaries,
    }),
  )
  return { bigCaseId, bigEvidenceId }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, scale: { type: 'string', default: 'full' }, seed: { type: 'string' } },
  })
  if (!values.out || (values.scale !== 'full' && values.scale !== 'small')) {
    console.error('usage: node --import tsx bench/generate.ts --out DIR [--scale full|small] [--seed N]')
    process.exit(2)
  }
  const t0 = performance.now()
  await generate(values.out, values.scale, values.seed ? Number(values.seed) : undefined)
  console.log(
    `generated ${values.scale} workspace in ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
}
