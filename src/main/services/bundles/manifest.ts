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
import { verifyManifest } from './keys'
import { refused, refusedInvalid, shown, type Refusal } from './refusal'
import { MAX_MANIFEST_BYTES, type OpenBundle } from './zipReader'

const utf8 = new TextDecoder('utf-8', { fatal: true })

export interface ReadManifest {
  manifest: BundleManifest
  bytes: Buffer
  /** Null when the signature holds; otherwise why it does not (the refusal an import throws). */
  signatureProblem: Refusal | null
}

/** Parses manifest.json and checks manifest.sig; a manifest that does not parse is refused outright. */
export async function readManifest(bundle: OpenBundle): Promise<ReadManifest> {
  const entry = bundle.byName.get(MANIFEST_PATH)
  if (!entry) throw refused('errBundles:noManifest')
  const bytes = await bundle.readWhole(entry, MAX_MANIFEST_BYTES)
  let raw: unknown
  try {
    raw = JSON.parse(utf8.decode(bytes))
  } catch {
    throw refused('errBundles:manifestNotJson')
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw refused('errBundles:manifestNotObject')
  const obj = raw as Record<string, unknown>
  if (obj.format !== BUNDLE_FORMAT) throw refused('errBundles:otherFormat', { format: shown(obj.format) })
  if (typeof obj.version === 'number' && obj.version > BUNDLE_VERSION)
    throw refused('errBundles:newerFormat', { version: String(obj.version), known: String(BUNDLE_VERSION) })
  const parsed = BundleManifest.safeParse(raw)
  if (!parsed.success) throw refusedInvalid('errBundles:manifestInvalid', parsed.error, {})
  const manifest = parsed.data
  if (manifest.version !== BUNDLE_VERSION)
    throw refused('errBundles:unknownVersion', { version: String(manifest.version) })
  return { manifest, bytes, signatureProblem: await signatureProblem(bundle, manifest, bytes) }
}

async function signatureProblem(bundle: OpenBundle, m: BundleManifest, bytes: Buffer): Promise<Refusal | null> {
  const raw = Buffer.from(m.sender.publicKey, 'base64')
  if (createHash('sha256').update(raw).digest('hex') !== m.sender.fingerprint) return 'errBundles:signatureFingerprint'
  const sigEntry = bundle.byName.get(SIGNATURE_PATH)
  if (!sigEntry) return 'errBundles:signatureMissing'
  const text = (await bundle.readWhole(sigEntry, 256)).toString('latin1').trim()
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return 'errBundles:signatureMalformed'
  if (!verifyManifest(m.sender.publicKey, bytes, Buffer.from(text, 'base64'))) return 'errBundles:signatureMismatch'
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
    const path = shown(e.path)
    if (listed.has(e.path)) throw refused('errBundles:listedTwice', { path })
    const kind = bundleEntryKind(e.path)
    if (!kind) throw refused('errBundles:listedNotInFormat', { path })
    if (kind !== e.kind) throw refused('errBundles:listedKind', { path, kind: e.kind, pathKind: kind })
    if (kind === 'blob' && bundlePathId(e.path) !== e.sha256)
      throw refused('errBundles:listedBlobSha', { path, sha256: e.sha256 })
    listed.set(e.path, e)
  }
  for (const f of bundle.entries) {
    if (f.name === MANIFEST_PATH || f.name === SIGNATURE_PATH) continue
    const e = listed.get(f.name)
    if (!e) throw refused('errBundles:notListed', { name: shown(f.name) })
    if (e.size !== f.size)
      throw refused('errBundles:sizeDisagrees', {
        name: shown(f.name),
        size: String(f.size),
        listed: String(e.size),
      })
  }
  for (const e of m.entries)
    if (!bundle.byName.has(e.path)) throw refused('errBundles:listedMissing', { path: shown(e.path) })
  if (m.entries.filter((e) => e.kind === 'case').length !== 1) throw refused('errBundles:caseCount')
  if (m.entries.filter((e) => e.kind === 'statutes').length > 1) throw refused('errBundles:statutesCount')
  return listed
}
