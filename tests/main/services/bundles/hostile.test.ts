/**
 * The hostile corpus: bundles made here to break every rule an import holds,
 * each refused with a message that says why, and with no file changed in the
 * receiving workspace or around it (the whole temp tree is snapshotted before
 * and after every attempt). Run against a fresh workspace and one that holds
 * the same case already (so the clash answer cannot be what stops them).
 */
import { execFileSync } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseFile } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { localMessage } from '@shared/i18n/appError'
import { openWorkspace, type Services } from '@main/services/index'
import { assemble, flipMiddleOf, partsOf, sha256, writeZip, type BundleParts, type ZipEntrySpec } from './hostileZip'
import { diffTrees, snapshotTree } from './tree'

const EVIL = `EVIL-${process.pid}-${Date.now()}`

function testKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  return { privateKey, publicKey: raw.toString('base64'), fingerprint: sha256(raw) }
}

let root: string
let parts: BundleParts
let good: Buffer
const key = testKey()
const other = testKey()
const receivers: { label: string; s: Services }[] = []

const attr = (mode: number) => (mode << 16) >>> 0
const file = (name: string) => parts.files.find((f) => f.name === name)!
const blob = () => parts.files.find((f) => f.name.startsWith('blobs/'))!
const signed = (opts: Parameters<typeof assemble>[2] = {}) => assemble(parts, key, opts)
const withExtra = (...extra: ZipEntrySpec[]) => signed({ extra })
const fakeSha = (i: number) => createHash('sha256').update(`fake ${i}`).digest('hex')
/** The parts with case.json changed (and re-described and re-signed by `signed`). */
function withCase(edit: (c: CaseFile) => void, more: (p: BundleParts) => void = () => undefined): BundleParts {
  const p = structuredClone(parts)
  const c = JSON.parse(file('case.json').data.toString('utf8')) as CaseFile
  edit(c)
  p.files = p.files.map((f) => (f.name === 'case.json' ? { name: f.name, data: Buffer.from(JSON.stringify(c)) } : f))
  p.manifest.case.id = c.case.id
  more(p)
  return p
}

/** An Info-ZIP Unicode Path extra field (0x7075): version 1, a CRC of the name, and another name. */
function unicodePathField(name: string): Buffer {
  const data = Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from(name, 'utf8')])
  const head = Buffer.alloc(4)
  head.writeUInt16LE(0x7075, 0)
  head.writeUInt16LE(data.length, 2)
  return Buffer.concat([head, data])
}

/** name -> bytes (or a path made by the test) and what the refusal must say. */
type Hostile = { name: string; bytes: () => Buffer; expect: RegExp }
const corpus: Hostile[] = [
  // Paths that mean somewhere else.
  { name: 'dot-dot', bytes: () => withExtra({ name: `../${EVIL}`, data: Buffer.from('x') }), expect: /climbs out/ },
  {
    name: 'dot-dot inside a folder',
    bytes: () => withExtra({ name: `blobs/../../${EVIL}`, data: Buffer.from('x') }),
    expect: /climbs out/,
  },
  {
    name: 'absolute path',
    bytes: () => withExtra({ name: `/tmp/${EVIL}`, data: Buffer.from('x') }),
    expect: /absolute/,
  },
  {
    name: 'backslashes',
    bytes: () => withExtra({ name: `..\\..\\${EVIL}`, data: Buffer.from('x') }),
    expect: /backslash/,
  },
  {
    name: 'drive letter',
    bytes: () => withExtra({ name: `C:/${EVIL}`, data: Buffer.from('x') }),
    expect: /drive letter/,
  },
  {
    name: 'drive-relative',
    bytes: () => withExtra({ name: `c:${EVIL}`, data: Buffer.from('x') }),
    expect: /drive letter/,
  },
  {
    name: 'percent-encoded dots',
    bytes: () => withExtra({ name: `%2e%2e/%2e%2e/${EVIL}`, data: Buffer.from('x') }),
    expect: /percent-encoded/,
  },
  {
    name: 'percent-encoded separator',
    bytes: () => withExtra({ name: `blobs%2F..%2F${EVIL}`, data: Buffer.from('x') }),
    expect: /percent-encoded/,
  },
  {
    name: 'control character',
    bytes: () => withExtra({ name: 'case\u0000.json', data: Buffer.from('x') }),
    expect: /control characters/,
  },
  // Entries that are not files.
  {
    name: 'symlink',
    bytes: () =>
      withExtra({
        name: 'annotations/link.json',
        data: Buffer.from('../../../../etc/passwd'),
        externalAttrs: attr(0o120777),
      }),
    expect: /symbolic link/,
  },
  {
    name: 'character device',
    bytes: () => withExtra({ name: 'annotations/tty.json', data: Buffer.alloc(0), externalAttrs: attr(0o020644) }),
    expect: /device file \(character\)/,
  },
  {
    name: 'block device',
    bytes: () => withExtra({ name: 'annotations/sda.json', data: Buffer.alloc(0), externalAttrs: attr(0o060644) }),
    expect: /device file \(block\)/,
  },
  {
    name: 'named pipe',
    bytes: () => withExtra({ name: 'annotations/pipe.json', data: Buffer.alloc(0), externalAttrs: attr(0o010644) }),
    expect: /named pipe/,
  },
  { name: 'folder entry', bytes: () => withExtra({ name: 'blobs/', data: Buffer.alloc(0) }), expect: /folder/ },
  {
    name: 'folder by its mode',
    bytes: () => withExtra({ name: 'annotations', data: Buffer.alloc(0), externalAttrs: attr(0o040755) }),
    expect: /folder/,
  },
  {
    name: 'folder by MS-DOS attribute',
    bytes: () => withExtra({ name: 'briefings', data: Buffer.alloc(0), madeBy: 0, externalAttrs: 0x10 }),
    expect: /folder/,
  },
  // Names that collide or change meaning with the reader.
  {
    name: 'duplicate name',
    bytes: () => withExtra({ name: 'case.json', data: Buffer.from('{}') }),
    expect: /appears twice/,
  },
  {
    name: 'names differing only in case',
    bytes: () => withExtra({ name: 'CASE.json', data: Buffer.from('{}') }),
    expect: /differ only in case or Unicode normalisation/,
  },
  {
    name: 'names differing only in Unicode normalisation',
    bytes: () =>
      withExtra(
        { name: 'annotations/caf\u00e9.json', data: Buffer.from('{}') },
        { name: 'annotations/cafe\u0301.json', data: Buffer.from('{}') },
      ),
    expect: /differ only in case or Unicode normalisation/,
  },
  {
    name: 'non-ASCII name without the UTF-8 flag',
    bytes: () =>
      withExtra({ name: Buffer.from([0x63, 0x61, 0x73, 0x82, 0x2e, 0x6a]), data: Buffer.from('x'), utf8Flag: false }),
    expect: /neither marked UTF-8 nor plain ASCII/,
  },
  {
    name: 'invalid UTF-8 name',
    bytes: () => withExtra({ name: Buffer.from([0x61, 0xff, 0xfe, 0x2e, 0x6a]), data: Buffer.from('x') }),
    expect: /not valid UTF-8/,
  },
  {
    name: 'second (Info-ZIP Unicode) name',
    bytes: () =>
      signed({
        entrySpec: (f) => (f.name === 'case.json' ? { extra: unicodePathField(`../${EVIL}`) } : {}),
      }),
    expect: /second name/,
  },
  {
    name: 'non-ASCII path',
    bytes: () => withExtra({ name: 'annotations/ñandú.json', data: Buffer.from('{}') }),
    expect: /not plain ASCII/,
  },
  // Zip bombs.
  {
    name: 'compression ratio',
    bytes: () =>
      signed({
        entrySpec: (f) => (f.name === 'case.json' ? { data: Buffer.alloc(20 * 2 ** 20, 0x20), method: 8 } : {}),
      }),
    expect: /zip bomb/,
  },
  {
    name: 'entry count',
    bytes: () => writeZip([{ name: 'case.json', data: Buffer.from('{}') }], { eocdEntryCount: 1_000_000 }),
    expect: /declares 1000000 entries/,
  },
  {
    name: 'overlapping entries',
    bytes: () =>
      withExtra(
        ...Array.from({ length: 40 }, (_, i) => ({
          name: `blobs/${fakeSha(i)}`,
          data: Buffer.alloc(2 ** 20),
          method: 8,
          ...(i ? { shareDataWith: parts.files.length } : {}),
        })),
      ),
    expect: /overlap/,
  },
  {
    name: 'total size',
    bytes: () =>
      withExtra(
        ...[1, 2].map((i) => ({
          name: `blobs/${fakeSha(i)}`,
          data: Buffer.from('tiny'),
          declaredUncompressed: 600 * 2 ** 30,
          declaredCompressed: 600 * 2 ** 30,
        })),
      ),
    expect: /add up to more than/,
  },
  {
    name: 'nested archive',
    bytes: () => withExtra({ name: 'inner.zip', data: writeZip([{ name: 'x', data: Buffer.from('x') }]) }),
    expect: /nested archive/,
  },
  {
    name: 'nested bundle among the blobs',
    bytes: () => withExtra({ name: 'blobs/more.casefile', data: good }),
    expect: /nested archive/,
  },
  {
    name: 'unknown entry',
    bytes: () => withExtra({ name: 'notes.txt', data: Buffer.from('x') }),
    expect: /not a part of the bundle format/,
  },
  // Damaged archives.
  { name: 'truncated to half', bytes: () => good.subarray(0, good.length >> 1), expect: /not a readable zip archive/ },
  { name: 'last bytes cut', bytes: () => good.subarray(0, good.length - 10), expect: /not a readable zip archive/ },
  {
    name: 'bytes cut from the middle',
    bytes: () => Buffer.concat([good.subarray(0, 4000), good.subarray(9000)]),
    expect: /not a readable zip archive|cannot be read|truncated|damaged/,
  },
  {
    name: 'not a zip at all',
    bytes: () => Buffer.from('just some text, no archive'.repeat(100)),
    expect: /not a readable zip/,
  },
  {
    name: 'encrypted entry',
    bytes: () => signed({ entrySpec: (f) => (f.name === 'case.json' ? { flags: 1 } : {}) }),
    expect: /encrypted/,
  },
  {
    name: 'unknown compression method',
    bytes: () => signed({ entrySpec: (f) => (f.name === 'case.json' ? { method: 12 } : {}) }),
    expect: /compression method 12/,
  },
  {
    name: 'stored entry declaring another size',
    bytes: () => signed({ entrySpec: (f) => (f === blob() ? { declaredUncompressed: f.data.length + 1 } : {}) }),
    // yauzl catches this one itself while reading the central directory; either message is a refusal with its reason.
    expect: /size mismatch for stored file|declares .* but holds/,
  },
  {
    name: 'deflated entry longer than declared',
    bytes: () =>
      signed({
        entrySpec: (f) => (f.name === 'case.json' ? { declaredUncompressed: f.data.length - 10 } : {}),
        editManifest: (m) => void (m.entries.find((e) => e.path === 'case.json')!.size -= 10),
      }),
    expect: /damaged/,
  },
  // Manifest and signature.
  {
    name: 'entry absent from the manifest',
    bytes: () => withExtra({ name: 'briefings/extra.json', data: Buffer.from('{}') }),
    expect: /not listed in the signed manifest/,
  },
  {
    name: 'manifest entry absent from the archive',
    bytes: () =>
      signed({
        editManifest: (m) =>
          void m.entries.push({
            path: 'briefings/ghost.json',
            kind: 'briefing',
            size: 2,
            sha256: sha256(Buffer.from('{}')),
          }),
      }),
    expect: /does not hold it/,
  },
  {
    name: 'manifest size disagreeing with the archive',
    bytes: () => signed({ editManifest: (m) => void m.entries.find((e) => e.kind === 'blob')!.size++ }),
    expect: /the manifest says/,
  },
  {
    name: 'tampered manifest',
    bytes: () =>
      signed({ tamperManifest: (b) => Buffer.from(b.toString('utf8').replace('Minneapolis', 'Minneap0lis')) }),
    expect: /signature fails: the signature does not match/,
  },
  {
    name: 'tampered blob',
    bytes: () => signed({ entrySpec: flipMiddleOf(blob()) }),
    expect: /does not match the SHA-256 and size the signed manifest gives it/,
  },
  {
    name: 'tampered record',
    bytes: () =>
      signed({
        entrySpec: (f) =>
          f.name === 'case.json'
            ? { data: Buffer.from(f.data.toString('utf8').replace('Minneapolis', 'Minneap0lis')) }
            : {},
      }),
    expect: /does not match the SHA-256 and size the signed manifest gives it/,
  },
  { name: 'wrong signature', bytes: () => signed({ signWith: other.privateKey }), expect: /signature fails/ },
  {
    name: 'signature of other bytes',
    bytes: () => signed({ signature: Buffer.from(`${Buffer.alloc(64, 7).toString('base64')}\n`) }),
    expect: /signature fails/,
  },
  { name: 'unsigned', bytes: () => signed({ signature: null }), expect: /not signed/ },
  {
    name: 'fingerprint of another key',
    bytes: () => signed({ editManifest: (m) => void (m.sender.fingerprint = other.fingerprint) }),
    expect: /fingerprint in the manifest is not that of the public key/,
  },
  {
    name: 'huge manifest',
    bytes: () =>
      signed({
        editManifest: (m) => void ((m as unknown as Record<string, unknown>).padding = 'x'.repeat(17 * 2 ** 20)),
        manifestSpec: { method: 0 },
      }),
    expect: /"manifest.json" is \d+ bytes; at most 16777216/,
  },
  {
    name: 'manifest not JSON',
    bytes: () => signed({ tamperManifest: () => Buffer.from('{"format": ') }),
    expect: /not valid UTF-8 JSON/,
  },
  {
    name: 'manifest of another format',
    bytes: () =>
      signed({ editManifest: (m) => void ((m as unknown as Record<string, unknown>).format = 'other-tool') }),
    expect: /not a Casefile bundle/,
  },
  {
    name: 'newer bundle format',
    bytes: () => signed({ editManifest: (m) => void (m.version = 99) }),
    expect: /newer Casefile \(bundle format 99/,
  },
  {
    name: 'no manifest',
    bytes: () => writeZip(parts.files.map((f) => ({ name: f.name, data: f.data }))),
    expect: /no manifest.json/,
  },
  // Records that would reach outside, or refer to nothing.
  {
    name: 'case id that climbs folders',
    bytes: () =>
      assemble(
        withCase((c) => void (c.case.id = `../../${EVIL}`)),
        key,
      ),
    expect: /cannot be a folder name/,
  },
  {
    name: 'evidence id that climbs folders',
    bytes: () =>
      assemble(
        withCase((c) => void (c.evidence[0].id = `../${EVIL}`)),
        key,
      ),
    expect: /cannot name a file/,
  },
  {
    name: 'records written by a newer Casefile',
    bytes: () =>
      assemble(
        withCase((c) => void (c.schemaVersion = 99)),
        key,
      ),
    expect: /newer Casefile \(schema 99/,
  },
  {
    name: 'case record that does not validate',
    bytes: () =>
      assemble(
        withCase((c) => void ((c.case as { title?: string }).title = undefined)),
        key,
      ),
    expect: /case.json is not valid/,
  },
  {
    name: 'evidence whose file the bundle lacks',
    bytes: () => {
      const p = structuredClone(parts)
      p.files = p.files.filter((f) => f.name !== blob().name)
      return assemble(p, key)
    },
    expect: /which the bundle does not carry/,
  },
  {
    name: 'blob that belongs to no item',
    bytes: () => {
      const data = Buffer.from('an orphan')
      const p = structuredClone(parts)
      p.files.push({ name: `blobs/${sha256(data)}`, data })
      return assemble(p, key)
    },
    expect: /belongs to no evidence item/,
  },
  {
    name: 'annotations of no item',
    bytes: () => {
      const p = structuredClone(parts)
      p.files.push({ name: 'annotations/nobody.json', data: Buffer.from('{}') })
      return assemble(p, key)
    },
    expect: /belongs to no evidence item/,
  },
]

async function refusal(s: Services, path: string): Promise<AppError> {
  try {
    await s.bundles.import(path, { onClash: 'keep-both' })
  } catch (e) {
    return e as AppError
  }
  throw new Error(`${path} was imported`)
}

/** Places a hostile entry could have written to if names were trusted. */
function evilPlaces(): string[] {
  const dirs = [root, dirname(root), tmpdir(), process.cwd(), dirname(process.cwd()), '/tmp']
  return dirs.map((d) => join(d, EVIL))
}

describe('hostile bundles', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'casefile-hostile-'))
    await mkdir(join(root, 'in'))
    const a = await openWorkspace(join(root, 'sender'))
    await a.demo.install()
    await a.bundles.export({ caseId: 'ECU-USA-2026-001', outPath: join(root, 'in', 'good.casefile') })
    await a.close()
    const { readFile } = await import('node:fs/promises')
    good = await readFile(join(root, 'in', 'good.casefile'))
    parts = await partsOf(join(root, 'in', 'good.casefile'))
    const fresh = await openWorkspace(join(root, 'fresh'))
    const holding = await openWorkspace(join(root, 'holding'))
    await holding.demo.install()
    receivers.push({ label: 'a fresh workspace', s: fresh }, { label: 'a workspace holding the case', s: holding })
  }, 120_000)

  afterAll(async () => {
    for (const r of receivers) await r.s.close()
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('has at least 30 hostile bundles, every one different', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30)
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length)
  })

  it.each(corpus)('refuses $name, says why, and changes nothing', async (h) => {
    const path = join(root, 'in', `${h.name.replace(/\W+/g, '-')}.casefile`)
    await writeFile(path, h.bytes())
    for (const { label, s } of receivers) {
      const before = await snapshotTree(root)
      const e = await refusal(s, path)
      expect(e, label).toBeInstanceOf(AppError)
      expect(e.code, `${label}: ${e.message}`).toBe('VALIDATION')
      expect(e.message, label).toMatch(/^The bundle was refused: /)
      expect(e.message, label).toMatch(h.expect)
      expect(diffTrees(before, await snapshotTree(root)), label).toEqual([])
      // Inspecting applies the same structural and signature rules (a failed signature is reported
      // there, not thrown; entry contents are hashed only on import) and changes nothing either.
      const seen = await s.bundles.inspect(path).then(
        (i) => i.signer.trust,
        (x: AppError) => x.code,
      )
      expect(['VALIDATION', 'invalid', 'new'], label).toContain(seen)
      expect(diffTrees(before, await snapshotTree(root)), label).toEqual([])
    }
    for (const p of evilPlaces()) expect(existsSync(p), p).toBe(false)
  })

  it('refuses a named pipe given as the bundle without waiting on it, and changes nothing', async () => {
    const fifo = join(root, 'in', 'pipe.casefile')
    execFileSync('mkfifo', [fifo])
    const [{ s }] = receivers
    const before = await snapshotTree(root)
    const e = await refusal(s, fifo)
    expect(e.message).toMatch(/is not a regular file/)
    expect(diffTrees(before, await snapshotTree(root))).toEqual([])
  })

  it('says a bundle behind a loop of links is one, in the person’s language, and changes nothing', async () => {
    const [a, b] = [join(root, 'in', 'a.casefile'), join(root, 'in', 'b.casefile')]
    await symlink(b, a)
    await symlink(a, b)
    const [{ s }] = receivers
    const before = await snapshotTree(root)
    const e = await refusal(s, a)
    expect(e).toMatchObject({
      code: 'IO',
      message: expect.stringMatching(/^The path \(.*a\.casefile\) cannot be followed/),
    })
    expect(localMessage(e, 'es')).toMatch(/^La ruta \(.*a\.casefile\) no se puede seguir/)
    expect(diffTrees(before, await snapshotTree(root))).toEqual([])
  })

  it('the good bundle the corpus was made from imports (so the refusals are the hostile parts)', async () => {
    const { s } = receivers[0]
    const resigned = join(root, 'in', 'resigned.casefile')
    await writeFile(resigned, signed())
    const r = await s.bundles.import(resigned)
    expect(r.signer).toMatchObject({ fingerprint: key.fingerprint, trust: 'new' })
    expect((await s.check.run()).problems).toEqual([])
    // No staging folder is left behind after a success either.
    expect(await readdir(join(root, 'fresh', 'bundles')).catch(() => [])).not.toContain('staging')
  })
})
