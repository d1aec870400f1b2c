import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { DurableJsonAdapter } from '@main/storage/document'
import { FileWriteQueue } from '@main/storage/durableWrite'
import { stringifyIteratively, stringifyStored } from '@main/storage/json'
import { decodeUtf8, firstInvalidUtf8, readHead, readRegularFile, readTextFile } from '@main/storage/safeRead'
import { readStoredFile } from '@main/storage/storedJson'
import { WorkspaceStore } from '@main/storage/store'
import { localMessage } from '@shared/i18n/appError'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const Doc = z.object({ schemaVersion: z.number(), items: z.array(z.string()).default([]) })
const mkfifo = (path: string) => execFileSync('mkfifo', [path])

/** Fails the test instead of hanging it when a read blocks (a FIFO opened without O_NONBLOCK). */
const soon = <T>(p: Promise<T>, ms = 3_000) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('blocked: the read hung')), ms))])

describe('reading only regular files', () => {
  it('refuses a FIFO at once instead of blocking until a writer appears', async () => {
    const dir = await tempDir()
    mkfifo(join(dir, 'pipe'))
    await expect(soon(readRegularFile(join(dir, 'pipe')))).rejects.toMatchObject({ kind: 'FIFO (named pipe)' })
  })

  it('reads the head of a file only, as a whole read refuses what is not a file', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'f'), 'CFS1 and the rest')
    expect((await readHead(join(dir, 'f'), 4)).toString()).toBe('CFS1')
    await writeFile(join(dir, 'short'), 'CF')
    expect((await readHead(join(dir, 'short'), 4)).toString()).toBe('CF')
    await writeFile(join(dir, 'empty'), '')
    expect((await readHead(join(dir, 'empty'), 4)).length).toBe(0)
    mkfifo(join(dir, 'pipe'))
    await expect(soon(readHead(join(dir, 'pipe'), 4))).rejects.toMatchObject({ kind: 'FIFO (named pipe)' })
    await symlink(join(dir, 'f'), join(dir, 'link'))
    await expect(readHead(join(dir, 'link'), 4)).rejects.toMatchObject({ kind: 'symbolic link' })
    await expect(readHead(join(dir, 'missing'), 4)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a folder, a device and a link inside the workspace; follows a link on purpose only to a file', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'folder'))
    await writeFile(join(dir, 'real.txt'), 'text')
    await symlink(join(dir, 'real.txt'), join(dir, 'link.txt'))
    await symlink('/dev/zero', join(dir, 'zero'))
    await expect(readRegularFile(join(dir, 'folder'))).rejects.toMatchObject({ kind: 'folder' })
    await expect(soon(readRegularFile('/dev/zero'))).rejects.toMatchObject({ kind: 'device' })
    await expect(readRegularFile(join(dir, 'link.txt'))).rejects.toMatchObject({ kind: 'symbolic link' })
    expect((await readRegularFile(join(dir, 'link.txt'), { followLinks: true })).toString()).toBe('text')
    await expect(soon(readRegularFile(join(dir, 'zero'), { followLinks: true }))).rejects.toMatchObject({
      kind: 'device',
    })
  })

  it('reads a text file strictly: invalid UTF-8 and binary data are refused with where, a BOM is dropped', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x41, 0x72, 0x74, 0x2e, 0x20, 0xe9, 0x74, 0xe9]))
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))
    await writeFile(join(dir, 'bom.txt'), '\uFEFFArtículo 31')
    await expect(readTextFile(join(dir, 'latin1.txt'), '--text-file')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/not valid UTF-8 text \(at byte 5\)/),
    })
    await expect(readTextFile(join(dir, 'binary.txt'), '--text-file')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/binary data.*U\+0000 at character 4/),
    })
    expect(await readTextFile(join(dir, 'bom.txt'), '--text-file')).toBe('Artículo 31')
    mkfifo(join(dir, 'pipe.txt'))
    await expect(soon(readTextFile(join(dir, 'pipe.txt'), '--text-file'))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/is a FIFO \(named pipe\), not a regular file/),
    })
  })

  it('says a text file behind a loop of links is one, in the person’s language', async () => {
    const dir = await tempDir()
    await symlink(join(dir, 'b.txt'), join(dir, 'a.txt'))
    await symlink(join(dir, 'a.txt'), join(dir, 'b.txt'))
    const e = await readTextFile(join(dir, 'a.txt'), '--text-file').catch((x: unknown) => x)
    expect(e).toMatchObject({
      code: 'IO',
      message: expect.stringMatching(
        /^The path \(.*a\.txt\) cannot be followed: a link on it leads back to itself, or through too many others \(ELOOP\)\. Name the file itself, not a link to it\.$/,
      ),
    })
    expect(localMessage(e, 'es')).toMatch(
      /^La ruta \(.*a\.txt\) no se puede seguir: un enlace en ella vuelve sobre sí mismo, o pasa por demasiados otros \(ELOOP\)\./,
    )
  })

  it('finds the first invalid byte of a UTF-8 text', () => {
    expect(firstInvalidUtf8(Buffer.from('añb'))).toBe(4)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xff, 0x62]))).toBe(1)
    expect(firstInvalidUtf8(Buffer.from([0xe2, 0x82, 0x41]))).toBe(0)
  })
})

describe('the store and the readers on what a folder may hold instead of a file', () => {
  for (const [what, make] of [
    ['a FIFO', async (p: string) => mkfifo(p)],
    ['a folder', async (p: string) => void (await mkdir(p))],
    [
      'a link to a valid file outside the workspace',
      async (p: string) => {
        const outside = join(await tempDir(), 'elsewhere.json')
        await writeFile(outside, JSON.stringify({ schemaVersion: 1, items: ['outside'] }))
        await symlink(outside, p)
      },
    ],
  ] as const) {
    it(`${what} in place of a stored file is refused, reported and set aside; a reader reports it and moves nothing`, async () => {
      const root = await tempDir()
      await make(join(root, 'x.json'))
      const ro = await WorkspaceStore.open(root, { readOnly: true })
      try {
        await expect(soon(ro.loads('x.json', 'case', Doc))).resolves.toBe(false)
        expect(ro.problems.all()[0]).toMatchObject({
          file: 'x.json',
          kind: 'unreadable',
          message: expect.stringMatching(/not a regular file/),
        })
        expect(await readdir(root)).toContain('x.json')
      } finally {
        await ro.close()
      }
      expect(await soon(readStoredFile(join(root, 'x.json'), 'case', Doc))).toBeNull()
      const s = await WorkspaceStore.open(root)
      try {
        await expect(soon(s.document('x.json', 'case', Doc))).rejects.toMatchObject({ code: 'CORRUPT' })
        expect(s.problems.all()[0].quarantinedTo).toMatch(/^quarantine\//)
        expect(await readdir(root)).not.toContain('x.json')
      } finally {
        await s.close()
      }
    })
  }

  it('a file that cannot be read (an I/O or permission error) is reported, left in place, and check goes on', async () => {
    const root = await tempDir()
    // A path through a file: ENOTDIR, the one read error root cannot bypass.
    await writeFile(join(root, 'cases'), 'not a folder')
    const s = await WorkspaceStore.open(root)
    try {
      await expect(s.loads(join('cases', 'c1', 'case.json'), 'case', Doc)).resolves.toBe(false)
      expect(s.problems.all()[0]).toMatchObject({
        kind: 'unreadable',
        message: expect.stringMatching(/ENOTDIR.*left untouched/),
      })
      expect(await readFile(join(root, 'cases'), 'utf8')).toBe('not a folder')
    } finally {
      await s.close()
    }
  })

  it("lowdb's read of our adapter is strict UTF-8 too", async () => {
    const dir = await tempDir()
    const path = join(dir, 'x.json')
    await writeFile(path, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))
    await expect(new DurableJsonAdapter(path, new FileWriteQueue(path), false).read()).rejects.toMatchObject({
      code: 'CORRUPT',
    })
  })
})

describe('stored JSON at any depth', () => {
  const nest = (depth: number) => {
    let body: unknown = { type: 'text', text: 'deep' }
    for (let i = 0; i < depth; i++) body = { type: 'blockquote', content: [body] }
    return { type: 'doc', content: [body] }
  }

  it('writes the same text as JSON.stringify', () => {
    const v = { a: [1, 'x', null, true, { b: undefined, c: [[], {}] }], n: Number.NaN, s: 'é"\n', u: [undefined] }
    expect(stringifyIteratively(v)).toBe(JSON.stringify(v))
    expect(stringifyIteratively(nest(50))).toBe(JSON.stringify(nest(50)))
  })

  it('saves a document nested 20,000 levels deep, which JSON.stringify cannot', () => {
    const deep = nest(20_000)
    expect(() => JSON.stringify(deep)).toThrow(RangeError)
    expect(JSON.parse(stringifyStored(deep, true))).toBeTruthy()
    // Pretty is one space a level; not pretty is one line.
    expect(stringifyStored({ a: [1, { b: 2 }] }, true)).toBe('{\n "a": [\n  1,\n  {\n   "b": 2\n  }\n ]\n}')
    expect(stringifyStored({ a: [1, { b: 2 }] }, false)).toBe('{"a":[1,{"b":2}]}')
  })
})

/** The WHATWG decoder's own answer: the start of the first sequence no length of 1 to 4 bytes decodes. */
function firstInvalidByDecoder(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const len = [1, 2, 3, 4].find((n) => i + n <= bytes.length && decodeUtf8(bytes.subarray(i, i + n)) !== null)
    if (len === undefined) return i
    i += len
  }
  return bytes.length
}

describe('where a text stops being UTF-8, and the limits of a text file', () => {
  // Bytes near every boundary of the UTF-8 table: ASCII, continuations, overlongs, surrogates, past U+10FFFF.
  const edgy = fc.constantFrom(
    0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
  ) // prettier-ignore
  const text = fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => [...Buffer.from(s)])

  it('finds the first invalid byte where the decoder does, on any bytes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            edgy.map((b) => [b]),
            text,
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const bytes = Uint8Array.from(parts.flat())
          expect(firstInvalidUtf8(bytes)).toBe(firstInvalidByDecoder(bytes))
        },
      ),
      { numRuns: 3_000, seed: 20261204 },
    )
  })

  it('reads a file of exactly the limit, refuses one byte more by name; keeps a BOM that is not first', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'ten.txt'), '0123456789')
    expect(await readTextFile(join(dir, 'ten.txt'), '--text-file', 10)).toBe('0123456789')
    await expect(readTextFile(join(dir, 'ten.txt'), '--text-file', 9)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/--text-file.*10 bytes; the limit is 9/),
    })
    await writeFile(join(dir, 'inner.txt'), 'a\uFEFFb')
    expect(await readTextFile(join(dir, 'inner.txt'), '--text-file')).toBe('a\uFEFFb')
    await writeFile(join(dir, 'escape.txt'), 'text\u001bmore')
    await expect(readTextFile(join(dir, 'escape.txt'), '--text-file')).rejects.toMatchObject({
      message: expect.stringMatching(/U\+001B at character 4/),
    })
  })

  it('says a missing file or folder is missing, and passes on any other failure as IO', async () => {
    const dir = await tempDir()
    await expect(readTextFile(join(dir, 'absent.txt'), '--text-file')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await writeFile(join(dir, 'plain.txt'), 'x')
    await expect(readTextFile(join(dir, 'plain.txt', 'below.txt'), '--text-file')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('--text-file'),
    })
    await symlink('loop', join(dir, 'loop'))
    await expect(readTextFile(join(dir, 'loop'), '--text-file')).rejects.toMatchObject({ code: 'IO' })
  })

  it('follows a link to a file when asked, and names a link it must not follow', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'real.txt'), 'real')
    await symlink(join(dir, 'real.txt'), join(dir, 'link.txt'))
    expect((await readRegularFile(join(dir, 'link.txt'), { followLinks: true })).toString()).toBe('real')
    await expect(readRegularFile(join(dir, 'link.txt'))).rejects.toMatchObject({
      code: 'ENOTREGULAR',
      message: expect.stringMatching(/link\.txt is a symbolic link, not a regular file/),
    })
  })
})
