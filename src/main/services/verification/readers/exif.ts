/** Images: EXIF, GPS and XMP through exifr (reads only the file's header segments). */
import exifr from 'exifr'
import { WHOLE_READ_LIMIT, type FileSource } from '../fileSource'
import { FactList, normalizeTime } from './facts'

export const EXIFR = 'exifr 7.1.3'

type Block = Record<string, unknown> | undefined
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

/** XMP history entries ("saved by Adobe Photoshop 25.0 at …") as one line each. */
function historyOf(xmpMM: Block): string | undefined {
  const h = xmpMM?.History
  const list = Array.isArray(h) ? h : h && typeof h === 'object' ? [h] : []
  const lines = list
    .map((e: Record<string, unknown>) =>
      [str(e.action), str(e.softwareAgent) && `by ${str(e.softwareAgent)}`, str(e.when) && `at ${str(e.when)}`]
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
  return lines.length ? lines.join('; ') : undefined
}

/**
 * How much of an image too large to hold whole (a sealed one: a plain one is read through its path) is
 * given to exifr: its metadata segments come before the picture in JPEG, and near the start in the rest.
 */
export const EXIF_HEAD_BYTES = 64 * 1024 * 1024

/**
 * The path of a plain file; else the bytes, all of them up to WHOLE_READ_LIMIT, past it the head, and
 * whether only the head is given.
 */
async function exifInput(src: FileSource): Promise<{ input: string | Buffer; headOnly: boolean }> {
  if (src.path) return { input: src.path, headOnly: false }
  if (src.size > WHOLE_READ_LIMIT) return { input: await src.read(0, EXIF_HEAD_BYTES), headOnly: true }
  return { input: await src.all(), headOnly: false }
}

export async function readExif(src: FileSource): Promise<FactList> {
  const { input, headOnly } = await exifInput(src)
  const f = await readExifFrom(input)
  // A TIFF may keep its tags past the head: finding none there is no finding that the file holds none.
  if (headOnly && !f.facts.length)
    throw new Error(
      `only the first ${EXIF_HEAD_BYTES / 1024 / 1024} MiB of so large a file were read, and hold no metadata`,
    )
  return f
}

async function readExifFrom(input: string | Buffer): Promise<FactList> {
  const f = new FactList('exifr')
  const d = (await exifr.parse(input, {
    tiff: true,
    exif: true,
    gps: true,
    xmp: true,
    iptc: true,
    icc: false,
    jfif: false,
    ihdr: true,
    interop: false,
    makerNote: false,
    userComment: false,
    reviveValues: false,
    translateValues: false,
    mergeOutput: false,
    sanitize: true,
  })) as Record<string, Block> | undefined
  if (!d) return f
  const ifd0 = d.ifd0
  const exif = d.exif
  const gps = d.gps
  const xmp = d.xmp
  const ps = d.photoshop
  const iptc = d.iptc

  f.time(
    'captureTime',
    normalizeTime(exif?.DateTimeOriginal, exif?.OffsetTimeOriginal, exif?.SubSecTimeOriginal),
    exif?.OffsetTimeOriginal ? 'EXIF DateTimeOriginal + OffsetTimeOriginal' : 'EXIF DateTimeOriginal',
  )
  f.time('captureTime', normalizeTime(ps?.DateCreated), 'XMP photoshop:DateCreated')
  f.time(
    'digitizedTime',
    normalizeTime(exif?.CreateDate ?? exif?.DateTimeDigitized, exif?.OffsetTimeDigitized, exif?.SubSecTimeDigitized),
    exif?.OffsetTimeDigitized ? 'EXIF CreateDate + OffsetTimeDigitized' : 'EXIF CreateDate',
  )
  f.time('createTime', normalizeTime(xmp?.CreateDate), 'XMP xmp:CreateDate')
  f.time(
    'modifyTime',
    normalizeTime(ifd0?.ModifyDate ?? ifd0?.DateTime, exif?.OffsetTime),
    exif?.OffsetTime ? 'EXIF ModifyDate (IFD0 DateTime) + OffsetTime' : 'EXIF ModifyDate (IFD0 DateTime)',
  )
  f.time('modifyTime', normalizeTime(xmp?.ModifyDate), 'XMP xmp:ModifyDate')
  if (typeof gps?.GPSDateStamp === 'string' && Array.isArray(gps.GPSTimeStamp)) {
    const [h, m, s] = gps.GPSTimeStamp as number[]
    const pad = (n: number) => String(Math.floor(n)).padStart(2, '0')
    f.time(
      'gpsTime',
      normalizeTime(`${gps.GPSDateStamp} ${pad(h)}:${pad(m)}:${pad(s)}`, 'Z'),
      'GPS GPSDateStamp + GPSTimeStamp',
    )
  }
  f.add('make', ifd0?.Make, 'EXIF Make')
  f.add('model', ifd0?.Model, 'EXIF Model')
  f.add('lens', exif?.LensModel, 'EXIF LensModel')
  f.add('serialNumber', exif?.BodySerialNumber, 'EXIF BodySerialNumber')
  f.add('software', ifd0?.Software, 'EXIF Software')
  f.add('creatorTool', xmp?.CreatorTool, 'XMP xmp:CreatorTool')
  f.add('editHistory', historyOf(d.xmpMM), 'XMP xmpMM:History')
  f.add('author', ifd0?.Artist ?? str(iptc?.Byline), ifd0?.Artist ? 'EXIF Artist' : 'IPTC By-line')
  f.add('title', ifd0?.ImageDescription, 'EXIF ImageDescription')
  f.num('latitude', gps?.latitude, 'GPS GPSLatitude + GPSLatitudeRef')
  f.num('longitude', gps?.longitude, 'GPS GPSLongitude + GPSLongitudeRef')
  if (typeof gps?.GPSAltitude === 'number')
    f.num('altitude', gps.GPSAltitudeRef === 1 ? -gps.GPSAltitude : gps.GPSAltitude, 'GPS GPSAltitude')
  f.num('width', exif?.ExifImageWidth ?? d.ihdr?.ImageWidth, exif?.ExifImageWidth ? 'EXIF ExifImageWidth' : 'PNG IHDR')
  f.num(
    'height',
    exif?.ExifImageHeight ?? d.ihdr?.ImageHeight,
    exif?.ExifImageHeight ? 'EXIF ExifImageHeight' : 'PNG IHDR',
  )
  f.num('orientation', ifd0?.Orientation, 'EXIF Orientation')
  return f
}
