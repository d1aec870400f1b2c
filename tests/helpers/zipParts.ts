import yauzl from 'yauzl'
import yazl from 'yazl'

/** Every entry of a zip (a .docx), inflated. */
export async function unzipAll(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))),
  )
  const out = new Map<string, Buffer>()
  await new Promise<void>((res, rej) => {
    zip.on('end', res)
    zip.on('error', rej)
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (e, s) => {
        if (e || !s) return rej(e)
        const chunks: Buffer[] = []
        s.on('data', (c: Buffer) => chunks.push(c))
        s.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks))
          zip.readEntry()
        })
      }),
    )
    zip.readEntry()
  })
  return out
}

/** A zip of these entries (the way a word processor writes a .docx back). */
export async function zipAll(entries: Map<string, Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile()
  for (const [name, data] of entries) z.addBuffer(data, name)
  z.end()
  const chunks: Buffer[] = []
  for await (const c of z.outputStream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
