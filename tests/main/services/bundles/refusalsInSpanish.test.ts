/**
 * A refused bundle's reason is catalogue data, not an English sentence built in
 * code: worded in Spanish, the whole refusal is Spanish (zod's issues included,
 * and nothing of what yauzl or Node said), while its English message stays the
 * one the command line and the logs have always shown.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseFile } from '@shared/domain'
import { localMessage } from '@shared/i18n/appError'
import { AppError } from '@shared/ipc/result'
import { openWorkspace, type Services } from '@main/services/index'
import { assemble, flipMiddleOf, partsOf, sha256, writeZip, type BundleParts } from './hostileZip'

function testKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  return { privateKey, publicKey: raw.toString('base64'), fingerprint: sha256(raw) }
}

let root: string
let parts: BundleParts
let good: Buffer
let receiver: Services
const key = testKey()
const signed = (opts: Parameters<typeof assemble>[2] = {}) => assemble(parts, key, opts)
const blob = () => parts.files.find((f) => f.name.startsWith('blobs/'))!
/** The good bundle with one file's bytes changed (re-described and re-signed). */
const withFile = (name: string, edit: (data: Buffer) => Buffer): Buffer =>
  assemble({ ...parts, files: parts.files.map((f) => (f.name === name ? { ...f, data: edit(f.data) } : f)) }, key)
const withJson = <T>(name: string, edit: (json: T) => void): Buffer =>
  withFile(name, (data) => {
    const json = JSON.parse(data.toString('utf8')) as T
    edit(json)
    return Buffer.from(JSON.stringify(json))
  })
const withCase = (edit: (c: CaseFile) => void) => withJson('case.json', edit)
const CLIP = 'annotations/evidence_sample_clip.json'

/** Words of English that no Spanish sentence of the catalogue holds (the reason, zod's words, Node's). */
const ENGLISH =
  /\b(the|it|its|is|not|has|does|was|and|of|which|entry|archive|bundle|expected|received|invalid|input|truncated|damaged|unexpected|signature)\b/i

type Case = { name: string; bytes: () => Buffer; english: RegExp; spanish: RegExp }
const cases: Case[] = [
  {
    name: 'no manifest',
    bytes: () => writeZip(parts.files.map((f) => ({ name: f.name, data: f.data }))),
    english: /it has no manifest.json, so it is not a Casefile bundle/,
    spanish: /no contiene manifest\.json, por lo que no es un paquete de Casefile/,
  },
  {
    name: 'a manifest naming another format, at length',
    bytes: () =>
      signed({
        tamperManifest: (b) => {
          const m = JSON.parse(b.toString('utf8')) as Record<string, unknown>
          return Buffer.from(JSON.stringify({ ...m, format: 'x'.repeat(200_000) }))
        },
      }),
    english: /^The bundle was refused: its manifest says format "x{100,118}…", not a Casefile bundle\.$/,
    spanish: /su manifiesto indica el formato "x{100,118}…", que no es el de un paquete de Casefile/,
  },
  {
    name: 'manifest not JSON',
    bytes: () => signed({ tamperManifest: () => Buffer.from('{"format": ') }),
    english: /its manifest.json is not valid UTF-8 JSON/,
    spanish: /su manifest\.json no es JSON válido en UTF-8/,
  },
  {
    name: 'manifest failing its schema',
    bytes: () =>
      signed({
        editManifest: (m) => {
          ;(m as unknown as Record<string, unknown>).createdAt = 42
          ;(m.sender as unknown as Record<string, unknown>).user = 7
        },
      }),
    english: /its manifest.json is not valid \(.*createdAt.*expected/,
    spanish: /su manifest\.json no es válido \(.*createdAt: .*se esperaba/,
  },
  {
    name: 'an entry that climbs out with ".."',
    bytes: () => signed({ extra: [{ name: '../escaped', data: Buffer.from('x') }] }),
    english: /the entry name "..\/escaped" climbs out of its folder/,
    spanish: /el nombre de la entrada "\.\.\/escaped" sale de su carpeta/,
  },
  {
    name: 'a truncated zip',
    bytes: () => good.subarray(0, good.length >> 1),
    english: /it is not a readable zip archive; the file may be truncated or damaged/,
    spanish: /no es un archivo zip legible; puede estar truncado o dañado/,
  },
  {
    name: 'a blob whose SHA-256 is wrong',
    bytes: () => signed({ entrySpec: flipMiddleOf(blob()) }),
    english: /does not match the SHA-256 and size the signed manifest gives it/,
    spanish: /no coincide con el SHA-256 y el tamaño que le asigna el manifiesto firmado/,
  },
  {
    name: 'a device file',
    bytes: () =>
      signed({
        extra: [{ name: 'annotations/tty.json', data: Buffer.alloc(0), externalAttrs: (0o020644 << 16) >>> 0 }],
      }),
    english: /is a device file \(character\)/,
    spanish: /es un archivo de dispositivo \(de caracteres\)/,
  },
  {
    name: 'an unsigned bundle',
    bytes: () => signed({ signature: null }),
    english: /its signature fails: it is not signed/,
    spanish: /su firma no supera la verificación: no está firmado/,
  },
  {
    name: 'a case record that does not validate',
    bytes: () => withCase((c) => void ((c.case as { title?: unknown }).title = 12)),
    english: /case.json is not valid \(case\.title: .*expected/,
    spanish: /case\.json no es válido \(case\.title: .*se esperaba/,
  },
  {
    name: 'a case file listing an id twice',
    bytes: () => withCase((c) => void c.events.push(c.events[0])),
    english: /its case file lists the event id ".*" twice/,
    spanish: /el archivo del expediente enumera dos veces el identificador de hecho ".*"/,
  },
  {
    name: 'an annotations file that is not JSON',
    bytes: () => withFile(CLIP, () => Buffer.from('{"schemaVersion": 1, "annotations": [')),
    english: /annotations\/evidence_sample_clip.json is not valid: it is not valid JSON/,
    spanish: /annotations\/evidence_sample_clip\.json no es válido: no es JSON válido/,
  },
  {
    name: "an annotation naming another item than its file's",
    bytes: () =>
      withJson<{ annotations: { evidenceId: string }[] }>(
        CLIP,
        (a) => void (a.annotations[0].evidenceId = 'evidence_sample_bulletin'),
      ),
    english: /annotations\/evidence_sample_clip.json: Annotation ann_\w+ belongs to \w+, not to \w+/,
    spanish: /annotations\/evidence_sample_clip\.json: La anotación ann_\w+ pertenece a \w+, no a \w+/,
  },
]

async function refusal(path: string): Promise<AppError> {
  try {
    await receiver.bundles.import(path, { onClash: 'keep-both' })
  } catch (e) {
    return e as AppError
  }
  throw new Error(`${path} was imported`)
}

describe('a refused bundle, worded in Spanish', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'casefile-refusals-es-'))
    await mkdir(join(root, 'in'))
    const sender = await openWorkspace(join(root, 'sender'))
    await sender.demo.install()
    await sender.bundles.export({ caseId: 'ECU-USA-2026-001', outPath: join(root, 'in', 'good.casefile') })
    await sender.close()
    good = await readFile(join(root, 'in', 'good.casefile'))
    parts = await partsOf(join(root, 'in', 'good.casefile'))
    receiver = await openWorkspace(join(root, 'receiver'))
  }, 120_000)

  afterAll(async () => {
    await receiver?.close()
    if (root) await rm(root, { recursive: true, force: true })
  })

  it.each(cases)('$name: the reason is Spanish, and English stays English', async (c) => {
    const path = join(root, 'in', `${c.name.replace(/\W+/g, '-')}.casefile`)
    await writeFile(path, c.bytes())
    const e = await refusal(path)
    expect(e).toBeInstanceOf(AppError)
    expect(e.code, e.message).toBe('VALIDATION')
    // English: the message as before, and the catalogue text worded in English is that message.
    expect(e.message).toMatch(/^The bundle was refused: /)
    expect(e.message).toMatch(c.english)
    expect(localMessage(e, 'en')).toBe(e.message)
    // Spanish: the lead-in and the reason, and no English sentence or word of it.
    const es = localMessage(e, 'es')
    expect(es).toMatch(/^Se rechazó el paquete: /)
    expect(es).toMatch(c.spanish)
    const reason = e.message.replace(/^The bundle was refused: /, '')
    expect(es).not.toContain(reason)
    expect(es, es).not.toMatch(ENGLISH)
    // The data carried across IPC is a key and plain values, never the English reason.
    expect(e.text?.key).toMatch(/^errBundles:/)
    for (const v of Object.values(e.text?.values ?? {})) expect(String(v)).not.toContain(reason)
  })
})
