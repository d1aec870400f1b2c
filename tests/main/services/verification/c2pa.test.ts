/**
 * Looking for Content Credentials walks a file's structure in a few small reads; a crafted file of
 * empty segments or chunks must not turn that walk into millions of reads (minutes per file).
 */
import { describe, expect, it } from 'vitest'
import { readC2pa } from '@main/services/verification/c2pa'
import type { FileSource } from '@main/services/verification/fileSource'

/** The bytes as a FileSource that counts its reads. */
function counted(bytes: Buffer) {
  let reads = 0
  const src: FileSource = {
    size: bytes.length,
    toolInput: '',
    read: async (pos, len) => {
      reads++
      return bytes.subarray(pos, pos + len)
    },
    all: async () => bytes,
  }
  return { src, reads: () => reads }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const MiB = 1024 * 1024

function chunk(type: string, data = Buffer.alloc(0)) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)])
}

describe('the walk that looks for Content Credentials', () => {
  it('a PNG signature followed by zeros (empty chunks with no type): given up at once', async () => {
    const { src, reads } = counted(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(25 * MiB)]))
    expect((await readC2pa(src, '')).status).toBe('absent')
    expect(reads()).toBe(2)
  })

  it('a PNG of many real chunks is walked to its end; one of more chunks than any real file, only so far', async () => {
    const ihdr = chunk('IHDR', Buffer.alloc(13))
    const small = counted(Buffer.concat([PNG_SIGNATURE, ihdr, chunk('tEXt'), chunk('tEXt'), chunk('IEND')]))
    expect((await readC2pa(small.src, '')).status).toBe('absent')
    expect(small.reads()).toBe(5)
    const many = counted(Buffer.concat([PNG_SIGNATURE, ihdr, Buffer.concat(Array(150_000).fill(chunk('tEXt')))]))
    expect((await readC2pa(many.src, '')).status).toBe('absent')
    expect(many.reads()).toBe(1 + 100_000)
  })

  it('a JPEG of restart markers, or with a segment shorter than its own length field: not walked byte by byte', async () => {
    const markers = counted(
      Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(4 * MiB, Buffer.from([0xff, 0xd0]))]),
    )
    expect((await readC2pa(markers.src, '')).status).toBe('absent')
    expect(markers.reads()).toBe(1 + 100_000)
    const short = counted(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00]), Buffer.alloc(MiB)]))
    expect((await readC2pa(short.src, '')).status).toBe('absent')
    expect(short.reads()).toBe(2)
  })

  it('a RIFF file of empty chunks: only so far', async () => {
    const head = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')])
    const { src, reads } = counted(Buffer.concat([head, Buffer.alloc(2 * MiB)]))
    expect((await readC2pa(src, '')).status).toBe('absent')
    expect(reads()).toBe(1 + 100_000)
  })
})
