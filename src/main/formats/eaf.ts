/**
 * ELAN's Annotation Format (EAF 3.0), so a linguist can open an item's tiers in
 * ELAN, and tiers made in ELAN can come in. Time slots in milliseconds; each
 * tier time-alignable, of one linguistic type.
 */
import { XMLParser } from 'fast-xml-parser'
import type { Cue, CueProblem, ParsedCues } from './cues'

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 has no place for other control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')

export interface EafMedia {
  /** The file name of the media (ELAN finds it beside the .eaf). */
  name: string
  mediaType: string
}

/** Tier names in the order given, then any others the cues use, in order of first use. */
export function toEaf(cues: Cue[], tiers: string[], media: EafMedia, author: string, date: Date): string {
  const order = [...new Set([...tiers, ...cues.map((c) => c.tier)])]
  const slots: string[] = []
  const byTier = new Map<string, string[]>(order.map((t) => [t, []]))
  cues.forEach((c, i) => {
    const a = slots.length + 1
    slots.push(`    <TIME_SLOT TIME_SLOT_ID="ts${a}" TIME_VALUE="${Math.round(c.start * 1000)}"/>`)
    slots.push(`    <TIME_SLOT TIME_SLOT_ID="ts${a + 1}" TIME_VALUE="${Math.round(c.end * 1000)}"/>`)
    byTier
      .get(c.tier)!
      .push(
        [
          '    <ANNOTATION>',
          `      <ALIGNABLE_ANNOTATION ANNOTATION_ID="a${i + 1}" TIME_SLOT_REF1="ts${a}" TIME_SLOT_REF2="ts${a + 1}">`,
          `        <ANNOTATION_VALUE>${esc(c.text)}</ANNOTATION_VALUE>`,
          '      </ALIGNABLE_ANNOTATION>',
          '    </ANNOTATION>',
        ].join('\n'),
      )
  })
  const tierXml = order.map((t) => {
    const anns = byTier.get(t)!
    const open = `  <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="${esc(t || 'default')}">`
    return anns.length ? `${open}\n${anns.join('\n')}\n  </TIER>` : `${open.slice(0, -1)}/>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ANNOTATION_DOCUMENT AUTHOR="${esc(author)}" DATE="${date.toISOString().replace(/\.\d{3}Z$/, '+00:00')}" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">`,
    '  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">',
    `    <MEDIA_DESCRIPTOR MEDIA_URL="file:///${esc(encodeURIComponent(media.name))}" MIME_TYPE="${esc(media.mediaType)}" RELATIVE_MEDIA_URL="./${esc(encodeURIComponent(media.name))}"/>`,
    `    <PROPERTY NAME="lastUsedAnnotationId">${cues.length}</PROPERTY>`,
    '  </HEADER>',
    slots.length ? `  <TIME_ORDER>\n${slots.join('\n')}\n  </TIME_ORDER>` : '  <TIME_ORDER/>',
    ...tierXml,
    '  <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>',
    '  <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation\'s time interval, no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>',
    '  <CONSTRAINT DESCRIPTION="Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered" STEREOTYPE="Symbolic_Subdivision"/>',
    '  <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>',
    '  <CONSTRAINT DESCRIPTION="Time alignable annotations within the parent annotation\'s time interval, gaps are allowed" STEREOTYPE="Included_In"/>',
    '</ANNOTATION_DOCUMENT>',
    '',
  ].join('\n')
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

type Node = Record<string, unknown>

/**
 * The time-aligned annotations of every tier (or only `onlyTier`). Reference
 * annotations (ELAN's symbolic tiers) take the times of the annotation they refer to.
 */
export function fromEaf(xml: string, onlyTier?: string): ParsedCues {
  const problems: CueProblem[] = []
  let doc: Node
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: true,
      htmlEntities: false,
    }).parse(xml) as Node
  } catch (e) {
    return { cues: [], problems: [{ line: 0, message: `Not an XML file: ${(e as Error).message}` }] }
  }
  const root = doc.ANNOTATION_DOCUMENT as Node | undefined
  if (!root) return { cues: [], problems: [{ line: 0, message: 'Not an ELAN file (no ANNOTATION_DOCUMENT).' }] }
  const ms = new Map<string, number>()
  for (const s of asArray((root.TIME_ORDER as Node | undefined)?.TIME_SLOT as Node | Node[])) {
    const v = Number(s['@TIME_VALUE'])
    if (s['@TIME_SLOT_ID'] && Number.isFinite(v)) ms.set(String(s['@TIME_SLOT_ID']), v)
  }
  const aligned = new Map<string, { start: number; end: number }>()
  const cues: Cue[] = []
  const refs: { tier: string; ref: string; text: string }[] = []
  for (const tier of asArray(root.TIER as Node | Node[])) {
    const name = String(tier['@TIER_ID'] ?? '')
    if (onlyTier !== undefined && name !== onlyTier) continue
    for (const ann of asArray(tier.ANNOTATION as Node | Node[])) {
      const a = ann.ALIGNABLE_ANNOTATION as Node | undefined
      const r = ann.REF_ANNOTATION as Node | undefined
      const value = (x: Node) => {
        const v = x.ANNOTATION_VALUE
        return typeof v === 'string' ? v : typeof v === 'object' && v ? String((v as Node)['#text'] ?? '') : ''
      }
      if (a) {
        const start = ms.get(String(a['@TIME_SLOT_REF1']))
        const end = ms.get(String(a['@TIME_SLOT_REF2']))
        if (start === undefined || end === undefined || end < start) {
          problems.push({
            line: 0,
            message: `Annotation ${String(a['@ANNOTATION_ID'])} on tier "${name}" has no usable time.`,
          })
          continue
        }
        aligned.set(String(a['@ANNOTATION_ID']), { start: start / 1000, end: end / 1000 })
        cues.push({ tier: name, start: start / 1000, end: end / 1000, text: value(a) })
      } else if (r) refs.push({ tier: name, ref: String(r['@ANNOTATION_REF']), text: value(r) })
    }
  }
  for (const r of refs) {
    const t = aligned.get(r.ref)
    if (t) cues.push({ tier: r.tier, ...t, text: r.text })
    else
      problems.push({ line: 0, message: `A reference annotation on tier "${r.tier}" points at nothing with a time.` })
  }
  return { cues, problems }
}
