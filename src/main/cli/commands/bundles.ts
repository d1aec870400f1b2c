import { t } from '../language'
import { groupFingerprint, ON_CLASH, type BundleInspection, type OnClash } from '@shared/domain'
import { type Command, type CliIO, optionalString, requireString, table, UsageError } from '../framework'
import { inlineDeep } from '../printable'

const human = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} bytes`

function printSigner(s: BundleInspection['signer'], io: CliIO) {
  io.out(
    t('cliDocs:signedUser', { workspace: s.workspace, user: s.user, value: s.own ? t('cliDocs:thisWorkspace') : '' }),
  )
  io.out(t('cliDocs:key', { groupFingerprint: groupFingerprint(s.fingerprint) }))
  io.out(t('cliDocs:trust', { TRUST: t(`cliDocs:trust.${s.trust}`) }))
}

export const bundleCommands: Command[] = [
  {
    name: 'bundle export',
    args: 'CASE',
    usage: 'bundle export CASE --out FILE.casefile [--leave-out ITEM ...] [--workspace DIR] [--json]',
    summary: 'cliDocs:bundleExport.summary',
    positionals: 1,
    options: {
      out: { type: 'string', value: 'FILE.casefile', describe: 'cliDocs:bundleExport.opt.out' },
      'leave-out': { type: 'string', value: 'ITEM', multiple: true, describe: 'cliDocs:bundleExport.opt.leaveOut' },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      if (!/\.casefile$/i.test(outPath)) throw new UsageError(t('cliDocs:outMustNameCasefile'))
      const leaveOut = (values['leave-out'] as string[] | undefined) ?? []
      // CASE is resolved (id or reference) by the service.
      const stored = await withWorkspace((s) => s.bundles.export({ caseId: positionals[0], outPath, leaveOut }))
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      io.out(
        t('cliDocs:wroteCaseEvidenceItem', {
          path: r.path,
          human: human(r.bytes),
          caseId: r.caseId,
          evidence: r.evidence,
          blobs: r.blobs,
        }),
      )
      io.out(t('cliDocs:sha', { sha256: r.sha256 }))
      io.out(t('cliDocs:signed', { groupFingerprint: groupFingerprint(r.fingerprint) }))
      if (r.leftOut.length) io.out(t('cliDocs:leftOut', { mapList: r.leftOut.map((l) => l.evidenceId).join(', ') }))
    },
  },
  {
    name: 'bundle inspect',
    args: 'FILE.casefile',
    usage: 'bundle inspect FILE.casefile [--workspace DIR] [--json]',
    summary: 'cliDocs:bundleInspect.summary',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      const stored = await withWorkspace((s) => s.bundles.inspect(positionals[0]), { readOnly: true })
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      io.out(t('cliDocs:bundleMade', { positionals: positionals[0], human: human(r.size), createdAt: r.createdAt }))
      io.out(t('cliDocs:sha2', { bundleSha256: r.bundleSha256 }))
      printSigner(r.signer, io)
      io.out(
        t('cliDocs:case', {
          value: r.case.reference ? `${r.case.reference} ` : '',
          title: r.case.title,
          classification: r.case.classification,
        }),
      )
      io.out(
        t('cliDocs:holdsEvidenceItemFile', {
          evidence: r.counts.evidence,
          blobs: r.counts.blobs,
          human: human(r.counts.bytes),
          briefings: r.counts.briefings,
          statutes: r.counts.statutes,
        }),
      )
      if (r.leftOut.length)
        io.out(t('cliDocs:leftOutSender', { mapList: r.leftOut.map((l) => `${l.evidenceId} (${l.kind})`).join(', ') }))
      if (r.clash) io.out(t('cliDocs:clashWorkspaceHasCase', { caseId: r.clash.caseId, title: r.clash.title }))
    },
  },
  {
    name: 'bundle import',
    args: 'FILE.casefile',
    usage: 'bundle import FILE.casefile [--on-clash MODE] [--workspace DIR] [--json]',
    summary: 'cliDocs:bundleImport.summary',
    positionals: 1,
    options: {
      'on-clash': {
        type: 'string',
        value: 'MODE',
        describe: () => t('cliDocs:bundleImport.opt.onClash', { list: ON_CLASH.join(', ') }),
      },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const clash = optionalString(values, 'on-clash')
      if (clash !== undefined && !(ON_CLASH as readonly string[]).includes(clash))
        throw new UsageError(t('cliDocs:clashMustOne', { ON_CLASHList: ON_CLASH.join(', ') }))
      const stored = await withWorkspace((s) =>
        s.bundles.import(positionals[0], { onClash: clash as OnClash | undefined }),
      )
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      const c = r.counts
      io.out(
        t('cliDocs:importedCase', {
          caseId: r.caseId,
          title: r.title,
          value: r.clash === 'keep-both' ? t('cliDocs:underNewIds', { caseId: r.originalCaseId }) : '',
        }),
      )
      io.out(
        t('cliDocs:evidenceItemFileAlready', {
          evidence: c.evidence,
          blobs: c.blobs,
          blobsAlreadyPresent: r.blobsAlreadyPresent,
          annotations: c.annotations,
          briefings: c.briefings,
          notes: c.notes,
          statutes: c.statutes,
        }),
      )
      printSigner(r.signer, io)
      io.out(t('cliDocs:bundleShaRecordedEvery', { bundleSha256: r.bundleSha256 }))
      if (r.trashedTo) io.out(t('cliDocs:caseReplaced', { trashedTo: r.trashedTo }))
      if (r.statutesRenamed) io.out(t('cliDocs:excerptDifferLibraryUnder', { statutesRenamed: r.statutesRenamed }))
      if (r.leftOut.length)
        io.out(t('cliDocs:senderLeftOut', { mapList: r.leftOut.map((l) => l.evidenceId).join(', ') }))
      if (r.signer.trust === 'new') io.out(t('cliDocs:trustKeyNowCasefile', { fingerprint: r.signer.fingerprint }))
    },
  },
  {
    name: 'keys list',
    usage: 'keys list [--workspace DIR] [--json]',
    summary: 'cliDocs:keysList.summary',
    async run({ withWorkspace, io, json }) {
      const stored = await withWorkspace((s) => s.bundles.keys.list())
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const r = inlineDeep(stored)
      io.out(t('cliDocs:workspaceSigns', { groupFingerprint: groupFingerprint(r.own.fingerprint) }))
      if (!r.keys.length) return io.out(t('cliDocs:noOtherKeyTrusted'))
      table(
        [
          [t('cli:col.fingerprint'), t('cli:col.trust'), t('cli:col.last_claimed_by')],
          ...r.keys.map((k) => [
            k.fingerprint,
            k.trusted ? t('cli:trust.trusted') : t('cli:trust.seen'),
            k.workspace || k.user ? `"${k.workspace}" (${k.user})` : '—',
          ]),
        ],
        io,
      )
    },
  },
  {
    name: 'keys trust',
    args: 'FINGERPRINT',
    usage: 'keys trust FINGERPRINT [--workspace DIR] [--json]',
    summary: 'cliDocs:keysTrust.summary',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      const stored = await withWorkspace((s) => s.bundles.keys.trust(positionals[0]))
      if (json) return io.out(JSON.stringify(stored, null, 2))
      const k = inlineDeep(stored)
      io.out(
        t('cliDocs:trusted', {
          groupFingerprint: groupFingerprint(k.fingerprint),
          value: k.workspace ? ` ("${k.workspace}")` : '',
        }),
      )
    },
  },
  {
    name: 'keys remove',
    args: 'FINGERPRINT',
    usage: 'keys remove FINGERPRINT [--workspace DIR] [--json]',
    summary: 'cliDocs:keysRemove.summary',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      await withWorkspace((s) => s.bundles.keys.remove(positionals[0]))
      if (json) return io.out(JSON.stringify({ removed: true }))
      io.out(t('cliDocs:removed', { positionals: positionals[0] }))
    },
  },
]
