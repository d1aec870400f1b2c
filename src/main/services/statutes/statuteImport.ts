/**
 * Parsers for importing statute excerpts in bulk. Both are forgiving: they keep
 * every row they can read and report, per row or line, what they could not.
 *
 * Pasted-text format (documented in the import dialog too):
 *
 *   Instrument: Vienna Convention on Consular Relations (VCCR), 1963
 *   Source: United Nations, Treaty Series, vol. 596, p. 261
 *   Jurisdiction: International
 *   Language: en
 *   Tags: consular, inviolability
 *
 *   Art. 31(2) — Inviolability of the consular premises
 *   The authorities of the receiving State shall not enter ...
 *
 *   Article 36 – Communication with nationals
 *   ...
 *
 * An instrument line starts with "Instrument:" or "#"; "(SHORT)" and a
 * four-digit year in it are picked up. Metadata lines (Source, Jurisdiction,
 * Language, Tags, Year, Short name) apply to the excerpts that follow. An
 * article line starts with "Art.", "Article", "Section", "Sec." or "§", then
 * the number, an optional "(2)(a)" pinpoint and an optional heading after a
 * dash or colon. Everything up to the next article or instrument line is the
 * exact text.
 */
import { worded } from '@shared/i18n/appError'
import type { z } from 'zod'
import { StatuteInput, type ImportProblem } from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { invalidInput, invalidInputIn } from '@shared/i18n/invalidInput'

export interface ParsedImport {
  rows: { row: number; input: z.output<typeof StatuteInput> }[]
  problems: ImportProblem[]
}

export function parseStatuteJson(content: string): ParsedImport {
  let data: unknown
  try {
    data = JSON.parse(content)
  } catch (e) {
    return { rows: [], problems: [{ row: 0, ...notJson(messageOf(e), content) }] }
  }
  // Accept a bare array, or the library file's own shape ({ excerpts: [...] }).
  const list = Array.isArray(data) ? data : (data as { excerpts?: unknown })?.excerpts
  if (!Array.isArray(list)) {
    return { rows: [], problems: [{ row: 0, ...worded('errRecords:expectedJsonArrayExcerpt') }] }
  }
  const out: ParsedImport = { rows: [], problems: [] }
  list.forEach((item, i) => {
    const parsed = StatuteInput.safeParse(normaliseJsonRow(item))
    if (parsed.success) out.rows.push({ row: i + 1, input: parsed.data })
    else out.problems.push({ row: i + 1, ...invalidInput(parsed.error) })
  })
  return out
}

/**
 * Why JSON.parse refused the text, in words each reader's language has: V8's own sentence is English
 * only, so only the place it names is kept (counted from 1, as an editor counts).
 */
function notJson(reason: string, text: string) {
  const at = /\bposition (\d+)/.exec(reason)?.[1]
  if (at !== undefined) return worded('errRecords:validJsonAt', { position: Number(at) + 1 })
  if (/end of JSON input|Unterminated/i.test(reason)) return worded('errRecords:validJsonEnds')
  // "Unexpected token ']', "[1,]" is not valid JSON": the token, not the text around it (an invisible one,
  // such as a line separator, by its code point).
  let token = /^Unexpected token '?([^]{1,4}?)'?,/.exec(reason)?.[1]
  // V8 names half of a character beyond the first 65,536 (an emoji): the whole one is the first such
  // character outside a string, since inside one it is allowed and an earlier one would have stopped it.
  if (token !== undefined && /^[\uD800-\uDBFF]$/.test(token)) token = firstOutsideStrings(text, token) ?? token
  if (token !== undefined)
    return worded('errRecords:validJsonToken', {
      token: /^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(token) ? `“${token}”` : codePoints(token),
    })
  // '"NaN" is not valid JSON', and whatever else V8 says in English only, quoting the text.
  return worded('errRecords:validJson')
}

/** The first character starting with `high` (a surrogate) that stands outside the JSON text's strings. */
function firstOutsideStrings(text: string, high: string): string | undefined {
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === high) return text.slice(i, /[\uDC00-\uDFFF]/.test(text.charAt(i + 1)) ? i + 2 : i + 1)
  }
  return undefined
}

const codePoints = (s: string) =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')

/** A person's text repeated in a message, cut to what a line holds. */
const cut = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max)}…` : s)

/** Lets people paste exports from other tools: numbers as strings, tags as one comma list, ids and stamps dropped. */
function normaliseJsonRow(item: unknown): unknown {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = item as Record<string, unknown>
  if (typeof rest.year === 'string' && /^\d{4}$/.test(rest.year.trim())) rest.year = Number(rest.year)
  if (typeof rest.article === 'number') rest.article = String(rest.article)
  if (typeof rest.paragraph === 'number') rest.paragraph = String(rest.paragraph)
  if (typeof rest.tags === 'string') rest.tags = splitTags(rest.tags)
  return rest
}

const splitTags = (s: string) =>
  s
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean)

const INSTRUMENT_RE = /^(?:instrument\s*:|#+)\s*(.+)$/i
const META_RE = /^(source|jurisdiction|language|lang|tags|year|short(?:\s*name)?)\s*:\s*(.*)$/i
const ARTICLE_RE =
  /^(?:art(?:icle)?\.?|section|sec\.|§)\s*([0-9]+[A-Za-z]*(?:[.-][0-9A-Za-z]+)*)\s*((?:\([^)]*\))*)\s*(?:[—–:-]+\s*(.*))?$/i

/** "2(a)" from "(2)(a)": the form the paragraph field and citationLabel both read. */
export function normalisePinpoint(raw: string): string {
  const parts = raw.split(/[()\s,]+/).filter(Boolean)
  return parts.length
    ? parts[0] +
        parts
          .slice(1)
          .map((p) => `(${p})`)
          .join('')
    : ''
}

interface InstrumentMeta {
  instrument: string
  shortName: string
  year?: number
  source: string
  jurisdiction: string
  language: string
  tags: string[]
}

function parseInstrumentLine(text: string): InstrumentMeta {
  let rest = text.trim()
  let year: number | undefined
  let shortName = ''
  const yearMatch = /[,(]?\s*\b(1[0-9]{3}|2[0-9]{3})\b\s*\)?\s*$/.exec(rest)
  if (yearMatch) {
    year = Number(yearMatch[1])
    rest = rest.slice(0, yearMatch.index).trim()
  }
  const shortMatch = /\(([^)]{1,40})\)\s*,?\s*$/.exec(rest)
  if (shortMatch) {
    shortName = shortMatch[1].trim()
    rest = rest.slice(0, shortMatch.index).trim()
  }
  return {
    instrument: rest.replace(/[,\s]+$/, ''),
    shortName,
    year,
    source: '',
    jurisdiction: '',
    language: 'en',
    tags: [],
  }
}

export function parseStatuteText(content: string): ParsedImport {
  const lines = content.replace(/\r\n?/g, '\n').split('\n')
  const out: ParsedImport = { rows: [], problems: [] }
  let meta: InstrumentMeta | null = null
  let current: { row: number; article: string; paragraph: string; heading: string; body: string[] } | null = null
  const ignored: number[] = []

  const flush = () => {
    if (!current) return
    const text = current.body.join('\n').replace(/^\n+|\s+$/g, '')
    const label = cut(`Art. ${current.article}${current.paragraph ? `(${current.paragraph})` : ''}`)
    if (!meta) {
      out.problems.push({
        row: current.row,
        ...worded('errRecords:comesBeforeAnyInstrument', { label }),
      })
    } else if (!text) {
      out.problems.push({ row: current.row, ...worded('errRecords:hasNoTextUnder', { label }) })
    } else {
      const parsed = StatuteInput.safeParse({
        ...meta,
        year: meta.year,
        article: current.article,
        paragraph: current.paragraph,
        heading: current.heading,
        text,
      })
      if (parsed.success) out.rows.push({ row: current.row, input: parsed.data })
      else
        out.problems.push({
          row: current.row,
          ...invalidInputIn('errRecords:labelledInvalidInput', parsed.error, { label }),
        })
    }
    current = null
  }

  lines.forEach((raw, i) => {
    const line = raw.trim()
    const n = i + 1
    const instrument = INSTRUMENT_RE.exec(line)
    if (instrument) {
      flush()
      meta = parseInstrumentLine(instrument[1])
      return
    }
    const article = ARTICLE_RE.exec(line)
    if (article) {
      flush()
      current = {
        row: n,
        article: article[1],
        paragraph: normalisePinpoint(article[2] ?? ''),
        heading: (article[3] ?? '').trim(),
        body: [],
      }
      return
    }
    if (!current && meta) {
      const m = META_RE.exec(line)
      if (m) {
        applyMeta(meta, m[1].toLowerCase(), m[2].trim(), n, out.problems)
        return
      }
    }
    if (current) {
      current.body.push(raw.replace(/\s+$/, ''))
      return
    }
    if (line) ignored.push(n)
  })
  flush()
  // One problem per run of consecutive ignored lines, so a stray paragraph is one message, not ten.
  const runs: [number, number][] = []
  for (const n of ignored) {
    const last = runs.at(-1)
    if (last && n === last[1] + 1) last[1] = n
    else runs.push([n, n])
  }
  out.problems.push(
    ...runs.map(([from, to]) => ({
      row: from,
      ...worded('errRecords:underAnyArtLine', { value: to > from ? ` (through line ${to})` : '' }),
    })),
  )
  out.problems.sort((a, b) => a.row - b.row)
  if (!out.rows.length && !out.problems.length) {
    out.problems.push({
      row: 0,
      ...worded('errRecords:nothingImportPasteInstrument'),
    })
  }
  return out
}

function applyMeta(meta: InstrumentMeta, key: string, value: string, row: number, problems: ImportProblem[]) {
  if (key === 'source') meta.source = value
  else if (key === 'jurisdiction') meta.jurisdiction = value
  else if (key === 'language' || key === 'lang') meta.language = value || 'en'
  else if (key === 'tags') meta.tags = splitTags(value)
  else if (key.startsWith('short')) meta.shortName = value
  else if (key === 'year') {
    if (/^\d{4}$/.test(value)) meta.year = Number(value)
    else problems.push({ row, ...worded('errRecords:fourDigitYear', { value: cut(value, 20) }) })
  }
}
