/** PDF documents: the Info dictionary through pdf-lib (never saved, so nothing is rewritten). */
import { PDFDocument } from 'pdf-lib'
import type { FileSource } from '../fileSource'
import { FactList, instantFact } from './facts'

export const PDFLIB = 'pdf-lib 1.17.1'

/** pdf-lib parses the whole file in memory: larger documents are not read. */
export const PDF_READ_LIMIT = 256 * 1024 * 1024

export async function readPdf(src: FileSource): Promise<FactList> {
  const size = src.size
  if (size > PDF_READ_LIMIT)
    throw new Error(`the PDF is ${Math.round(size / 1e6)} MB; the reader stops at ${PDF_READ_LIMIT / 1024 / 1024} MiB`)
  const doc = await PDFDocument.load(await src.all(), {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
  })
  const f = new FactList('pdf-lib')
  f.time('createTime', instantFact(doc.getCreationDate()), 'Info /CreationDate')
  f.time('modifyTime', instantFact(doc.getModificationDate()), 'Info /ModDate')
  f.add('author', doc.getAuthor(), 'Info /Author')
  f.add('title', doc.getTitle(), 'Info /Title')
  f.add('creatorTool', doc.getCreator(), 'Info /Creator')
  f.add('producer', doc.getProducer(), 'Info /Producer')
  f.num('pages', doc.getPageCount(), 'page tree /Count')
  return f
}
