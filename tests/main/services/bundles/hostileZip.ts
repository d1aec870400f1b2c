/**
 * Test-only zip writing with every field under the test's control: names as raw
 * bytes, the UTF-8 flag, "made by" and external attributes (links, devices),
 * extra fields, compression method, sizes that lie, ZIP64 sizes and entry
 * counts, entries sharing data. The product reads zips with yauzl and writes them
 * with yazl; this writer exists so tests can make the archives those refuse to make.
 */
import { createHash, sign, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { crc32, deflateRawSync } from 'node:zlib'
import yauzl from 'yauzl'
import { SIGNATURE_CONTEXT, type BundleEntryKind, type BundleManifest, bundleEntryKind } from '@shared/domain'

export interface ZipEntrySpec {
  name: string | Buffer
  data: Buffer
  /** 0 stored (default for blobs), 8 deflated. */
  method?: number
  /** Default: set (names are UTF-8). */
  utf8Flag?: boolean
  /** Upper byte of "version made by": 3 Unix (default), 0 MS-DOS. */
  madeBy?: number
  externalAttrs?: number
  extra?: Buffer
  /** Declare other sizes than the data has (a lie). */
  declaredUncompressed?: number
  declaredCompressed?: number
  /** General purpose flag bits to add (1: encrypted). */
  flags?: number
  /** Point this central-directory entry at another entry's local header and data (overlap). */
  shareDataWith?: number
}

const REGULAR = (0o100644 << 16) >>> 0

function u16(n: number) {
  const b = Buffer.alloc(2)
  b.writeUInt16LE(n)
  return b
}
function u32(n: number) {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n >>> 0)
  return b
}
function u64(n: number) {
  const b = Buffer.alloc(8)
  b.writeBigUInt64LE(BigInt(n))
  return b
}

/** A zip archive from these entries; `eocdEntryCount` makes the end record claim another count (ZIP64 when large). */
export function writeZip(specs: ZipEntrySpec[], opts: { eocdEntryCount?: number } = {}): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  const central: Buffer[] = []
  const placed: { offset: number; crc: number; csize: number; usize: number; method: number }[] = []
  for (const [i, s] of specs.entries()) {
    const name = typeof s.name === 'string' ? Buffer.from(s.name, 'utf8') : s.name
    const method = s.method ?? 0
    const stored = method === 8 ? deflateRawSync(s.data) : s.data
    const crc = crc32(s.data)
    const usize = s.declaredUncompressed ?? s.data.length
    const csize = s.declaredCompressed ?? stored.length
    const flags = (s.utf8Flag === false ? 0 : 0x800) | (s.flags ?? 0)
    const big = usize >= 0xffffffff || csize >= 0xffffffff
    const zip64 = big ? Buffer.concat([u16(0x0001), u16(16), u64(usize), u64(csize)]) : Buffer.alloc(0)
    const extra = Buffer.concat([s.extra ?? Buffer.alloc(0), zip64])
    let at = offset
    let p = { offset, crc, csize, usize, method }
    if (s.shareDataWith !== undefined) {
      p = { ...placed[s.shareDataWith], usize, csize: placed[s.shareDataWith].csize }
      at = p.offset
    } else {
      const local = Buffer.concat([
        u32(0x04034b50),
        u16(big ? 45 : 20),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(big ? 0xffffffff : csize),
        u32(big ? 0xffffffff : usize),
        u16(name.length),
        u16(extra.length),
        name,
        extra,
      ])
      parts.push(local, stored)
      offset += local.length + stored.length
    }
    placed[i] = p
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(((s.madeBy ?? 3) << 8) | 20),
        u16(big ? 45 : 20),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        u32(p.crc),
        u32(big ? 0xffffffff : p.csize),
        u32(big ? 0xffffffff : usize),
        u16(name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(s.externalAttrs ?? REGULAR),
        u32(at),
        name,
        extra,
      ]),
    )
  }
  const cd = Buffer.concat(central)
  const cdOffset = offset
  const count = opts.eocdEntryCount ?? specs.length
  const tail: Buffer[] = [cd]
  if (count > 0xffff) {
    const zip64EocdOffset = cdOffset + cd.length
    tail.push(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(count),
        u64(count),
        u64(cd.length),
        u64(cdOffset),
      ]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(zip64EocdOffset), u32(1)]),
    )
  }
  tail.push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(Math.min(count, 0xffff)),
      u16(Math.min(count, 0xffff)),
      u32(cd.length),
      u32(cdOffset),
      u16(0),
    ]),
  )
  return Buffer.concat([...parts, ...tail])
}

/** The entries of a (good) zip, whole, in order: what the tests start their hostile variants from. */
export async function readZip(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zf = await yauzl.fromBufferPromise(await readFile(file), { decodeStrings: true })
  const out: { name: string; data: Buffer }[] = []
  for await (const e of zf.eachEntry()) {
    const parts: Buffer[] = []
    for await (const c of await zf.openReadStreamPromise(e)) parts.push(c as Buffer)
    out.push({ name: e.fileName, data: Buffer.concat(parts) })
  }
  zf.close()
  return out
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export interface BundleParts {
  manifest: BundleManifest
  /** Every entry but the manifest and its signature. */
  files: { name: string; data: Buffer }[]
}

/** Splits a good bundle into its manifest and files. */
export async function partsOf(file: string): Promise<BundleParts> {
  const all = await readZip(file)
  const manifest = JSON.parse(all.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as BundleManifest
  return { manifest, files: all.filter((e) => e.name !== 'manifest.json' && e.name !== 'manifest.sig') }
}

/** The manifest's entries made to describe `files` (paths, kinds, sizes, hashes). */
export function describe(files: { name: string; data: Buffer }[]): BundleManifest['entries'] {
  return files.map((f) => ({
    path: f.name,
    kind: (bundleEntryKind(f.name) ?? 'blob') as BundleEntryKind,
    size: f.data.length,
    sha256: sha256(f.data),
  }))
}

export const signatureOf = (manifestBytes: Buffer, key: KeyObject) =>
  Buffer.from(
    `${sign(null, Buffer.concat([Buffer.from(SIGNATURE_CONTEXT), manifestBytes]), key).toString('base64')}\n`,
    'ascii',
  )

/** An entrySpec that flips one byte in the middle of `target`'s data (a file altered after it was described). */
export const flipMiddleOf =
  (target: { name: string }) =>
  (f: { name: string; data: Buffer }): Partial<ZipEntrySpec> => {
    if (f.name !== target.name) return {}
    const data = Buffer.from(f.data)
    data[data.length >> 1] ^= 0xff
    return { data }
  }

/**
 * A bundle from parts, signed with `key` (whose public key and fingerprint the
 * manifest then names); `specs` adjusts how each file goes into the archive.
 */
export function assemble(
  parts: BundleParts,
  key: { privateKey: KeyObject; publicKey: string; fingerprint: string } | null,
  opts: {
    /** Change the manifest after its entries were described (and before signing). */
    editManifest?: (m: BundleManifest) => void
    /** Change the manifest's bytes after signing (tampering). */
    tamperManifest?: (bytes: Buffer) => Buffer
    entrySpec?: (f: { name: string; data: Buffer }) => Partial<ZipEntrySpec>
    /** Entries added to the archive only (not in the manifest). */
    extra?: ZipEntrySpec[]
    signature?: Buffer | null
    /** Sign the right bytes, but with this key instead of the one the manifest names. */
    signWith?: KeyObject
    manifestSpec?: Partial<ZipEntrySpec>
  } = {},
): Buffer {
  const manifest: BundleManifest = structuredClone(parts.manifest)
  manifest.entries = describe(parts.files)
  if (key) manifest.sender = { ...manifest.sender, publicKey: key.publicKey, fingerprint: key.fingerprint }
  opts.editManifest?.(manifest)
  let bytes: Buffer = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8')
  const sig =
    opts.signature !== undefined ? opts.signature : key ? signatureOf(bytes, opts.signWith ?? key.privateKey) : null
  if (opts.tamperManifest) bytes = opts.tamperManifest(bytes)
  const specs: ZipEntrySpec[] = parts.files.map((f) => ({
    name: f.name,
    data: f.data,
    method: f.name.startsWith('blobs/') ? 0 : 8,
    ...opts.entrySpec?.(f),
  }))
  specs.push(...(opts.extra ?? []))
  specs.push({ name: 'manifest.json', data: bytes, method: 8, ...opts.manifestSpec })
  if (sig) specs.push({ name: 'manifest.sig', data: sig })
  return writeZip(specs)
}
