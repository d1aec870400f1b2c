/**
 * The manifest of a bundle as the receiving side reads it: parsed, its signature
 * checked against the key it names, and then held against the archive's own
 * entries (every entry listed, every listed entry present, sizes agreeing).
 */
import { createHash } from 'node:crypto'
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleManifest,
  bundleEntryKind,
  bundlePathId,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  type BundleEntry,
} from '@shared/domain'
import { describeZodError } from '@shared/ipc/result'
import { verifyManifest } from './keys'
import { MAX_MANIFEST_BYTES, refused, type OpenBundle } from './zipReader'

const utf8 = new TextDecoder('utf-8', { fatal: true })

export interface ReadManifest {
  manifest: BundleManifest
  bytes: Buffer
  /** Null when the signature holds; otherwise why it does not. */
  signatureProblem: string | null
}

/** Parses manifest.json and checks manifest.sig; a manifest that does not parse is refused outright. */
export async function readManifest(bundle: OpenBundle): Promise<ReadManifest> {
  const entry = bundle.byName.get(MANIFEST_PATH)
  if (!entry) throw refused('it has no manifest.json, so it is not a Casefile bundle.')
  const bytes = await bundle.readWhole(entry, MAX_MANIFEST_BYTES)
  let raw: unknown
  try {
    raw = JSON.parse(utf8.decode(bytes))
  } catch {
    throw refused('its manifest.json is not valid UTF-8 JSON (damaged or altered).')
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw refused('its manifest.json is not a JSON object.')
  const obj = raw as Record<string, unknown>
  if (obj.format !== BUNDLE_FORMAT)
    throw refused(`its manifest says format ${JSON.stringify(obj.format)}, not a Casefile bundle.`)
  if (typeof obj.version === 'number' && obj.version > BUNDLE_VERSION)
    throw refused(
      `it was made by a newer Casefile (bundle format ${obj.version}; this version reads ${BUNDLE_VERSION}). Update Casefile to import it.`,
    )
  const parsed = BundleManifest.safeParse(raw)
  if (!parsed.success) throw refused(`its manifest.json is not valid (${describeZodError(parsed.error)}).`)
  const manifest = parsed.data
  if (manifest.version !== BUNDLE_VERSION) throw refused(`its bundle format version ${manifest.version} is unknown.`)
  return { manifest, bytes, signatureProblem: await signatureProblem(bundle, manifest, bytes) }
}

async function signatureProblem(bundle: OpenBundle, m: BundleManifest, bytes: Buffer): Promise<string | null> {
  const raw = Buffer.from(m.sender.publicKey, 'base64')
  if (createHash('sha256').update(raw).digest('hex') !== m.sender.fingerprint)
    return 'the fingerprint in the manifest is not that of the public key beside it'
  const sigEntry = bundle.byName.get(SIGNATURE_PATH)
  if (!sigEntry) return 'it is not signed (manifest.sig is missing)'
  const text = (await bundle.readWhole(sigEntry, 256)).toString('latin1').trim()
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return 'manifest.sig does not hold an Ed25519 signature'
  if (!verifyManifest(m.sender.publicKey, bytes, Buffer.from(text, 'base64')))
    return 'the signature does not match: the manifest was changed after it was signed, or was not signed by the key it names'
  return null
}

/**
 * Holds the signed manifest against the archive: each entry listed once, with
 * the kind its path says, blobs named by their hash, nothing in the archive that
 * the manifest does not list and nothing listed that the archive lacks, and every
 * size as declared. Returns the manifest's entries by path.
 */
export function crossCheck(bundle: OpenBundle, m: BundleManifest): Map<string, BundleEntry> {
  const listed = new Map<string, BundleEntry>()
  for (const e of m.entries) {
    if (listed.has(e.path)) throw refused(`the manifest lists ${JSON.stringify(e.path)} twice.`)
    const kind = bundleEntryKind(e.path)
    if (!kind) throw refused(`the manifest lists ${JSON.stringify(e.path)}, which is not a part of the bundle format.`)
    if (kind !== e.kind)
      throw refused(`the manifest calls ${JSON.stringify(e.path)} a ${e.kind}; its path says ${kind}.`)
    if (kind === 'blob' && bundlePathId(e.path) !== e.sha256)
      throw refused(`the manifest gives the blob ${JSON.stringify(e.path)} another SHA-256 (${e.sha256}).`)
    listed.set(e.path, e)
  }
  for (const f of bundle.entries) {
    if (f.name === MANIFEST_PATH || f.name === SIGNATURE_PATH) continue
    const e = listed.get(f.name)
    if (!e) throw refused(`the entry ${JSON.stringify(f.name)} is not listed in the signed manifest.`)
    if (e.size !== f.size)
      throw refused(`the entry ${JSON.stringify(f.name)} holds ${f.size} bytes; the manifest says ${e.size}.`)
  }
  for (const e of m.entries)
    if (!bundle.byName.has(e.path))
      throw refused(`the manifest lists ${JSON.stringify(e.path)} but the archive does not hold it.`)
  if (m.entries.filter((e) => e.kind === 'case').length !== 1) throw refused('it does not hold exactly one case.json.')
  if (m.entries.filter((e) => e.kind === 'statutes').length > 1) throw refused('it holds more than one statutes.json.')
  return listed
}
