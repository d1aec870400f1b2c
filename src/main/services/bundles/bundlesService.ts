/**
 * Case bundles: carry one case between offline workspaces as a signed .casefile
 * (exporter.ts writes one, importer.ts checks and imports one), and the keys
 * that sign and are trusted (keys.ts). Owns bundles/ (signing key, trust list,
 * staging); reads and writes case data only through the owning services.
 */
import { appError } from '@shared/i18n/appError'
import { randomBytes } from 'node:crypto'
import {
  BUNDLE_EXTENSION,
  parseFingerprint,
  type BundleExportResult,
  type BundleImportResult,
  type BundleInspection,
  type KeyList,
  type KnownKey,
  type OnClash,
} from '@shared/domain'
import type { ServiceContext } from '../context'
import type { ProgressReport } from '../tasks'
import type { BundlesDeps } from './deps'
import { createExporter, type ExportOptions } from './exporter'
import { createImporter, type ImporterHooks, type ImportOptions } from './importer'
import { createKeyring } from './keys'

/** The file name the save dialog offers: the case reference (or id) and title, safe on every system. */
export function defaultBundleName(reference: string, title: string, id: string): string {
  const base = [reference || id, title]
    .filter(Boolean)
    .join(' ')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return `${base || 'case'}${BUNDLE_EXTENSION}`
}

function fingerprint(text: string): string {
  const fp = parseFingerprint(text)
  if (!fp) throw appError('VALIDATION', 'errMedia:keyFingerprintHexadecimalDigits', { text })
  return fp
}

/** A file the user picked in the open dialog, waiting for the import the window then asks for. */
const TICKET_TTL_MS = 60 * 60_000

export function createBundlesService(ctx: ServiceContext, deps: BundlesDeps, hooks: ImporterHooks = {}) {
  const keyring = createKeyring(ctx)
  const exportCase = createExporter(ctx, deps, keyring)
  const importer = createImporter(ctx, deps, keyring, hooks)
  const tickets = new Map<string, { path: string; at: number }>()
  // Not awaited: what a crashed import staged only costs disk space until it goes.
  if (!ctx.store.readOnly) void importer.sweep().catch(() => undefined)

  const service = {
    /** Writes the case as a signed bundle at `outPath`; custody records the export on every item sent. */
    async export(opts: ExportOptions & { taskId?: string }): Promise<BundleExportResult> {
      const { taskId, ...rest } = opts
      return deps.tasks.run(taskId, (signal) => exportCase({ ...rest, signal: signal ?? rest.signal }))
    },

    /** The window's export: the save dialog first (`choose` gets the name to offer), then the export as task `taskId`. */
    async exportChosen(
      caseId: string,
      opts: { leaveOut?: readonly string[]; taskId?: string; onProgress?: ProgressReport },
      choose: (defaultName: string) => Promise<string | null>,
    ): Promise<{ cancelled: boolean; result?: BundleExportResult }> {
      const c = await deps.cases.getCase(await deps.cases.resolve(caseId))
      const outPath = await choose(defaultBundleName(c.reference, c.title, c.id))
      if (!outPath) return { cancelled: true }
      return { cancelled: false, result: await service.export({ caseId: c.id, outPath, ...opts }) }
    },

    /** Reads a bundle without importing: signer, trust, what it holds, a clash with a case here. */
    async inspect(
      path: string,
      opts: { taskId?: string; onProgress?: ProgressReport } = {},
    ): Promise<BundleInspection> {
      return deps.tasks.run(
        opts.taskId,
        async (signal) => (await importer.inspect(path, { ...opts, signal })).inspection,
      )
    },

    /**
     * The window's first step of an import: the open dialog, then an inspection of
     * the file. The page gets a ticket for it, never its path, and imports by ticket.
     */
    async chooseAndInspect(
      opts: { taskId?: string; onProgress?: ProgressReport },
      choose: () => Promise<string[] | null>,
    ): Promise<{ cancelled: boolean; ticket?: string; inspection?: BundleInspection }> {
      const paths = await choose()
      if (!paths?.length) return { cancelled: true }
      const inspection = await service.inspect(paths[0], opts)
      const now = Date.now()
      for (const [k, t] of tickets) if (now - t.at > TICKET_TTL_MS) tickets.delete(k)
      const ticket = randomBytes(12).toString('hex')
      tickets.set(ticket, { path: paths[0], at: now })
      return { cancelled: false, ticket, inspection }
    },

    /** Checks everything, then imports; refused bundles change nothing. */
    async import(path: string, opts: ImportOptions & { taskId?: string } = {}): Promise<BundleImportResult> {
      const { taskId, ...rest } = opts
      return deps.tasks.run(taskId, (signal) => importer.importBundle(path, { ...rest, signal: signal ?? rest.signal }))
    },

    /** The window's second step: imports the file a ticket stands for (once). */
    async importTicket(
      ticket: string,
      opts: { onClash?: OnClash; taskId?: string; onProgress?: ProgressReport },
    ): Promise<BundleImportResult> {
      const t = tickets.get(ticket)
      if (!t || Date.now() - t.at > TICKET_TTL_MS) throw appError('NOT_FOUND', 'errMedia:bundleNoLongerChosen')
      const result = await service.import(t.path, opts)
      tickets.delete(ticket)
      return result
    },

    keys: {
      /** This workspace's key (made now if it has none yet) and every key trusted or seen here. */
      list: async (): Promise<KeyList> => keyring.list(),
      /** Trusts a key by its fingerprint (spaces and colons allowed): its bundles then show as known. */
      trust: async (fp: string): Promise<KnownKey> => keyring.trust(fingerprint(fp)),
      /** Forgets a key: its bundles show as new again. */
      remove: async (fp: string): Promise<void> => keyring.remove(fingerprint(fp)),
    },

    /** Validates the trust list; false when it is damaged (the store has recorded why). */
    check: () => keyring.check(),
  }
  return service
}
export type BundlesService = ReturnType<typeof createBundlesService>
