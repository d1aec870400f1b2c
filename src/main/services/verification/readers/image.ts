/** Images: format and dimensions from the header (sharp; nothing is decoded). */
import sharp from 'sharp'
import { pathOrBytes, type FileSource } from '../fileSource'
import { FactList } from './facts'

export const SHARP = `sharp ${sharp.versions.sharp}`

export async function readImageHeader(src: FileSource): Promise<FactList> {
  const f = new FactList('sharp')
  const m = await sharp(await pathOrBytes(src), { failOn: 'none' }).metadata()
  f.add('container', m.format, 'header format')
  f.num('width', m.width, 'header width')
  f.num('height', m.height, 'header height')
  if (m.orientation && m.orientation !== 1) f.num('orientation', m.orientation, 'EXIF Orientation')
  return f
}
