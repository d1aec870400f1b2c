/**
 * Rewrites pdfkit's output with its small objects packed into one compressed
 * object stream and a compressed cross-reference stream (PDF 1.5). pdfkit writes
 * PDF 1.3: every page, annotation, outline item and font dictionary as plain
 * text with its own xref line; on a 100-page memo that was a fifth of the file.
 * Stream objects (page content, fonts) are copied byte for byte.
 *
 * It relies only on what pdfkit's writer guarantees: objects "N 0 obj ... endobj"
 * at the offsets its xref table gives, literal strings with newlines escaped (so
 * "\nstream\n" only ever starts a stream), and a classic trailer.
 */
import { deflateSync } from 'node:zlib'

interface Parsed {
  offsets: number[]
  trailer: string
  xrefAt: number
}

function parse(s: string): Parsed {
  const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)?.[1] ?? NaN)
  if (!Number.isInteger(xrefAt) || !s.startsWith('xref', xrefAt)) throw new Error('pack: no classic xref table')
  const lines = s.slice(xrefAt, s.indexOf('trailer', xrefAt)).split('\n')
  const [first, count] = lines[1].split(' ').map(Number)
  if (first !== 0) throw new Error('pack: unexpected xref subsection')
  const offsets: number[] = []
  for (let i = 0; i < count; i++) {
    const [off, gen, kind] = lines[2 + i].trim().split(' ')
    if (i > 0 && (kind !== 'n' || gen !== '00000')) throw new Error('pack: unexpected xref entry')
    offsets.push(Number(off))
  }
  const trailer = s.slice(s.indexOf('trailer', xrefAt) + 7, s.lastIndexOf('startxref'))
  return { offsets, trailer, xrefAt }
}

const entry = (type: number, a: number, b: number) =>
  Buffer.from([type, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255])

export function packPdf(pdf: Buffer): Buffer {
  const s = pdf.toString('latin1')
  const { offsets, trailer, xrefAt } = parse(s)
  const root = /\/Root (\d+ 0 R)/.exec(trailer)?.[1]
  const info = /\/Info (\d+ 0 R)/.exec(trailer)?.[1]
  const id = /\/ID (\[[^\]]*\])/.exec(trailer)?.[1]
  if (!root) throw new Error('pack: trailer without /Root')

  const size = offsets.length
  const order = offsets.map((off, i) => ({ i, off })).filter((o) => o.i > 0)
  order.sort((a, b) => a.off - b.off)

  const out: Buffer[] = [Buffer.from('%PDF-1.5\n%\xff\xff\xff\xff\n', 'latin1')]
  let pos = out[0].length
  const newOffset = new Array<number>(size).fill(0)
  const packed: { i: number; body: string }[] = []
  order.forEach(({ i, off }, k) => {
    const end = k + 1 < order.length ? order[k + 1].off : xrefAt
    const text = s.slice(off, end)
    const head = `${i} 0 obj\n`
    if (!text.startsWith(head)) throw new Error(`pack: object ${i} not where the xref says`)
    if (text.includes('\nstream\n')) {
      newOffset[i] = pos
      const bytes = pdf.subarray(off, end)
      out.push(bytes)
      pos += bytes.length
    } else {
      const body = text.slice(head.length, text.lastIndexOf('endobj')).trim()
      packed.push({ i, body })
    }
  })

  const objStmId = size
  const xrefId = size + 1
  const index = new Map<number, number>()
  let header = ''
  let bodies = ''
  packed.forEach(({ i, body }, n) => {
    index.set(i, n)
    header += `${i} ${bodies.length} `
    bodies += `${body}\n`
  })
  const objData = deflateSync(Buffer.from(header + bodies, 'latin1'))
  const objStm = Buffer.concat([
    Buffer.from(
      `${objStmId} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${objData.length} >>\nstream\n`,
      'latin1',
    ),
    objData,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ])
  newOffset[objStmId] = pos
  out.push(objStm)
  pos += objStm.length

  const rows: Buffer[] = [entry(0, 0, 0xffff)]
  for (let i = 1; i < size; i++) rows.push(index.has(i) ? entry(2, objStmId, index.get(i)!) : entry(1, newOffset[i], 0))
  rows.push(entry(1, newOffset[objStmId], 0), entry(1, pos, 0))
  const xrefData = deflateSync(Buffer.concat(rows))
  const dict = [
    `/Type /XRef /Size ${size + 2} /W [1 4 2] /Root ${root}`,
    info ? `/Info ${info}` : '',
    id ? `/ID ${id}` : '',
    `/Filter /FlateDecode /Length ${xrefData.length}`,
  ]
  out.push(
    Buffer.from(`${xrefId} 0 obj\n<< ${dict.filter(Boolean).join(' ')} >>\nstream\n`, 'latin1'),
    xrefData,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${pos}\n%%EOF\n`, 'latin1'),
  )
  return Buffer.concat(out)
}
