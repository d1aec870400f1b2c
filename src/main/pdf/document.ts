/**
 * A pdfkit document set up the way every Casefile PDF is: A4, our fonts, buffered
 * pages (furniture is drawn last), compressed and packed, with fixed dates and id
 * in deterministic mode.
 */
import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import { loadFonts, type FontKey, type LoadedFont } from './fonts'
import { packPdf } from './pack'
import { pdfText } from './safety'

/** The dates a deterministic export carries: fixed, so they cannot make two runs differ. */
export const DETERMINISTIC_DATE = new Date('2000-01-01T00:00:00.000Z')

export interface PdfInfo {
  title: string
  author: string
  subject: string
  keywords: string
}

export interface OpenedPdf {
  doc: PDFKit.PDFDocument
  fonts: Record<FontKey, LoadedFont>
  fontNames: Record<FontKey, string>
  /** Ends the document and returns its (packed) bytes. */
  finish(): Promise<Buffer>
}

/**
 * `identity`: in deterministic mode the document id is a digest of it (what the
 * document shows), so it stays fixed across runs and still differs between documents.
 */
export function openPdf(info: PdfInfo, opts: { date: Date; deterministic?: boolean; identity?: string }): OpenedPdf {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    compress: true,
    info: {
      Title: pdfText(info.title) as never,
      Author: pdfText(info.author) as never,
      Subject: pdfText(info.subject) as never,
      Keywords: pdfText(info.keywords) as never,
      Creator: pdfText('Casefile') as never,
      Producer: pdfText('Casefile (PDFKit)') as never,
      CreationDate: opts.date,
      ModDate: opts.date,
    },
  })
  if (opts.deterministic && opts.identity !== undefined) {
    // pdfkit derives /ID from the info dictionary and the time.
    const digest = createHash('sha256').update(opts.identity).digest()
    ;(doc as unknown as { _id: Uint8Array })._id = new Uint8Array(digest.subarray(0, 16))
  }
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  const fonts = loadFonts()
  const fontNames = {} as Record<FontKey, string>
  for (const [key, f] of Object.entries(fonts) as [FontKey, LoadedFont][]) {
    doc.registerFont(key, f.font as never)
    fontNames[key] = key
  }
  return {
    doc,
    fonts,
    fontNames,
    async finish() {
      doc.end()
      await ended
      const plain = Buffer.concat(chunks)
      try {
        return packPdf(plain)
      } catch {
        // Packing only saves space; pdfkit's own file is valid, so a surprise in its layout must not fail the
        // export. The tests check the version (1.5) so such a surprise does not go unnoticed.
        return plain
      }
    },
  }
}
