/**
 * What Casefile reads from an evidence file to help a person verify it (the
 * Berkeley Protocol's technical check), kept with the item as `analysis`:
 * embedded metadata as facts with their source field, Content Credentials
 * (C2PA), a perceptual fingerprint for near-duplicates; and the advice drawn
 * from them against what the user claims (consistency warnings), the sun and
 * the zone of a time and place. Everything here is advice with its evidence,
 * never a verdict: the person decides.
 */
import { z } from 'zod'
import { Id, Instant, Sha256 } from './common'
import { formatOffset, isValidTimeZone, zoneOffsetMinutes } from './time'

/** Bumped when the readers learn to find more, so items read before can be told apart (and re-read). */
export const ANALYSIS_VERSION = 1

// ---------------------------------------------------------------------------------------------
// Facts

/**
 * The facts the readers look for. Times are ISO local date-times with the offset
 * the file states ("2026-01-27T11:00:00-06:00", "…Z"), or without one
 * ("2026-01-27T11:00:00") when the file gives no zone: see parseFactTime.
 */
export const FACT_NAMES = [
  'captureTime',
  'digitizedTime',
  'createTime',
  'modifyTime',
  'gpsTime',
  'make',
  'model',
  'lens',
  'serialNumber',
  'software',
  'creatorTool',
  'producer',
  'editHistory',
  'author',
  'title',
  'latitude',
  'longitude',
  'altitude',
  'width',
  'height',
  'rotation',
  'orientation',
  'duration',
  'container',
  'videoCodec',
  'audioCodec',
  'frameRate',
  'bitRate',
  'sampleRate',
  'channels',
  'pages',
  'encoder',
] as const
export const FactName = z.enum(FACT_NAMES)
export type FactName = z.infer<typeof FactName>

export const FACT_LABELS: Record<FactName, string> = {
  captureTime: 'Capture time',
  digitizedTime: 'Digitised time',
  createTime: 'Creation time',
  modifyTime: 'Modification time',
  gpsTime: 'GPS time (UTC)',
  make: 'Device make',
  model: 'Device model',
  lens: 'Lens',
  serialNumber: 'Serial number',
  software: 'Software',
  creatorTool: 'Creator tool',
  producer: 'Producer',
  editHistory: 'Edit history',
  author: 'Author',
  title: 'Title',
  latitude: 'Latitude',
  longitude: 'Longitude',
  altitude: 'Altitude (m)',
  width: 'Width (px)',
  height: 'Height (px)',
  rotation: 'Rotation (°)',
  orientation: 'Orientation',
  duration: 'Duration (s)',
  container: 'Container',
  videoCodec: 'Video codec',
  audioCodec: 'Audio codec',
  frameRate: 'Frame rate (fps)',
  bitRate: 'Bit rate (bit/s)',
  sampleRate: 'Sample rate (Hz)',
  channels: 'Audio channels',
  pages: 'Pages',
  encoder: 'Encoder',
}

/**
 * Facts that say when, where, on what or by whom a file was made: a file with
 * none of them is "stripped" (status none), whatever software tag or format it keeps.
 */
export const CAPTURE_FACTS: readonly FactName[] = [
  'captureTime',
  'digitizedTime',
  'createTime',
  'gpsTime',
  'make',
  'model',
  'lens',
  'serialNumber',
  'author',
  'latitude',
  'longitude',
]

/** Facts that describe how a file was made (not only its format). */
export const DESCRIPTIVE_FACTS: readonly FactName[] = [
  'captureTime',
  'digitizedTime',
  'createTime',
  'modifyTime',
  'gpsTime',
  'make',
  'model',
  'lens',
  'serialNumber',
  'software',
  'creatorTool',
  'producer',
  'editHistory',
  'author',
  'latitude',
  'longitude',
  'encoder',
]

/** Where a fact came from: the reader (ffprobe, mediainfo.js, exifr …) and the field it read. */
export const FactSource = z.object({
  reader: z.string().max(60),
  field: z.string().max(200),
})
export type FactSource = z.infer<typeof FactSource>

export const MetadataFact = z.object({
  name: FactName,
  value: z.union([z.string().max(2_000), z.number()]),
  source: FactSource,
})
export type MetadataFact = z.infer<typeof MetadataFact>

/**
 * found: the file carries metadata that says how it was made; none: it was read,
 * and holds only its format (dimensions, codec) — stripped, as social networks
 * do; unreadable: no reader could parse it (reason says why); unsupported: no
 * reader covers this kind of file (a web page, a text).
 */
export const METADATA_STATUSES = ['found', 'none', 'unreadable', 'unsupported'] as const
export const MediaMetadata = z.object({
  status: z.enum(METADATA_STATUSES),
  /** Why nothing (or only part) was found; what a reader reported. */
  reason: z.string().max(2_000).default(''),
  /** Readers that ran, with versions: "exifr 7.1.3", "ffprobe 5.1.9". */
  readers: z.array(z.string().max(100)).max(20).default([]),
  facts: z.array(MetadataFact).max(500).default([]),
})
export type MediaMetadata = z.infer<typeof MediaMetadata>

// ---------------------------------------------------------------------------------------------
// Content Credentials (C2PA)

export const C2paAction = z.object({
  action: z.string().max(200),
  softwareAgent: z.string().max(300).optional(),
  when: z.string().max(100).optional(),
  description: z.string().max(1_000).optional(),
})
export const C2paManifestSummary = z.object({
  label: z.string().max(300),
  title: z.string().max(500).optional(),
  /** The signing certificate's subject (organisation / common name). */
  signer: z.string().max(500).optional(),
  /** The certificate's issuer. */
  issuer: z.string().max(500).optional(),
  signedAt: z.string().max(100).optional(),
  /** The tool that made the claim (claim_generator). */
  tool: z.string().max(500).optional(),
  actions: z.array(C2paAction).max(200).default([]),
  /** Titles of the ingredients (files this one was made from). */
  ingredients: z.array(z.string().max(500)).max(100).default([]),
})
export type C2paManifestSummary = z.infer<typeof C2paManifestSummary>

export const C2paStatusEntry = z.object({ code: z.string().max(200), explanation: z.string().max(1_000).default('') })

/**
 * absent: no manifest in the file; trusted: valid and signed by a certificate of
 * the workspace's trust list; valid: signature and hash binding hold, signer not
 * on the trust list; invalid: something fails (see failures); error: the
 * manifest could not be read (reason).
 */
export const C2PA_STATUSES = ['absent', 'trusted', 'valid', 'invalid', 'error'] as const
export const C2paResult = z.object({
  status: z.enum(C2PA_STATUSES),
  reason: z.string().max(2_000).default(''),
  /** The library that validated it ("c2pa-wasm 0.15.0") and the trust anchors used. */
  validator: z.string().max(200).default(''),
  trustAnchors: z.number().int().nonnegative().default(0),
  /** null: not decided (no manifest, or not reached). */
  signatureValid: z.boolean().nullable().default(null),
  hashBindingValid: z.boolean().nullable().default(null),
  signerTrusted: z.boolean().nullable().default(null),
  /** The claim chain, the active manifest first, then its ingredients' manifests. */
  manifests: z.array(C2paManifestSummary).max(50).default([]),
  failures: z.array(C2paStatusEntry).max(100).default([]),
})
export type C2paResult = z.infer<typeof C2paResult>

// ---------------------------------------------------------------------------------------------
// Perceptual fingerprint

/** Hex of 64-bit hashes, 16 digits each, concatenated (one per frame for video). */
const HashString = z.string().regex(/^(?:[0-9a-f]{16})*$/)

/**
 * dHash and DCT pHash (64 bits each) of a 32×32 grayscale image: of the image
 * itself, or of video keyframes (at most one a second) at `times` seconds.
 * Flat frames (a black screen, a fade) carry no content and are left out.
 */
/** Keyframes are read at most one a second; a long video, at most one every `gap` seconds (> 0.95). */
const KEYFRAMES = /^(.*) \(keyframes(?:, one every (\d+(?:\.\d+)?) s or more|, at most one a second)\)$/

/** A video fingerprint's `tool`: the decoder and how often it read a keyframe (English, stored as it is). */
export const keyframesTool = (label: string, gap: number): string =>
  `${label} (keyframes${gap > 0.95 ? `, one every ${gap.toFixed(1)} s or more` : ', at most one a second'})`

/** What keyframesTool recorded, for wording in another language: null for any other tool. */
export function keyframesOf(tool: string): { label: string; every?: number } | null {
  const m = KEYFRAMES.exec(tool)
  if (!m) return null
  return m[2] === undefined ? { label: m[1] } : { label: m[1], every: Number(m[2]) }
}

export const Fingerprint = z.object({
  status: z.enum(['done', 'skipped']),
  reason: z.string().max(1_000).default(''),
  algorithm: z.literal('dhash64+phash64/gray32').default('dhash64+phash64/gray32'),
  kind: z.enum(['image', 'video']).optional(),
  times: z.array(z.number().nonnegative()).max(20_000).default([]),
  dhash: HashString.default(''),
  phash: HashString.default(''),
  /** Keyframes looked at, flat ones included. */
  framesSeen: z.number().int().nonnegative().default(0),
  /** What made it: "sharp 0.35.5", "ffmpeg 5.1.9 (keyframes)". */
  tool: z.string().max(200).default(''),
})
export type Fingerprint = z.infer<typeof Fingerprint>

/** Hashes within these many bits (of 64) on both counts are the same picture: re-encoded, resized, cropped a little. */
export const NEAR_DUPLICATE = { dhash: 12, phash: 18 } as const

// ---------------------------------------------------------------------------------------------
// Claims, warnings and aids

export const Place = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** How the place was named ("Consulate, 5th Ave"); optional. */
  label: z.string().trim().max(300).default(''),
})
export type Place = z.infer<typeof Place>

/** What the user states about an item, that its metadata is compared with. */
export const Claim = z.object({
  source: z.enum(['event date', 'event']),
  eventId: Id.optional(),
  label: z.string().max(500),
  at: Instant.optional(),
  /** The zone the claim is stated in (events have one; an item's event date does not). */
  tz: z.string().max(100).optional(),
  precision: z.enum(['exact', 'approximate', 'day', 'month']).default('exact'),
  place: Place.optional(),
})
export type Claim = z.infer<typeof Claim>

export const WARNING_CODES = [
  'capture-time-differs',
  'far-from-place',
  'modified-after-capture',
  'editing-software',
  'metadata-stripped',
  'content-credentials-invalid',
] as const
export const WarningCode = z.enum(WARNING_CODES)
export type WarningCode = z.infer<typeof WarningCode>

/** Advice with its evidence: the facts it rests on and the numbers it compared. Never a verdict. */
export const ConsistencyWarning = z.object({
  code: WarningCode,
  message: z.string().max(2_000),
  facts: z.array(MetadataFact).max(20).default([]),
  numbers: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  claim: Claim.optional(),
})
export type ConsistencyWarning = z.infer<typeof ConsistencyWarning>

export const VerificationSettings = z.object({
  /** A capture time further than this from the claimed time is pointed out. */
  timeMarginMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(120),
  /** A GPS position further than this from the stated place is pointed out. */
  placeRadiusKm: z.number().min(0.01).max(20_000).default(5),
  /** PEM certificates whose signatures on Content Credentials count as trusted (the C2PA trust list, or your own). */
  c2paTrustAnchors: z.string().max(2_000_000).default(''),
})
export type VerificationSettings = z.infer<typeof VerificationSettings>

/** What Casefile read from an item's file: stored with the item (the blob is never changed). */
export const FileAnalysis = z.object({
  version: z.number().int().positive(),
  /** The blob examined. */
  sha256: Sha256,
  analysedAt: Instant,
  metadata: MediaMetadata,
  c2pa: C2paResult,
  fingerprint: Fingerprint,
  /** The warnings as they stood when the file was examined; inspect gives them as they stand now. */
  warnings: z.array(ConsistencyWarning).max(50).default([]),
})
export type FileAnalysis = z.infer<typeof FileAnalysis>

export const SunPosition = z.object({
  at: Instant,
  latitude: z.number(),
  longitude: z.number(),
  /** Degrees above the horizon (refraction-corrected); negative: below it. */
  altitude: z.number(),
  /** Degrees clockwise from north. */
  azimuth: z.number(),
  /** The place's zone, computed from its coordinates. */
  zone: z.string(),
  /** The wall-clock time there, with its offset: "2026-01-27T11:00:00-06:00". */
  localTime: z.string(),
  sunrise: Instant.nullable(),
  sunset: Instant.nullable(),
  solarNoon: Instant.nullable(),
  /** Shadows point away from the sun: their direction, clockwise from north, when the sun is up. */
  shadowAzimuth: z.number().nullable(),
  /** A vertical object's shadow length relative to its height, when the sun is up. */
  shadowRatio: z.number().nullable(),
})
export type SunPosition = z.infer<typeof SunPosition>

export const SunRequest = z.object({
  at: Instant,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})
export type SunRequest = z.infer<typeof SunRequest>

/** A time and place to check the sun and zone against: the claim, or what the file says. */
export const TimePlaceAid = z.object({
  basis: z.string().max(300),
  /** The basis as the window words it in its language: a claim at its place or at the file's GPS position, or the file's own. */
  from: z.enum(['claim-place', 'claim-gps', 'file']).optional(),
  claim: Claim.optional(),
  sun: SunPosition,
})
export type TimePlaceAid = z.infer<typeof TimePlaceAid>

export const MatchSpan = z.object({ start: z.number().nonnegative(), end: z.number().nonnegative() })

/** One way two items match: the same bytes, the same picture, or a stretch of the same footage. */
export const DuplicateMatch = z.object({
  caseId: Id,
  evidenceId: Id,
  title: z.string(),
  kind: z.string(),
  how: z.enum(['identical file', 'same picture', 'frame', 'segment']),
  /** Where in this item (seconds), for video. */
  here: MatchSpan.optional(),
  /** Where in the other item (seconds), for video. */
  there: MatchSpan.optional(),
  /** Frames that matched, and the mean Hamming distances of their hashes (bits of 64). */
  frames: z.number().int().nonnegative(),
  dhashDistance: z.number().nonnegative(),
  phashDistance: z.number().nonnegative(),
  /** In words: "this clip matches item X at 00:00:04–00:00:09". */
  summary: z.string(),
})
export type DuplicateMatch = z.infer<typeof DuplicateMatch>

export const ItemInspection = z.object({
  caseId: Id,
  evidenceId: Id,
  title: z.string(),
  kind: z.string(),
  sha256: Sha256.optional(),
  /** Absent: the item holds no file, or it was imported before Casefile read files (reread it). */
  analysis: FileAnalysis.optional(),
  /** Warnings against the claims as they stand now. */
  warnings: z.array(ConsistencyWarning),
  /** The claims compared. */
  claims: z.array(Claim),
  duplicates: z.array(DuplicateMatch),
  aids: z.array(TimePlaceAid),
  settings: VerificationSettings.omit({ c2paTrustAnchors: true }),
  /** What a person should know about how this was worked out (no ffmpeg, an old reading …). */
  notes: z.array(z.string()),
  /** The file is being examined now (a large one, after its import returned). */
  examining: z.boolean().default(false),
})
export type ItemInspection = z.infer<typeof ItemInspection>

export const DuplicatePair = z.object({
  a: z.object({ caseId: Id, evidenceId: Id, title: z.string() }),
  matches: z.array(DuplicateMatch),
})
export type DuplicatePair = z.infer<typeof DuplicatePair>

export const RereadOutcome = z.object({
  items: z.array(
    z.object({
      caseId: Id,
      evidenceId: Id,
      title: z.string(),
      status: z.enum(['read', 'no file', 'failed']),
      metadata: z.enum(METADATA_STATUSES).optional(),
      c2pa: z.enum(C2PA_STATUSES).optional(),
      warnings: z.number().int().nonnegative().default(0),
      reason: z.string().default(''),
    }),
  ),
})
export type RereadOutcome = z.infer<typeof RereadOutcome>

// ---------------------------------------------------------------------------------------------
// Pure rules

const FACT_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

/** A time fact: its wall-clock part, and its offset in minutes when the file gave one. */
export function parseFactTime(value: string | number): { local: string; offsetMinutes?: number; ms?: number } | null {
  if (typeof value !== 'string') return null
  const m = FACT_TIME_RE.exec(value)
  if (!m) return null
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}`
  if (!m[8]) return { local }
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (+m[8].slice(1, 3) * 60 + +m[8].slice(4, 6))
  return { local, offsetMinutes, ms: Date.parse(value) }
}

/** Milliseconds of a wall-clock time read as if it were UTC (for arithmetic on local times). */
function localAsUtcMs(local: string): number {
  return Date.parse(`${local}Z`)
}

/** The instant of a time fact; a time without offset is read in `tz` (null when there is none to read it in). */
export function factInstant(value: string | number, tz?: string): number | null {
  const t = parseFactTime(value)
  if (!t) return null
  if (t.ms !== undefined) return t.ms
  if (!tz || !isValidTimeZone(tz)) return null
  // Two passes: the offset at the guess, then at the corrected instant (right except within a DST jump).
  const guess = localAsUtcMs(t.local)
  const first = guess - zoneOffsetMinutes(guess, tz) * 60_000
  return guess - zoneOffsetMinutes(first, tz) * 60_000
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)))
}

export const factOf = (facts: readonly MetadataFact[], name: FactName): MetadataFact | undefined =>
  facts.find((f) => f.name === name)

/** The file's GPS position, when it has one. */
export function gpsOf(
  facts: readonly MetadataFact[],
): { latitude: number; longitude: number; facts: MetadataFact[] } | null {
  const lat = factOf(facts, 'latitude')
  const lon = factOf(facts, 'longitude')
  if (!lat || !lon || typeof lat.value !== 'number' || typeof lon.value !== 'number') return null
  return { latitude: lat.value, longitude: lon.value, facts: [lat, lon] }
}

/**
 * Software names that edit pictures, sound or film (not only record them). A
 * match is advice: phones name their own firmware in Software, and a converter
 * may be innocent.
 */
const EDITORS =
  /photoshop|lightroom|gimp|affinity|pixelmator|snapseed|picsart|facetune|canva|capture one|darktable|rawtherapee|luminar|paint\.net|corel|acdsee|premiere|after effects|final cut|davinci|resolve|imovie|capcut|vegas|kdenlive|shotcut|openshot|avid|media composer|filmora|inshot|vn video|audition|audacity|logic pro|garageband|adobe firefly|midjourney|dall.?e|stable diffusion|generative/i

/** Software the metadata names, with the editors among them. */
export function editingSoftware(facts: readonly MetadataFact[]): MetadataFact[] {
  return facts.filter(
    (f) =>
      (f.name === 'software' ||
        f.name === 'creatorTool' ||
        f.name === 'editHistory' ||
        f.name === 'producer' ||
        f.name === 'encoder') &&
      typeof f.value === 'string' &&
      EDITORS.test(f.value),
  )
}

const hours = (minutes: number) =>
  Math.abs(minutes) >= 120 ? `${(minutes / 60).toFixed(1)} h` : `${Math.round(minutes)} min`

/** The zone to read a time without offset in: the claim's, else the one the GPS position falls in. */
export interface WarningContext {
  settings: Pick<VerificationSettings, 'timeMarginMinutes' | 'placeRadiusKm'>
  /** The zone of the file's GPS position, if it has one (computed by the caller from coordinates). */
  gpsZone?: string
  /** The workspace's default zone: the last resort for a time without offset. */
  defaultZone?: string
}

/**
 * Compares what the file says with what the user claims. Each warning names the
 * facts it rests on and the numbers it compared.
 */
export function consistencyWarnings(
  analysis: Pick<FileAnalysis, 'metadata' | 'c2pa'>,
  claims: readonly Claim[],
  ctx: WarningContext,
  kind?: string,
): ConsistencyWarning[] {
  const out: ConsistencyWarning[] = []
  const facts = analysis.metadata.facts
  const capture = factOf(facts, 'captureTime') ?? factOf(facts, 'digitizedTime') ?? factOf(facts, 'createTime')
  const margin = ctx.settings.timeMarginMinutes

  if (analysis.metadata.status === 'none' && (kind === 'image' || kind === 'video' || kind === 'audio')) {
    out.push({
      code: 'metadata-stripped',
      message:
        'The file carries no metadata about when, where or on what it was made (no capture time, device or location): typical of a copy saved from a social network or a messaging app, which strip it. Look for an earlier, fuller copy.',
      facts: [],
      numbers: { descriptiveFacts: 0, formatFacts: facts.length },
    })
  }

  if (capture) {
    for (const c of claims) {
      if (!c.at) continue
      const zone = c.tz ?? ctx.gpsZone ?? ctx.defaultZone
      const t = parseFactTime(capture.value)
      const ms = factInstant(capture.value, zone)
      if (ms === null || !t) continue
      const claimed = Date.parse(c.at)
      const diff = (ms - claimed) / 60_000
      // A claim to the day or month is loose: allow its whole span on top of the margin.
      const slack = c.precision === 'month' ? 31 * 24 * 60 : c.precision === 'day' ? 24 * 60 : 0
      if (Math.abs(diff) <= margin + slack) continue
      const readIn =
        t.offsetMinutes === undefined
          ? ` The file gives no zone; its time was read as ${zone} time${c.tz ? ' (the claim’s zone)' : ctx.gpsZone && zone === ctx.gpsZone ? ' (the zone of its GPS position)' : ' (the workspace default)'}.`
          : ''
      out.push({
        code: 'capture-time-differs',
        message: `The file says it was made ${hours(Math.abs(diff))} ${diff > 0 ? 'after' : 'before'} the time claimed by ${c.label} (margin ${hours(margin)}).${readIn} Clocks are often wrong or unset; a difference is a question to ask, not proof.`,
        facts: [capture],
        numbers: {
          differenceMinutes: Math.round(diff),
          marginMinutes: margin,
          fileInstant: new Date(ms).toISOString(),
          claimedInstant: new Date(claimed).toISOString(),
          ...(t.offsetMinutes === undefined && zone ? { readInZone: zone } : {}),
        },
        claim: c,
      })
    }
  }

  const gps = gpsOf(facts)
  if (gps) {
    for (const c of claims) {
      if (!c.place) continue
      const km = distanceKm(gps, c.place)
      if (km <= ctx.settings.placeRadiusKm) continue
      out.push({
        code: 'far-from-place',
        message: `The file's GPS position is ${km < 10 ? km.toFixed(2) : Math.round(km)} km from the place stated by ${c.label}${c.place.label ? ` (${c.place.label})` : ''} (radius ${ctx.settings.placeRadiusKm} km). GPS in metadata can be stale, approximate or edited; weigh it with the content.`,
        facts: gps.facts,
        numbers: {
          distanceKm: Math.round(km * 100) / 100,
          radiusKm: ctx.settings.placeRadiusKm,
          claimedLatitude: c.place.latitude,
          claimedLongitude: c.place.longitude,
        },
        claim: c,
      })
    }
  }

  // Modified after *capture*: a document's creation time is when it was written, and revising it is normal.
  const captured = factOf(facts, 'captureTime') ?? factOf(facts, 'digitizedTime')
  const modify = factOf(facts, 'modifyTime')
  const ct = captured && parseFactTime(captured.value)
  const mt = modify && parseFactTime(modify.value)
  if (captured && modify && ct && mt) {
    // Both with offsets: compare the instants; otherwise both come from the same device clock: compare wall times.
    const a = ct.ms !== undefined && mt.ms !== undefined ? ct.ms : localAsUtcMs(ct.local)
    const b = ct.ms !== undefined && mt.ms !== undefined ? mt.ms : localAsUtcMs(mt.local)
    // A minute of slack: cameras write both fields a moment apart.
    if (b - a > 60_000) {
      const minutes = (b - a) / 60_000
      out.push({
        code: 'modified-after-capture',
        message: `The file was modified ${hours(minutes)} after it was captured, by its own metadata: it may have been edited, re-saved or exported since. Ask for the original.`,
        facts: [captured, modify],
        numbers: { minutesAfterCapture: Math.round(minutes) },
      })
    }
  }

  const editors = editingSoftware(facts)
  if (editors.length) {
    out.push({
      code: 'editing-software',
      message: `The metadata names editing software (${[...new Set(editors.map((f) => String(f.value)))].join('; ')}). Editing is not forgery — crops, exports and conversions are common — but the edits should be accounted for.`,
      facts: editors,
      numbers: {},
    })
  }

  if (analysis.c2pa.status === 'invalid') {
    out.push({
      code: 'content-credentials-invalid',
      message: `The file's Content Credentials do not validate (${analysis.c2pa.failures
        .slice(0, 3)
        .map((f) => f.code)
        .join(', ')}): the file may have changed since it was signed.`,
      facts: [],
      numbers: {
        signatureValid: String(analysis.c2pa.signatureValid),
        hashBindingValid: String(analysis.c2pa.hashBindingValid),
      },
    })
  }
  return out
}

/** A time fact as a person reads it: "2026-01-27 11:00:00 (UTC-06:00)" or "… (no zone given)". */
export function formatFactTime(value: string | number): string {
  const t = parseFactTime(value)
  if (!t) return String(value)
  const text = t.local.replace('T', ' ')
  return t.offsetMinutes === undefined ? `${text} (no zone given)` : `${text} (${formatOffset(t.offsetMinutes)})`
}

/** A fact's value as a person reads it. */
export function formatFactValue(f: MetadataFact): string {
  if (/Time$/.test(f.name)) return formatFactTime(f.value)
  if (typeof f.value === 'number') return String(Math.round(f.value * 1e6) / 1e6)
  return f.value
}

/** "2026-01-27T11:00:00-06:00" for an instant in a zone. */
export function localTimeWithOffset(instant: string, tz: string): string {
  const ms = Date.parse(instant)
  const offset = zoneOffsetMinutes(ms, tz)
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19)
  return local + formatOffset(offset).replace(/^UTC/, '')
}

/** One line for the technical check: what the examination found, labelled and dated. */
export function technicalCheckLine(a: FileAnalysis): string {
  const parts: string[] = []
  const m = a.metadata
  const descriptive = m.facts.filter((f) => DESCRIPTIVE_FACTS.includes(f.name)).length
  if (m.status === 'found')
    parts.push(`metadata: ${descriptive} descriptive fact${descriptive === 1 ? '' : 's'} (${m.readers.join(', ')})`)
  else parts.push(`metadata: none found${m.reason ? ` (${m.reason})` : ''}`)
  const c = a.c2pa
  if (c.status === 'absent') parts.push('Content Credentials: none')
  else if (c.status === 'error') parts.push(`Content Credentials: present, not readable (${c.reason})`)
  else {
    const who = c.manifests[0]?.signer ? ` signed by ${c.manifests[0].signer}` : ''
    const tool = c.manifests[0]?.tool ? ` with ${c.manifests[0].tool}` : ''
    parts.push(
      `Content Credentials: ${c.status}${who}${tool}; signature ${c.signatureValid ? 'holds' : 'fails'}, hash binding ${c.hashBindingValid ? 'holds' : 'fails'}`,
    )
  }
  if (a.fingerprint.status === 'done')
    parts.push(
      a.fingerprint.kind === 'video'
        ? `fingerprint: ${a.fingerprint.times.length} keyframe${a.fingerprint.times.length === 1 ? '' : 's'}`
        : 'fingerprint: image hashed',
    )
  else parts.push(`fingerprint: ${a.fingerprint.reason || 'not made'}`)
  if (a.warnings.length) parts.push(`warnings: ${a.warnings.map((w) => w.code).join(', ')}`)
  return `[Casefile examination ${a.analysedAt.slice(0, 16).replace('T', ' ')} UTC, SHA-256 ${a.sha256.slice(0, 12)}…] ${parts.join('; ')}.`
}

/** The labelled lines Casefile adds to the technical reasoning start with this. */
export const TECHNICAL_LINE_PREFIX = '[Casefile examination '

/**
 * What the user claims about an item: its own event date, and each timeline
 * event it is linked to (either way: the item's eventIds or the event's
 * evidenceIds), with the event's zone and place.
 */
export function claimsFor(
  item: { id: string; eventDate?: string; eventIds: readonly string[] },
  events: readonly {
    id: string
    at: string
    tz: string
    precision: 'exact' | 'approximate' | 'day' | 'month'
    title: string
    place?: Place
    evidenceIds: readonly string[]
  }[],
): Claim[] {
  const out: Claim[] = []
  if (item.eventDate)
    out.push({ source: 'event date', label: 'the item’s event date', at: item.eventDate, precision: 'exact' })
  for (const e of events) {
    if (!item.eventIds.includes(e.id) && !e.evidenceIds.includes(item.id)) continue
    out.push({
      source: 'event',
      eventId: e.id,
      label: `the event “${e.title.length > 80 ? `${e.title.slice(0, 79)}…` : e.title}”`,
      at: e.at,
      tz: e.tz,
      precision: e.precision,
      ...(e.place ? { place: e.place } : {}),
    })
  }
  return out
}

/** The technical check's reasoning with an examination line added (cut to fit the field's 10,000 characters). */
export function appendTechnicalLine(reasoning: string, line: string, max = 10_000): string {
  const sep = reasoning.trim() ? '\n' : ''
  const room = max - reasoning.length - sep.length
  if (room < 40) return reasoning
  return reasoning + sep + (line.length > room ? `${line.slice(0, room - 1)}…` : line)
}
