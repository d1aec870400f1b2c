/**
 * What exifr is given: a plain file's path; a sealed file's bytes, whole up to the limit a reader
 * may hold, and past it the head, where an image keeps its metadata (before, a sealed image over
 * 512 MiB lost its EXIF reading).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIF_HEAD_BYTES, readExif } from '@main/services/verification/readers/exif'
import { WHOLE_READ_LIMIT, type FileSource } from '@main/services/verification/fileSource'
import { patternJpeg, withExif } from '../../../../helpers/media'
import { useTempDirs } from '../../../../helpers/tmp'

const tempDir = useTempDirs()

/** A sealed source as evidence/fileSources.ts gives one: original bytes by range, whole only up to the limit. */
function sealedSource(bytes: Buffer, size: number, reads: [number, number][]): FileSource {
  return {
    size,
    toolInput: 'http://127.0.0.1:1/lent',
    read: async (pos, len) => {
      reads.push([pos, len])
      return bytes.subarray(pos, pos + len)
    },
    all: async () => {
      if (size > WHOLE_READ_LIMIT) throw new Error('read whole only up to 512 MiB')
      return bytes
    },
  }
}

const facts = async (src: FileSource) =>
  Object.fromEntries((await readExif(src)).facts.map((f) => [f.name, [f.value, f.source.field]]))

describe('readExif', () => {
  it('reads a sealed image too large to hold whole from its head, and one within the limit whole', async () => {
    const jpeg = withExif(await patternJpeg(3), { make: 'Casefile Cam', dateTimeOriginal: '2026:01:27 11:00:00' })
    for (const size of [WHOLE_READ_LIMIT + 1, jpeg.length]) {
      const reads: [number, number][] = []
      const got = await facts(sealedSource(jpeg, size, reads))
      expect(got.make, String(size)).toEqual(['Casefile Cam', 'EXIF Make'])
      expect(got.captureTime?.[1]).toBe('EXIF DateTimeOriginal')
      expect(reads).toEqual(size > WHOLE_READ_LIMIT ? [[0, EXIF_HEAD_BYTES]] : [])
    }
  })

  it('says when the head of a file too large to hold whole holds no metadata, rather than that the file holds none', async () => {
    const bare = await patternJpeg(5)
    await expect(readExif(sealedSource(bare, WHOLE_READ_LIMIT + 1, []))).rejects.toThrow(
      'only the first 64 MiB of so large a file were read, and hold no metadata',
    )
    // Within the limit the whole file was read: finding nothing is a finding.
    expect((await readExif(sealedSource(bare, bare.length, []))).facts.filter((f) => f.name === 'make')).toEqual([])
  })

  it('gives a plain file by its path, reading nothing through the source', async () => {
    const path = join(await tempDir(), 'photo.jpg')
    const jpeg = withExif(await patternJpeg(4), { model: 'Model X' })
    await writeFile(path, jpeg)
    const reads: [number, number][] = []
    const src = { ...sealedSource(Buffer.alloc(0), jpeg.length, reads), path, toolInput: path }
    expect((await facts(src)).model).toEqual(['Model X', 'EXIF Model'])
    expect(reads).toEqual([])
  })
})
