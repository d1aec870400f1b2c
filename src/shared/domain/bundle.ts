/**
 * Case bundles (`.casefile`): a zip that carries one case between offline
 * workspaces, with a manifest naming every entry's path, size and SHA-256,
 * signed by the sending workspace's Ed25519 key. These schemas describe the
 * manifest and the bundle's record files, and what export, inspect, import and
 * the key list report.
 */
import { z } from 'zod'
import { AuditEntry } from './audit'
import { Id, Instant, SchemaVersion, Sha256 } from './common'
import { EvidenceKind } from './evidence'

export const BUNDLE_FORMAT = 'casefile-bundle'
export const BUNDLE_VERSION = 1
export const BUNDLE_EXTENSION = '.casefile'

/** The two entries that describe the bundle; every other entry is listed in the manifest. */
export const MANIFEST_PATH = 'manifest.json'
export const SIGNATURE_PATH = 'manifest.sig'
/**
 * What the signature covers: this prefix, then the exact bytes of manifest.json.
 * The prefix keeps a bundle signature from ever being valid for anything else the
 * same key may sign later (an audit chain, say).
 */
export const SIGNATURE_CONTEXT = 'casefile-bundle-manifest-v1\n'

/** A SHA-256 of a raw 32-byte Ed25519 public key, hex: how people compare keys. */
export const KeyFingerprint = Sha256
export type KeyFingerprint = z.infer<typeof KeyFingerprint>

/** Ed25519 public key, raw 32 bytes in base64 (44 characters). */
export const PublicKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'an Ed25519 public key (32 bytes, base64)')

/** What an entry holds; its path says the same (see bundleEntryKind). */
export const BUNDLE_ENTRY_KINDS = ['case', 'statutes', 'annotations', 'briefing', 'custody', 'blob'] as const
export const BundleEntryKind = z.enum(BUNDLE_ENTRY_KINDS)
export type BundleEntryKind = z.infer<typeof BundleEntryKind>

/**
 * Every path a bundle may hold besides the manifest and its signature. ASCII
 * only, no folder above the bundle, no separators but '/', ids as the workspace
 * allows them and blobs named by their SHA-256: nothing a reader could turn into
 * a path outside where it means to write.
 */
export const BUNDLE_PATHS: { kind: BundleEntryKind; pattern: RegExp }[] = [
  { kind: 'case', pattern: /^case\.json$/ },
  { kind: 'statutes', pattern: /^statutes\.json$/ },
  { kind: 'annotations', pattern: /^annotations\/[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.json$/ },
  { kind: 'briefing', pattern: /^briefings\/[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.json$/ },
  { kind: 'custody', pattern: /^custody\/[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.json$/ },
  { kind: 'blob', pattern: /^blobs\/[0-9a-f]{64}$/ },
]

/** The kind of a bundle path, or null when the format has no such path. */
export function bundleEntryKind(path: string): BundleEntryKind | null {
  return BUNDLE_PATHS.find((p) => p.pattern.test(path))?.kind ?? null
}

/** The id (or SHA-256) a path names: annotations/<evidenceId>.json, briefings/<id>.json, blobs/<sha>. */
export function bundlePathId(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.endsWith('.json') ? name.slice(0, -'.json'.length) : name
}

/** At most this many entries: more is refused before a single one is read. */
export const MAX_BUNDLE_ENTRIES = 100_000

export const BundleEntry = z.object({
  path: z.string().min(1).max(200),
  kind: BundleEntryKind,
  size: z.number().int().nonnegative(),
  sha256: Sha256,
})
export type BundleEntry = z.infer<typeof BundleEntry>

/** An evidence item the sender chose not to send. Only its id and kind: its title may be what could not be shared. */
export const LeftOutItem = z.object({
  evidenceId: Id,
  kind: EvidenceKind,
  /** It held a file; the file is not in the bundle (unless an item sent shares the same bytes). */
  hadFile: z.boolean(),
})
export type LeftOutItem = z.infer<typeof LeftOutItem>

export const BundleSender = z.object({
  workspace: z.string().max(200),
  user: z.string().max(200),
  publicKey: PublicKey,
  fingerprint: KeyFingerprint,
})
export type BundleSender = z.infer<typeof BundleSender>

/** manifest.json */
export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  /** Bundle format version; a newer one is refused with a clear message. */
  version: z.number().int().positive(),
  createdAt: Instant,
  /** The stored-file schema version of the record files inside (case.json ...). */
  schemaVersion: SchemaVersion,
  sender: BundleSender,
  case: z.object({
    id: Id,
    title: z.string().max(300),
    reference: z.string().max(80),
    classification: z.string().max(120),
  }),
  /** Evidence the sender left out; the bundle says so rather than pretending the case is whole. */
  leftOut: z.array(LeftOutItem).max(MAX_BUNDLE_ENTRIES).default([]),
  entries: z.array(BundleEntry).max(MAX_BUNDLE_ENTRIES),
})
export type BundleManifest = z.infer<typeof BundleManifest>

/** custody/<evidenceId>.json: the sender's audit-log entries for one item, each still carrying its own hash. */
export const BundleCustodyFile = z.object({
  schemaVersion: SchemaVersion,
  evidenceId: Id,
  audit: z.array(AuditEntry).default([]),
})
export type BundleCustodyFile = z.infer<typeof BundleCustodyFile>

/** What to do when the receiving workspace already holds a case with the bundle's case id. */
export const ON_CLASH = ['keep-both', 'replace'] as const
export const OnClash = z.enum(ON_CLASH)
export type OnClash = z.infer<typeof OnClash>

/**
 * How far the signer is trusted: known (its fingerprint was trusted here before,
 * or it is this workspace's own key), new (the signature holds but nobody here has
 * vouched for the key), invalid (the signature fails: never imported).
 */
export const SignerTrust = z.enum(['known', 'new', 'invalid'])
export type SignerTrust = z.infer<typeof SignerTrust>

export const BundleCounts = z.object({
  actors: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  evidence: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  briefings: z.number().int().nonnegative(),
  statutes: z.number().int().nonnegative(),
  blobs: z.number().int().nonnegative(),
  /** Bytes of every entry, uncompressed. */
  bytes: z.number().int().nonnegative(),
})
export type BundleCounts = z.infer<typeof BundleCounts>

/** What `bundle inspect` (and the window before an import) shows. */
export const BundleInspection = z.object({
  /** SHA-256 of the whole .casefile file: what custody records it by. */
  bundleSha256: Sha256,
  size: z.number().int().nonnegative(),
  format: z.string(),
  version: z.number().int(),
  createdAt: Instant,
  signer: z.object({
    workspace: z.string(),
    user: z.string(),
    fingerprint: KeyFingerprint,
    trust: SignerTrust,
    /** This workspace's own key (a bundle made here). */
    own: z.boolean(),
  }),
  case: BundleManifest.shape.case,
  counts: BundleCounts.omit({ actors: true, events: true, notes: true, annotations: true }).extend({
    entries: z.number().int().nonnegative(),
  }),
  leftOut: z.array(LeftOutItem),
  /** A case with the same id already here: import needs a decision (keep both, or replace). */
  clash: z.object({ caseId: Id, title: z.string() }).nullable(),
})
export type BundleInspection = z.infer<typeof BundleInspection>

export const BundleExportResult = z.object({
  path: z.string(),
  /** SHA-256 of the written .casefile. */
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
  fingerprint: KeyFingerprint,
  caseId: Id,
  evidence: z.number().int().nonnegative(),
  blobs: z.number().int().nonnegative(),
  leftOut: z.array(LeftOutItem),
})
export type BundleExportResult = z.infer<typeof BundleExportResult>

export const BundleImportResult = z.object({
  caseId: Id,
  /** The bundle's own case id (differs from caseId when both were kept). */
  originalCaseId: Id,
  title: z.string(),
  bundleSha256: Sha256,
  signer: BundleInspection.shape.signer,
  /** none: no clash; keep-both: imported under new ids; replace: the case here went to the trash. */
  clash: z.enum(['none', 'keep-both', 'replace']),
  /** Where the replaced case went (trash/…), relative to the workspace. */
  trashedTo: z.string().optional(),
  counts: BundleCounts,
  blobsAlreadyPresent: z.number().int().nonnegative(),
  /** Library excerpts with the bundle's id but other text, added under new ids (never overwritten). */
  statutesRenamed: z.number().int().nonnegative(),
  /** Excerpts the library already held, same text: reused. */
  statutesReused: z.number().int().nonnegative(),
  leftOut: z.array(LeftOutItem),
})
export type BundleImportResult = z.infer<typeof BundleImportResult>

/** A key this workspace knows: its own, one trusted, or one seen in an import and not trusted. */
export const KnownKey = z.object({
  fingerprint: KeyFingerprint,
  /** Absent when trusted by fingerprint alone, before any bundle of it arrived. */
  publicKey: PublicKey.optional(),
  /** The workspace and user names its last bundle claimed (a claim, not a proof). */
  workspace: z.string().max(200).default(''),
  user: z.string().max(200).default(''),
  trusted: z.boolean(),
  trustedAt: Instant.optional(),
  firstSeenAt: Instant.optional(),
  lastSeenAt: Instant.optional(),
})
export type KnownKey = z.infer<typeof KnownKey>

/** bundles/keys.json: the trust list. */
export const KeysFile = z.object({
  schemaVersion: SchemaVersion,
  keys: z.array(KnownKey).default([]),
})
export type KeysFile = z.infer<typeof KeysFile>

export const KeyList = z.object({
  own: z.object({ fingerprint: KeyFingerprint, publicKey: PublicKey, createdAt: Instant.optional() }),
  keys: z.array(KnownKey),
})
export type KeyList = z.infer<typeof KeyList>

/** "ab12 cd34 …": a fingerprint in groups of four, easier to read aloud. */
export const groupFingerprint = (fp: string) => fp.replace(/(.{4})(?=.)/g, '$1 ')

/** A fingerprint as typed or pasted (spaces, colons, upper case): the 64 hex digits, or null. */
export function parseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toLowerCase()
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null
}
