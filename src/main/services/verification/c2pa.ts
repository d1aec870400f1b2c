/**
 * Content Credentials (C2PA): found by walking the file's structure (JPEG
 * segments, PNG chunks, ISO BMFF boxes, RIFF chunks — a few small reads, never
 * the whole file), then, where a manifest is present, read and validated
 * offline by the Content Authenticity Initiative's c2pa-rs compiled to
 * WebAssembly (@contentauth/c2pa-wasm): signature, hash binding, and the
 * signer's certificate against the workspace's trust anchors. Nothing is
 * fetched (remote manifests and OCSP are off).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { C2paResult, type C2paManifestSummary } from '@shared/domain'
import { errorText } from './readers/facts'
import type { FileSource } from './fileSource'

export const C2PA_WASM = 'c2pa-wasm 0.15.0'

/** The validator holds the whole file in memory (it has no streaming reader in Node): larger files are not validated. */
export const C2PA_VALIDATE_LIMIT = 512 * 1024 * 1024
/** Formats found by a direct attempt rather than a walk (TIFF, MP3, WAV, PDF, GIF …) are tried up to this size. */
const DIRECT_TRY_LIMIT = 64 * 1024 * 1024

const C2PA_UUID = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex')

type Sniffed = { format: string; walk: 'jpeg' | 'png' | 'bmff' | 'riff' | null } | null

/** The format by its first bytes, as c2pa names it. */
function sniff(head: Buffer): Sniffed {
  if (head[0] === 0xff && head[1] === 0xd8) return { format: 'image/jpeg', walk: 'jpeg' }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { format: 'image/png', walk: 'png' }
  if (head.toString('latin1', 4, 8) === 'ftyp') {
    const brand = head.toString('latin1', 8, 12)
    const format = /^(heic|heix|mif1|msf1)$/.test(brand)
      ? 'image/heic'
      : /^avif/.test(brand)
        ? 'image/avif'
        : brand === 'qt  '
          ? 'video/quicktime'
          : /^M4A/.test(brand)
            ? 'audio/mp4'
            : 'video/mp4'
    return { format, walk: 'bmff' }
  }
  if (head.toString('latin1', 0, 4) === 'RIFF') {
    const kind = head.toString('latin1', 8, 12)
    if (kind === 'WEBP') return { format: 'image/webp', walk: 'riff' }
    if (kind === 'WAVE') return { format: 'audio/wav', walk: 'riff' }
    if (kind === 'AVI ') return { format: 'video/avi', walk: 'riff' }
  }
  if (head.toString('latin1', 0, 4) === '%PDF') return { format: 'application/pdf', walk: null }
  if (head.toString('latin1', 0, 4) === 'II*\0' || head.toString('latin1', 0, 4) === 'MM\0*')
    return { format: 'image/tiff', walk: null }
  if (head.toString('latin1', 0, 3) === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0))
    return { format: 'audio/mpeg', walk: null }
  if (head.toString('latin1', 0, 3) === 'GIF') return { format: 'image/gif', walk: null }
  return null
}

const readAt = (src: FileSource, pos: number, len: number): Promise<Buffer> => src.read(pos, len)

/**
 * Steps a walk takes at most. A crafted file of empty segments or chunks would otherwise cost one read per
 * few bytes (25 MB of zeros after a PNG signature: two million reads, 99 s); real files have a few hundred.
 */
const MAX_WALK_STEPS = 100_000

/** JPEG: an APP11 segment holding JUMBF ("jumb" box labelled c2pa), before the image data. */
async function jpegHasManifest(src: FileSource, size: number): Promise<boolean> {
  let pos = 2
  for (let n = 0; pos + 4 <= size && n < MAX_WALK_STEPS; n++) {
    const h = await readAt(src, pos, 4)
    if (h.length < 4 || h[0] !== 0xff) return false
    const marker = h[1]
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2
      continue
    }
    if (marker === 0xda || marker === 0xd9) return false // image data: no metadata segments after it
    const len = h.readUInt16BE(2)
    if (len < 2) return false // a segment's length counts its own two bytes: not a JPEG's structure
    if (marker === 0xeb) {
      const seg = await readAt(src, pos + 4, Math.min(len - 2, 64))
      if (seg.includes('jumb') && seg.includes('c2pa')) return true
    }
    pos += 2 + len
  }
  return false
}

/** PNG: a caBX chunk. */
async function pngHasManifest(src: FileSource, size: number): Promise<boolean> {
  let pos = 8
  for (let n = 0; pos + 8 <= size && n < MAX_WALK_STEPS; n++) {
    const h = await readAt(src, pos, 8)
    if (h.length < 8) return false
    const type = h.toString('latin1', 4, 8)
    if (type === 'caBX') return true
    // Every chunk type is four ASCII letters: anything else is not a PNG's structure.
    if (type === 'IEND' || !/^[A-Za-z]{4}$/.test(type)) return false
    pos += 12 + h.readUInt32BE(0)
  }
  return false
}

/** ISO BMFF (MP4, MOV, HEIC, M4A): a top-level uuid box with the C2PA user type. */
async function bmffHasManifest(src: FileSource, size: number): Promise<boolean> {
  let pos = 0
  for (let n = 0; pos + 8 <= size && n < MAX_WALK_STEPS; n++) {
    const h = await readAt(src, pos, 32)
    if (h.length < 8) return false
    let len = h.readUInt32BE(0)
    const type = h.toString('latin1', 4, 8)
    let header = 8
    if (len === 1) {
      len = Number(h.readBigUInt64BE(8))
      header = 16
    } else if (len === 0) len = size - pos
    if (type === 'uuid' && h.subarray(header, header + 16).equals(C2PA_UUID)) return true
    if (len < header) return false
    pos += len
  }
  return false
}

/** RIFF (WebP, WAV, AVI): a C2PA chunk. */
async function riffHasManifest(src: FileSource, size: number): Promise<boolean> {
  let pos = 12
  for (let n = 0; pos + 8 <= size && n < MAX_WALK_STEPS; n++) {
    const h = await readAt(src, pos, 8)
    if (h.length < 8) return false
    if (h.toString('latin1', 0, 4) === 'C2PA') return true
    const len = h.readUInt32LE(4)
    pos += 8 + len + (len & 1)
  }
  return false
}

// ---------------------------------------------------------------------------------------------

type WasmModule = typeof import('@contentauth/c2pa-wasm')
let wasm: Promise<WasmModule> | null = null

/** The WebAssembly validator, loaded on first need (8.9 MB; most files carry no credentials). */
function loadWasm(): Promise<WasmModule> {
  wasm ??= import('@contentauth/c2pa-wasm').then((m) => {
    const bytes = readFileSync(createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm'))
    m.initSync({ module: bytes })
    return m
  })
  return wasm
}

/** How many certificates a PEM bundle holds. */
export const countCertificates = (pem: string) => (pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length

interface StatusEntry {
  code?: string
  explanation?: string
}
interface StoreJson {
  active_manifest?: string
  manifests?: Record<string, ManifestJson>
  validation_state?: string
  validation_results?: {
    activeManifest?: { success?: StatusEntry[]; failure?: StatusEntry[]; informational?: StatusEntry[] }
  }
  validation_status?: StatusEntry[]
}
interface ManifestJson {
  title?: string
  claim_generator?: string
  claim_generator_info?: { name?: string; version?: string }[]
  ingredients?: { title?: string; active_manifest?: string }[]
  assertions?: { label?: string; data?: { actions?: Record<string, unknown>[] } }[]
  signature_info?: { issuer?: string; common_name?: string; time?: string; cert_serial_number?: string }
}

const s = (v: unknown, max = 500) => (typeof v === 'string' ? v.slice(0, max) : undefined)

function summarize(label: string, m: ManifestJson): C2paManifestSummary {
  const gen = m.claim_generator_info?.[0]
  const actions = (m.assertions ?? [])
    .filter((a) => /^c2pa\.actions/.test(a.label ?? ''))
    .flatMap((a) => a.data?.actions ?? [])
    .slice(0, 200)
    .map((a) => {
      const agent = a.softwareAgent
      const agentName =
        typeof agent === 'string'
          ? agent
          : agent && typeof agent === 'object'
            ? [s((agent as Record<string, unknown>).name), s((agent as Record<string, unknown>).version)]
                .filter(Boolean)
                .join(' ')
            : undefined
      return {
        action: s(a.action, 200) ?? '(unnamed)',
        ...(agentName ? { softwareAgent: agentName.slice(0, 300) } : {}),
        ...(s(a.when, 100) ? { when: s(a.when, 100) } : {}),
        ...(s(a.description, 1_000) ? { description: s(a.description, 1_000) } : {}),
      }
    })
  return {
    label: label.slice(0, 300),
    ...(s(m.title) ? { title: s(m.title) } : {}),
    ...(s(m.signature_info?.common_name) ? { signer: s(m.signature_info?.common_name) } : {}),
    ...(s(m.signature_info?.issuer) ? { issuer: s(m.signature_info?.issuer) } : {}),
    ...(s(m.signature_info?.time, 100) ? { signedAt: s(m.signature_info?.time, 100) } : {}),
    ...((gen?.name ?? m.claim_generator)
      ? { tool: [gen?.name, gen?.version].filter(Boolean).join(' ') || s(m.claim_generator) }
      : {}),
    actions,
    ingredients: (m.ingredients ?? []).map((i) => s(i.title) ?? '(untitled)').slice(0, 100),
  }
}

/** The claim chain: the active manifest, then the manifests of its ingredients, depth first. */
function chain(store: StoreJson): C2paManifestSummary[] {
  const out: C2paManifestSummary[] = []
  const seen = new Set<string>()
  const visit = (label: string | undefined) => {
    if (!label || seen.has(label) || out.length >= 50) return
    seen.add(label)
    const m = store.manifests?.[label]
    if (!m) return
    out.push(summarize(label, m))
    for (const i of m.ingredients ?? []) visit(i.active_manifest)
  }
  visit(store.active_manifest)
  return out
}

/** Reads what the validator said into the stored result. */
export function resultOf(store: StoreJson, anchors: number): C2paResult {
  const r = store.validation_results?.activeManifest
  const success = (r?.success ?? []).map((e) => e.code ?? '')
  const failures = (r?.failure ?? store.validation_status ?? []).map((e) => ({
    code: (e.code ?? 'unknown').slice(0, 200),
    explanation: (e.explanation ?? '').slice(0, 1_000),
  }))
  const failed = (re: RegExp) => failures.some((f) => re.test(f.code))
  const passed = (re: RegExp) => success.some((c) => re.test(c))
  const HASH = /^assertion\.(dataHash|bmffHash|boxesHash|collectionHash)\./
  const signatureValid = failed(/^claimSignature\.(mismatch|missing)|^signingCredential\.(invalid|revoked|expired)/)
    ? false
    : passed(/^claimSignature\.validated/)
      ? true
      : null
  const hashBindingValid = failures.some((f) => HASH.test(f.code))
    ? false
    : success.some((c) => HASH.test(c) && /\.match$/.test(c))
      ? true
      : null
  const signerTrusted = passed(/^signingCredential\.trusted/)
    ? true
    : failed(/^signingCredential\.untrusted/)
      ? false
      : null
  // Untrusted alone is not a broken file: it means the signer is not on this workspace's list.
  const real = failures.filter((f) => f.code !== 'signingCredential.untrusted')
  const state = store.validation_state
  const status =
    state === 'Trusted'
      ? 'trusted'
      : real.length || signatureValid === false || hashBindingValid === false
        ? 'invalid'
        : 'valid'
  return C2paResult.parse({
    status,
    validator: C2PA_WASM,
    trustAnchors: anchors,
    signatureValid,
    hashBindingValid,
    signerTrusted,
    manifests: chain(store),
    failures: failures.slice(0, 100),
    reason:
      status === 'valid' && signerTrusted !== true
        ? anchors
          ? 'The signer is not among the workspace’s trusted certificates.'
          : 'No trust anchors are configured: the signature holds, but who signed it is not checked against a trust list.'
        : '',
  })
}

const absent = (reason = ''): C2paResult => C2paResult.parse({ status: 'absent', reason })

/**
 * Looks for a manifest and, where there is one, validates it. Never throws: a
 * failure to read is an 'error' result with its reason.
 */
export async function readC2pa(src: FileSource, trustAnchorsPem: string): Promise<C2paResult> {
  let format: string
  const size = src.size
  try {
    const kind = sniff(await readAt(src, 0, 16))
    if (!kind) return absent('Not a format that carries Content Credentials.')
    format = kind.format
    const present =
      kind.walk === 'jpeg'
        ? await jpegHasManifest(src, size)
        : kind.walk === 'png'
          ? await pngHasManifest(src, size)
          : kind.walk === 'bmff'
            ? await bmffHasManifest(src, size)
            : kind.walk === 'riff'
              ? await riffHasManifest(src, size)
              : size <= DIRECT_TRY_LIMIT
                ? null // try the validator directly
                : false
    if (present === false) return absent()
  } catch (e) {
    return C2paResult.parse({ status: 'error', reason: `Could not look for Content Credentials: ${errorText(e)}` })
  }
  if (size > C2PA_VALIDATE_LIMIT)
    return C2paResult.parse({
      status: 'error',
      validator: C2PA_WASM,
      reason: `The file carries Content Credentials, but at ${Math.round(size / 1e6)} MB it is larger than the ${C2PA_VALIDATE_LIMIT / 1024 / 1024} MiB the validator can hold in memory; not validated.`,
    })
  const anchors = countCertificates(trustAnchorsPem)
  try {
    const m = await loadWasm()
    const settings = JSON.stringify({
      verify: { verify_trust: anchors > 0, remote_manifest_fetch: false, ocsp_fetch: false },
      ...(anchors ? { trust: { trust_anchors: trustAnchorsPem } } : {}),
    })
    const reader = await m.WasmReader.fromBytes(format, new Uint8Array(await src.all()), settings)
    try {
      return resultOf(JSON.parse(reader.json()) as StoreJson, anchors)
    } finally {
      reader.free()
    }
  } catch (e) {
    const msg = errorText(e)
    if (/JumbfNotFound|ManifestNotFound|no JUMBF|not found/i.test(msg)) return absent()
    return C2paResult.parse({
      status: 'error',
      validator: C2PA_WASM,
      trustAnchors: anchors,
      reason: `The Content Credentials could not be read: ${msg}`,
    })
  }
}
