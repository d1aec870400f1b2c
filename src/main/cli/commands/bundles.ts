import { groupFingerprint, ON_CLASH, type BundleInspection, type OnClash } from '@shared/domain'
import { type Command, type CliIO, optionalString, requireString, table, UsageError } from '../framework'
import { inlineDeep } from '../printable'

const human = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} bytes`

const TRUST: Record<BundleInspection['signer']['trust'], string> = {
  known: 'known (trusted here before)',
  new: 'NEW: not trusted here yet; compare the fingerprint with the sender before relying on it',
  invalid: 'SIGNATURE FAILS: this bundle will not be imported',
}

function printSigner(s: BundleInspection['signer'], io: CliIO) {
  io.out(`  Signed by:   "${s.workspace}" (user "${s.user}")${s.own ? ', this workspace' : ''}`)
  io.out(`  Key:         ${groupFingerprint(s.fingerprint)}`)
  io.out(`  Trust:       ${TRUST[s.trust]}`)
}

export const bundleCommands: Command[] = [
  {
    name: 'bundle export',
    usage: 'bundle export CASE --out FILE.casefile [--leave-out ITEM ...] [--workspace DIR] [--json]',
    summary:
      "Write the case as a signed bundle: its records, annotations, notes, briefings, the statute excerpts it links or cites, each item's custody and the files. --leave-out (repeatable) leaves an evidence item out; the manifest says so.",
    positionals: 1,
    options: { out: { type: 'string' }, 'leave-out': { type: 'string', multiple: true } },
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      if (!/\.casefile$/i.test(outPath)) throw new UsageError('--out must name a .casefile file')
      const leaveOut = (values['leave-out'] as string[] | undefined) ?? []
      // CASE is resolved (id or reference) by the service.
      const stored = await withWorkspace((s) => s.bundles.export({ caseId: positionals[0], outPath, leaveOut }))
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      io.out(
        `Wrote ${r.path} (${human(r.bytes)}): case ${r.caseId}, ${r.evidence} evidence item(s), ${r.blobs} file(s)`,
      )
      io.out(`  SHA-256      ${r.sha256}`)
      io.out(`  Signed with  ${groupFingerprint(r.fingerprint)}`)
      if (r.leftOut.length) io.out(`  Left out     ${r.leftOut.map((l) => l.evidenceId).join(', ')}`)
    },
  },
  {
    name: 'bundle inspect',
    usage: 'bundle inspect FILE.casefile [--workspace DIR] [--json]',
    summary:
      'Show who signed a bundle (name, key fingerprint, whether the key is known here, new, or the signature fails), the case it holds and whether a case with its id is already here. Imports nothing.',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      const stored = await withWorkspace((s) => s.bundles.inspect(positionals[0]), { readOnly: true })
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      io.out(`Bundle ${positionals[0]} (${human(r.size)}, made ${r.createdAt})`)
      io.out(`  SHA-256:     ${r.bundleSha256}`)
      printSigner(r.signer, io)
      io.out(
        `  Case:        ${r.case.reference ? `${r.case.reference} ` : ''}"${r.case.title}" [${r.case.classification}]`,
      )
      io.out(
        `  Holds:       ${r.counts.evidence} evidence item(s), ${r.counts.blobs} file(s) (${human(r.counts.bytes)}), ${r.counts.briefings} briefing(s), ${r.counts.statutes} statute excerpt(s)`,
      )
      if (r.leftOut.length)
        io.out(`  Left out:    ${r.leftOut.map((l) => `${l.evidenceId} (${l.kind})`).join(', ')} — by the sender`)
      if (r.clash)
        io.out(
          `  Clash:       this workspace has case ${r.clash.caseId} ("${r.clash.title}"); import with --on-clash keep-both or replace`,
        )
    },
  },
  {
    name: 'bundle import',
    usage: 'bundle import FILE.casefile [--on-clash keep-both|replace] [--workspace DIR] [--json]',
    summary:
      'Check every entry of the bundle against its signed manifest, then bring the case in. A bundle whose signature fails, or that is damaged or hostile, is refused and nothing changes. When the case is already here: keep-both gives the arriving case new ids; replace moves the case here to trash/.',
    positionals: 1,
    options: { 'on-clash': { type: 'string' } },
    async run({ withWorkspace, io, json, values, positionals }) {
      const clash = optionalString(values, 'on-clash')
      if (clash !== undefined && !(ON_CLASH as readonly string[]).includes(clash))
        throw new UsageError(`--on-clash must be one of: ${ON_CLASH.join(', ')}`)
      const stored = await withWorkspace((s) =>
        s.bundles.import(positionals[0], { onClash: clash as OnClash | undefined }),
      )
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      const c = r.counts
      io.out(
        `Imported case ${r.caseId}: "${r.title}"${r.clash === 'keep-both' ? ` (the bundle's ${r.originalCaseId}, under new ids)` : ''}`,
      )
      io.out(
        `  ${c.evidence} evidence item(s), ${c.blobs} file(s) (${r.blobsAlreadyPresent} already here), ${c.annotations} annotation(s), ${c.briefings} briefing(s), ${c.notes} note(s), ${c.statutes} statute excerpt(s)`,
      )
      printSigner(r.signer, io)
      io.out(`  Bundle SHA-256 ${r.bundleSha256} (recorded in every item's custody)`)
      if (r.trashedTo) io.out(`  The case it replaced is in ${r.trashedTo}`)
      if (r.statutesRenamed)
        io.out(`  ${r.statutesRenamed} excerpt(s) differ from the library's under the same id: added under new ids`)
      if (r.leftOut.length) io.out(`  The sender left out: ${r.leftOut.map((l) => l.evidenceId).join(', ')}`)
      if (r.signer.trust === 'new')
        io.out(`  To trust this key from now on: casefile keys trust ${r.signer.fingerprint}`)
    },
  },
  {
    name: 'keys list',
    usage: 'keys list [--workspace DIR] [--json]',
    summary: "This workspace's signing key (made on first use) and every key trusted or seen here.",
    async run({ withWorkspace, io, json }) {
      const stored = await withWorkspace((s) => s.bundles.keys.list())
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      io.out(`This workspace signs with ${groupFingerprint(r.own.fingerprint)}`)
      if (!r.keys.length) return io.out('No other key is trusted or known here.')
      table(
        [
          ['FINGERPRINT', 'TRUST', 'LAST CLAIMED BY'],
          ...r.keys.map((k) => [
            k.fingerprint,
            k.trusted ? 'trusted' : 'seen',
            k.workspace || k.user ? `"${k.workspace}" (${k.user})` : '—',
          ]),
        ],
        io,
      )
    },
  },
  {
    name: 'keys trust',
    usage: 'keys trust FINGERPRINT [--workspace DIR] [--json]',
    summary:
      'Trust a signing key by its fingerprint (64 hex digits; spaces and colons allowed), after comparing it with its owner. Bundles it signs then show as known.',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      const stored = await withWorkspace((s) => s.bundles.keys.trust(positionals[0]))
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const k = inlineDeep(stored)
      io.out(`Trusted ${groupFingerprint(k.fingerprint)}${k.workspace ? ` ("${k.workspace}")` : ''}`)
    },
  },
  {
    name: 'keys remove',
    usage: 'keys remove FINGERPRINT [--workspace DIR] [--json]',
    summary: 'Forget a key, trusted or only seen: its bundles show as new again.',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      await withWorkspace((s) => s.bundles.keys.remove(positionals[0]))
      if (json) return io.out(JSON.stringify({ removed: true }))
      io.out(`Removed ${positionals[0]}`)
    },
  },
]
