/**
 * Reads the XML parts of a .docx (a zip) that clearance needs, with limits: a
 * Word file from outside is untrusted input. Only the named parts are
 * inflated, each capped in size, and entries are never written anywhere.
 */
import { appError } from '@shared/i18n/appError'
import { XMLParser } from 'fast-xml-parser'
import yauzl from 'yauzl'
import { AppError } from '@shared/ipc/result'

/** A part larger than this is not a memo (and might be a zip bomb). */
const MAX_PART = 32 * 1024 * 1024
const MAX_ENTRIES = 5_000

export const DOCX_PARTS = [
  'word/document.xml',
  'word/footnotes.xml',
  'word/comments.xml',
  'word/numbering.xml',
  'docProps/custom.xml',
  'docProps/core.xml',
] as const
export type DocxPart = (typeof DOCX_PARTS)[number]

const notWord = (why: string) => appError('VALIDATION', 'errRecords:fileWordDocumentCasefile', { why })

export async function readDocxParts(bytes: Buffer): Promise<Partial<Record<DocxPart, string>>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (e, z) =>
      e ? reject(notWord(e.message)) : resolve(z!),
    ),
  )
  const wanted = new Set<string>(DOCX_PARTS)
  const out: Partial<Record<DocxPart, string>> = {}
  let entries = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(notWord(e.message)))
      zip.on('end', () => resolve())
      zip.on('entry', (entry: yauzl.Entry) => {
        if (++entries > MAX_ENTRIES) return reject(notWord('too many parts'))
        if (!wanted.has(entry.fileName)) return zip.readEntry()
        if (entry.uncompressedSize > MAX_PART) return reject(notWord(`${entry.fileName} is too large`))
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(notWord(e?.message ?? 'unreadable part'))
          const chunks: Buffer[] = []
          let size = 0
          stream.on('data', (c: Buffer) => {
            size += c.length
            if (size > MAX_PART) stream.destroy(notWord(`${entry.fileName} is too large`))
            else chunks.push(c)
          })
          stream.on('error', (err) => reject(err instanceof AppError ? err : notWord(err.message)))
          stream.on('end', () => {
            const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
            out[entry.fileName as DocxPart] = text
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
  if (!out['word/document.xml']) throw notWord('it has no word/document.xml')
  return out
}

/** An XML node in document order: `{ 'w:p': [...children], ':@': { '@w:id': '3' } }`. */
export type XNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
})

export function parseXml(xml: string): XNode[] {
  return parser.parse(xml) as XNode[]
}

/** The element name of a node (its one key that is not ':@' or '#text'). */
export const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? ''
export const kids = (n: XNode): XNode[] => {
  const v = n[tagOf(n)]
  return Array.isArray(v) ? (v as XNode[]) : []
}
export const attr = (n: XNode, name: string): string | undefined => n[':@']?.[`@${name}`]

/** The first descendant (depth first) with this tag. */
export function find(nodes: XNode[], tag: string): XNode | undefined {
  const stack = [...nodes].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (tagOf(n) === tag) return n
    stack.push(...[...kids(n)].reverse())
  }
  return undefined
}

/** All text (w:t, w:delText excluded) below these nodes, in order. */
export function textOf(nodes: XNode[]): string {
  let out = ''
  const stack = [...nodes].reverse()
  while (stack.length) {
    const n = stack.pop()!
    const tag = tagOf(n)
    if (tag === '#text') out += String(n['#text'] ?? '')
    else if (tag === 'w:tab') out += '\t'
    else if (tag === 'w:br') out += '\n'
    else if (tag !== 'w:delText' && tag !== 'w:del' && tag !== 'w:instrText') stack.push(...[...kids(n)].reverse())
  }
  return out
}
