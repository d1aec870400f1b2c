/**
 * Media the verification tests make for themselves (nothing is downloaded):
 * patterned JPEGs with EXIF written by piexifjs, videos and sound made by
 * ffmpeg, a PDF with known properties, and a JPEG carrying Content Credentials
 * signed with a throwaway certificate authority made by openssl.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash, createPrivateKey, randomUUID, sign as nodeSign } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import piexif from 'piexifjs'
import sharp from 'sharp'

export const hasFfmpeg =
  spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('ffprobe', ['-version'], { stdio: 'ignore' }).status === 0
export const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0

/**
 * Bytes no demuxer reads, the same every run. Random bytes are not: about one
 * draw in a few hundred probes as some container (off the allowed list, or not),
 * and a test asserting how a tool fails then fails itself.
 */
export function unreadableMedia(length: number): Buffer {
  const blocks: Buffer[] = []
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`unreadable ${i}`).digest())
  return Buffer.concat(blocks).subarray(0, length)
}

/** A picture of a few large shapes on a gradient (what perceptual hashes hold on to), different per seed: RGB bytes. */
function patternPixels(seed: number, width: number, height: number): Buffer {
  let r = seed * 7919 + 17
  const rand = () => (r = (r * 48271) % 2147483647) / 2147483647
  const shapes = Array.from({ length: 5 }, () => ({
    x: rand(),
    y: rand(),
    rad: 0.08 + rand() * 0.15,
    square: rand() > 0.5,
    c: [rand() * 255, rand() * 255, rand() * 255],
  }))
  const px = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const u = x / width
      const v = y / height
      let c = [80 + 120 * u, 60 + 100 * v, 140 - 60 * u]
      for (const s of shapes) {
        const inside = s.square
          ? Math.abs(u - s.x) < s.rad && Math.abs(v - s.y) < s.rad
          : (u - s.x) ** 2 + (v - s.y) ** 2 < s.rad ** 2
        if (inside) c = s.c
      }
      const i = (y * width + x) * 3
      px[i] = c[0]
      px[i + 1] = c[1]
      px[i + 2] = c[2]
    }
  return px
}

export async function patternJpeg(seed: number, width = 640, height = 480): Promise<Buffer> {
  return sharp(patternPixels(seed, width, height), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

export interface ExifSpec {
  make?: string
  model?: string
  software?: string
  /** "2026:01:27 11:00:00" */
  dateTimeOriginal?: string
  offsetTimeOriginal?: string
  modifyDate?: string
  gps?: { latitude: number; longitude: number }
}

const dms = (deg: number): [number, number][] => {
  const a = Math.abs(deg)
  const d = Math.floor(a)
  const m = Math.floor((a - d) * 60)
  const s = Math.round(((a - d) * 60 - m) * 60 * 10_000)
  return [
    [d, 1],
    [m, 1],
    [s, 10_000],
  ]
}

/** The JPEG with these EXIF tags (piexifjs, patched for the Exif 2.31 offset tags it predates). */
export function withExif(jpeg: Buffer, spec: ExifSpec): Buffer {
  const tags = (piexif as unknown as { TAGS: { Exif: Record<number, { name: string; type: string }> } }).TAGS.Exif
  tags[36880] ??= { name: 'OffsetTime', type: 'Ascii' }
  tags[36881] ??= { name: 'OffsetTimeOriginal', type: 'Ascii' }
  tags[36882] ??= { name: 'OffsetTimeDigitized', type: 'Ascii' }
  const zeroth: Record<number, unknown> = {}
  const exif: Record<number, unknown> = {}
  const gps: Record<number, unknown> = {}
  if (spec.make) zeroth[piexif.ImageIFD.Make] = spec.make
  if (spec.model) zeroth[piexif.ImageIFD.Model] = spec.model
  if (spec.software) zeroth[piexif.ImageIFD.Software] = spec.software
  if (spec.modifyDate) zeroth[piexif.ImageIFD.DateTime] = spec.modifyDate
  if (spec.dateTimeOriginal) exif[piexif.ExifIFD.DateTimeOriginal] = spec.dateTimeOriginal
  if (spec.offsetTimeOriginal) exif[36881] = spec.offsetTimeOriginal
  if (spec.gps) {
    gps[piexif.GPSIFD.GPSLatitudeRef] = spec.gps.latitude < 0 ? 'S' : 'N'
    gps[piexif.GPSIFD.GPSLatitude] = dms(spec.gps.latitude)
    gps[piexif.GPSIFD.GPSLongitudeRef] = spec.gps.longitude < 0 ? 'W' : 'E'
    gps[piexif.GPSIFD.GPSLongitude] = dms(spec.gps.longitude)
  }
  const out = piexif.insert(piexif.dump({ '0th': zeroth, Exif: exif, GPS: gps }), jpeg.toString('latin1'))
  return Buffer.from(out, 'latin1')
}

/**
 * A video that shows a different picture each second (so keyframes a second
 * apart differ), one keyframe a second, with a known creation_time. The
 * pictures come from the seed, so every run encodes the same video (ffmpeg's
 * own `gradients` source ignores its seed and made the near-duplicate tests
 * pass or fail by chance).
 */
/** `indexAtEnd`: the index after the frames, as a phone writes it (ffmpeg must seek to the end first). */
export function makeVideo(
  path: string,
  opts: { seconds: number; creationTime?: string; seed?: number; indexAtEnd?: boolean },
): void {
  const [width, height] = [320, 240]
  const seed = opts.seed ?? 7
  const frames = Buffer.concat(
    Array.from({ length: opts.seconds }, (_, second) => patternPixels(seed * 1000 + second, width, height)),
  )
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-framerate', '1', '-i', '-',
    '-r', '30',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-pix_fmt', 'yuv420p',
    ...(opts.creationTime ? ['-metadata', `creation_time=${opts.creationTime}`] : []),
    ...(opts.indexAtEnd ? [] : ['-movflags', '+faststart']),
    path,
  ], { input: frames, maxBuffer: 16 * 1024 * 1024 }) // prettier-ignore
}

/** Seconds [from, from+seconds) of a video, cropped 10 %, scaled down and re-encoded, with its metadata stripped. */
export function reencodeCropped(src: string, dest: string, from: number, seconds: number): void {
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-ss', String(from), '-t', String(seconds), '-i', src,
    '-vf', 'crop=288:216:16:12,scale=256:192', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '32', '-g', '15',
    '-map_metadata', '-1', '-fflags', '+bitexact', dest,
  ]) // prettier-ignore
}

/** A few seconds of tone in an M4A with a known creation_time. */
export function makeAudio(path: string, creationTime: string): void {
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2',
    '-c:a', 'aac', '-metadata', `creation_time=${creationTime}`, path,
  ]) // prettier-ignore
}

export async function makePdf(path: string): Promise<void> {
  const doc = await PDFDocument.create()
  doc.addPage([200, 200])
  doc.addPage([200, 200])
  doc.setTitle('Protest note')
  doc.setAuthor('Ministry desk')
  doc.setCreator('Writer')
  doc.setProducer('LibreOffice 7.4')
  doc.setCreationDate(new Date('2026-01-28T08:09:32Z'))
  doc.setModificationDate(new Date('2026-01-29T10:00:00Z'))
  writeFileSync(path, await doc.save({ useObjectStreams: false }))
}

/** A test certificate authority and a signer it issued (as C2PA wants: not a CA, digitalSignature, emailProtection). */
export function makeTestPki(dir: string): { caPem: string; leafPem: string; leafKeyPem: string } {
  const o = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  o('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key')
  o('req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '3650', '-subj', '/O=Casefile Test/CN=Casefile Test Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem') // prettier-ignore
  o('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'leaf.key')
  o('req', '-new', '-key', 'leaf.key', '-subj', '/O=Casefile Test/CN=Casefile Test Signer', '-out', 'leaf.csr')
  writeFileSync(
    join(dir, 'leaf.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,emailProtection\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n',
  )
  o('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '825', '-sha256',
    '-extfile', 'leaf.ext', '-out', 'leaf.pem') // prettier-ignore
  const read = (f: string) => readFileSync(join(dir, f), 'utf8')
  return { caPem: read('ca.pem'), leafPem: read('leaf.pem'), leafKeyPem: read('leaf.key') }
}

/**
 * Signs a JPEG with Content Credentials (c2pa-ts builds the manifest; the
 * signature is ours, in the IEEE P1363 form c2pa-rs requires): a data hash
 * binding, and the actions "created" and "edited" by a named tool.
 */
export async function signJpeg(jpeg: Buffer, pki: { leafPem: string; leafKeyPem: string }): Promise<Buffer> {
  const { X509Certificate } = await import('@peculiar/x509')
  const { JPEG } = await import('@trustnxt/c2pa-ts/asset')
  const { CoseAlgorithmIdentifier } = await import('@trustnxt/c2pa-ts/cose')
  const { ActionAssertion, DataHashAssertion, ManifestStore } = await import('@trustnxt/c2pa-ts/manifest')
  const key = createPrivateKey(pki.leafKeyPem)
  const signer = {
    algorithm: CoseAlgorithmIdentifier.ES256,
    certificate: new X509Certificate(pki.leafPem),
    chainCertificates: [],
    async sign(payload: Uint8Array) {
      return new Uint8Array(nodeSign('sha256', payload, { key, dsaEncoding: 'ieee-p1363' }))
    },
  }
  const asset = new JPEG(new Uint8Array(jpeg))
  const store = new ManifestStore()
  const manifest = store.createManifest({
    assetFormat: 'image/jpeg',
    instanceID: `xmp:iid:${randomUUID()}`,
    defaultHashAlgorithm: 'SHA-256',
    signer,
  })
  const actions = new ActionAssertion()
  actions.actions = [
    { action: 'c2pa.created', softwareAgent: { name: 'Casefile Test Camera', version: '1.0' } },
    { action: 'c2pa.edited', softwareAgent: { name: 'Casefile Test Editor', version: '2.1' }, description: 'cropped' },
  ] as typeof actions.actions
  manifest.addAssertion(actions)
  const dataHash = DataHashAssertion.create('SHA-256')
  manifest.addAssertion(dataHash)
  await asset.ensureManifestSpace(store.measureSize())
  await dataHash.updateWithAsset(asset)
  await manifest.sign(signer)
  await asset.writeManifestJUMBF(store.getBytes())
  return Buffer.from(await asset.getDataRange())
}
