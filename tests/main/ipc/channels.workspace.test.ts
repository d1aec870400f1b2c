/**
 * The workspace, settings, preferences and custody-report channels through the real dispatcher and
 * handlers, on empty workspaces in temp folders: each answer checked for its value, each change read back.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { AppSession } from '@main/session'
import {
  groupFingerprint,
  WorkspaceSettings,
  type AuditEntry,
  type Case,
  type CaseSummary,
  type KeyList,
  type RepairReport,
  type WorkspaceInfo,
} from '@shared/domain'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

async function harness(
  platform: Parameters<typeof ipcHarness>[1] = {},
  dirs?: { userData: string; workspace: string },
) {
  const d = dirs ?? { userData: await tempDir(), workspace: await tempDir() }
  const h = await ipcHarness(d, platform)
  const { value } = h
  return { ...h, ...d, value }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('workspace channels', () => {
  it('info, setUserName (recorded as the actor), choose (dismissed or opened) and rememberKey', async () => {
    const next = await tempDir()
    let folder: string | null = null
    let changed = 0
    const h = await harness({
      chooseFolder: async () => folder,
      notifyWorkspaceChanged: () => void changed++,
    })
    try {
      const c = await h.value<Case>('cases:create', { title: 'Consulate incident' })
      expect(await h.value<WorkspaceInfo>('workspace:info', {})).toEqual({
        root: h.workspace,
        name: 'Casefile workspace',
        readOnly: false,
        userName: 'local user',
        problems: [],
        recent: [h.workspace],
      })
      expect(await h.value<WorkspaceInfo>('workspace:setUserName', { userName: 'Ana Ruiz' })).toEqual({
        root: h.workspace,
        name: 'Casefile workspace',
        readOnly: false,
        userName: 'Ana Ruiz',
        problems: [],
        recent: [h.workspace],
      })
      await h.value('evidence:add', { caseId: c.id, item: { kind: 'note', title: 'Call log' } })
      expect((await h.value<AuditEntry[]>('audit:list', { limit: 1 }))[0]).toMatchObject({
        actor: 'Ana Ruiz',
        action: 'referenced',
      })

      // Not encrypted, no OS store: forgetting is fine and answers the status; keeping is refused.
      const status = { root: h.workspace, encrypted: false, locked: false, idleLockMinutes: null, osKey: 'unavailable' }
      expect(await h.dispatch('workspace:rememberKey', { remember: false })).toEqual({ ok: true, value: status })
      expect(await h.dispatch('workspace:rememberKey', { remember: true })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })

      expect(await h.dispatch('workspace:choose', {})).toEqual({ ok: true, value: { opened: false } })
      expect(changed).toBe(0)
      expect((await h.value<WorkspaceInfo>('workspace:info', {})).root).toBe(h.workspace)
      folder = next
      expect(await h.dispatch('workspace:choose', {})).toEqual({ ok: true, value: { opened: true, root: next } })
      expect(changed).toBe(1)
      expect(await h.value<WorkspaceInfo>('workspace:info', {})).toMatchObject({
        root: next,
        userName: 'local user',
        recent: [next, h.workspace],
      })
      expect(await h.value<CaseSummary[]>('cases:list', {})).toEqual([])
    } finally {
      await h.session.close()
    }
  })

  it('restoreBackup puts back the file named; repair restores the others only when asked', async () => {
    const first = await harness()
    const a = await first.value<Case>('cases:create', { title: 'First title' })
    const b = await first.value<Case>('cases:create', { title: 'Other case' })
    // The first change of each case file keeps a backup of it as it was.
    await first.value('cases:update', { caseId: a.id, patch: { title: 'Second title' } })
    await first.value('cases:update', { caseId: b.id, patch: { title: 'Other case, renamed' } })
    await first.session.close()
    const fileA = `cases/${a.id}/case.json`
    const fileB = `cases/${b.id}/case.json`
    await writeFile(join(first.workspace, fileA), '{"schemaVersion":1,"case":{"id":')
    await writeFile(join(first.workspace, fileB), 'garbage')

    const h = await harness({}, { userData: await tempDir(), workspace: first.workspace })
    try {
      expect(await h.dispatch('cases:get', { caseId: a.id })).toMatchObject({ ok: false, error: { code: 'CORRUPT' } })
      expect((await h.value<WorkspaceInfo>('workspace:info', {})).problems).toEqual([
        expect.objectContaining({ file: fileA, backupAvailable: expect.any(String) }),
      ])
      // Only a file that failed to load can be rolled back.
      expect(await h.dispatch('workspace:restoreBackup', { file: 'workspace.json' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      const info = await h.value<WorkspaceInfo>('workspace:restoreBackup', { file: fileA })
      expect(info).toMatchObject({ root: h.workspace, problems: [], recent: [h.workspace] })
      expect(await h.dispatch('cases:get', { caseId: a.id })).toMatchObject({
        ok: true,
        value: { case: { id: a.id, title: 'First title' } },
      })
      // The case list follows the file put back, not the title the damaged file had.
      expect((await h.value<CaseSummary[]>('cases:list', {})).map((c) => c.title).sort()).toEqual([
        'First title',
        'Other case, renamed',
      ])

      // Repair alone reports the other damaged file; asked to, it restores it.
      const plain = await h.value<RepairReport>('workspace:repair', {})
      expect(plain.actions.map((x) => x.kind)).not.toContain('backup restored')
      expect(plain.remaining).toContainEqual(
        expect.objectContaining({ file: fileB, backupAvailable: expect.any(String) }),
      )
      const asked = await h.value<RepairReport>('workspace:repair', { restoreBackups: true })
      // The case whose file the first repair found damaged (and set aside) is restored, not taken for the
      // folder of a case whose creation was interrupted, and its folder stays where it is.
      expect(asked.actions.map((x) => [x.kind, x.file])).toEqual([['backup restored', fileB]])
      expect(asked.remaining).toEqual([])
      expect((await h.value<CaseSummary[]>('cases:list', {})).map((c) => c.title).sort()).toEqual([
        'First title',
        'Other case',
      ])
      expect(await h.dispatch('cases:get', { caseId: b.id })).toMatchObject({
        ok: true,
        value: { case: { title: 'Other case' } },
      })
    } finally {
      await h.session.close()
    }
  })
})

describe('restoring a backup over a file that loads again', () => {
  it('is refused: a good copy put back by hand after an earlier session set the damaged one aside stays', async () => {
    const first = await harness()
    const a = await first.value<Case>('cases:create', { title: 'First title' })
    await first.value('cases:update', { caseId: a.id, patch: { title: 'Second title' } })
    await first.session.close()
    const file = `cases/${a.id}/case.json`
    const good = await readFile(join(first.workspace, file))
    await writeFile(join(first.workspace, file), 'garbage')
    // Read in a second session: set aside.
    const second = await harness({}, { userData: await tempDir(), workspace: first.workspace })
    expect(await second.dispatch('cases:get', { caseId: a.id })).toMatchObject({ ok: false })
    await second.session.close()
    // The person puts the good copy back; the third session still lists the set-aside file as a problem.
    await writeFile(join(first.workspace, file), good)
    const third = await harness({}, { userData: await tempDir(), workspace: first.workspace })
    try {
      expect((await third.value<WorkspaceInfo>('workspace:info', {})).problems).toContainEqual(
        expect.objectContaining({ file, kind: 'quarantined' }),
      )
      expect(await third.dispatch('workspace:restoreBackup', { file })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: `${file} loads as it is now; no backup was put in its place.` },
      })
      expect(await third.value('cases:get', { caseId: a.id })).toMatchObject({ case: { title: 'Second title' } })
      expect((await third.value<CaseSummary[]>('cases:list', {})).map((c) => c.title)).toEqual(['Second title'])
    } finally {
      await third.session.close()
    }
  })
})

describe('settings and preferences channels', () => {
  it('get and update the workspace settings (organisation fields merge); choose, show and remove the logo', async () => {
    const media = await tempDir()
    const png = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#224488' } })
      .png()
      .toBuffer()
    await writeFile(join(media, 'logo.png'), png)
    await writeFile(join(media, 'logo.gif'), 'GIF89a')
    let pick: string[] | null = null
    const h = await harness({ chooseFiles: async () => pick, blobUrlBase: 'test-blob://logos/' })
    try {
      expect(await h.value('settings:get', {})).toEqual(WorkspaceSettings.parse({}))
      const org = { letterhead: ['Republic of Ecuador', 'Ministry of Foreign Affairs'], signatoryName: 'Ana Ruiz' }
      const updated = await h.value<WorkspaceSettings>('settings:update', { organisation: org, memoLanguage: 'es' })
      expect(updated).toMatchObject({ organisation: org, memoLanguage: 'es', defaultTimeZone: 'UTC' })
      const merged = await h.value<WorkspaceSettings>('settings:update', {
        organisation: { drafter: 'Luis Vega' },
        defaultTimeZone: 'America/Chicago',
      })
      expect(merged).toEqual({
        ...updated,
        organisation: { ...updated.organisation, drafter: 'Luis Vega' },
        defaultTimeZone: 'America/Chicago',
      })
      expect(await h.value('settings:get', {})).toEqual(merged)

      expect(await h.dispatch('settings:logoUrl', {})).toEqual({ ok: true, value: { url: null } })
      expect(await h.dispatch('settings:chooseLogo', {})).toEqual({ ok: true, value: null })
      pick = [join(media, 'logo.gif')]
      expect(await h.dispatch('settings:chooseLogo', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      pick = [join(media, 'logo.png')]
      const withLogo = await h.value<WorkspaceSettings>('settings:chooseLogo', {})
      expect(withLogo).toEqual({
        ...merged,
        organisation: { ...merged.organisation, logo: { sha256: sha256(png), mediaType: 'image/png' } },
      })
      expect(await h.dispatch('settings:logoUrl', {})).toEqual({
        ok: true,
        value: { url: `test-blob://logos/${sha256(png)}?type=image%2Fpng` },
      })
      expect(await h.value('settings:removeLogo', {})).toEqual(merged)
      expect(await h.value('settings:get', {})).toEqual(merged)
      expect(await h.dispatch('settings:logoUrl', {})).toEqual({ ok: true, value: { url: null } })
    } finally {
      await h.session.close()
    }
  })

  it("keeps the user's preferences in the profile; null clears one", async () => {
    const h = await harness()
    try {
      expect(await h.dispatch('preferences:get', {})).toEqual({ ok: true, value: { theme: 'system' } })
      const set = { theme: 'dark', timelineZone: 'America/Chicago', language: 'es' }
      expect(await h.dispatch('preferences:set', set)).toEqual({ ok: true, value: set })
      expect(await h.dispatch('preferences:get', {})).toEqual({ ok: true, value: set })
      const later = new AppSession(h.userData)
      await later.loadSettings()
      expect(later.preferences).toEqual(set)
      expect(h.session.language()).toBe('es')
      expect(await h.dispatch('preferences:set', { timelineZone: null, language: null })).toEqual({
        ok: true,
        value: { theme: 'dark' },
      })
      expect(await h.dispatch('preferences:get', {})).toEqual({ ok: true, value: { theme: 'dark' } })
      expect(h.session.language()).toBe('en')
    } finally {
      await h.session.close()
    }
  })
})

describe('reports:custody', () => {
  it('writes the report of the case named where the dialog says, in the format and language asked', async () => {
    const out = await tempDir()
    let chosen: string | null = null
    const offered: string[] = []
    const h = await harness({
      chooseSavePath: async (_title: string, name: string) => {
        offered.push(name)
        return chosen
      },
    })
    try {
      const a = await h.value<Case>('cases:create', { title: 'Consulate incident', reference: 'ECU-1' })
      const b = await h.value<Case>('cases:create', { title: 'Visa refusal', reference: 'ECU-2' })
      for (const title of ['Statement', 'Call log'])
        await h.value('evidence:add', { caseId: a.id, item: { kind: 'note', title } })

      expect(await h.dispatch('reports:custody', { caseId: a.id })).toMatchObject({
        ok: false,
        error: { code: 'CANCELLED' },
      })
      chosen = join(out, 'custody')
      const json = await h.value<{ path: string; sha256: string; bytes: number }>('reports:custody', {
        caseId: a.id,
        format: 'json',
        language: 'es',
      })
      const bytes = await readFile(join(out, 'custody.json'))
      expect(json).toEqual({
        path: join(out, 'custody.json'),
        format: 'json',
        sha256: sha256(bytes),
        bytes: bytes.length,
        exhibits: 2,
      })
      const report = JSON.parse(bytes.toString('utf8'))
      expect(report).toMatchObject({ language: 'es', case: { id: a.id, reference: 'ECU-1' } })
      expect(report.exhibits.map((e: { title: string }) => e.title)).toEqual(['Statement', 'Call log'])

      // The other case, with the default format (PDF) and the workspace's language.
      chosen = join(out, 'other')
      expect(await h.dispatch('reports:custody', { caseId: b.id })).toMatchObject({
        ok: true,
        value: { path: join(out, 'other.pdf'), format: 'pdf', exhibits: 0 },
      })
      expect((await readFile(join(out, 'other.pdf'))).subarray(0, 5).toString()).toBe('%PDF-')
      chosen = join(out, 'rows.csv')
      expect(await h.dispatch('reports:custody', { caseId: a.id, format: 'csv' })).toMatchObject({
        ok: true,
        value: { path: join(out, 'rows.csv'), format: 'csv', exhibits: 2 },
      })
      expect(offered).toEqual([
        'ECU-1 custody report.pdf',
        'ECU-1 custody report.json',
        'ECU-2 custody report.pdf',
        'ECU-1 custody report.csv',
      ])

      // Each report is in the audit log, under its case; `limit` keeps the newest.
      const logged = await h.value<AuditEntry[]>('audit:list', { target: `case:${a.id}` })
      expect(logged.map((e) => [e.action, e.detail.format])).toEqual([
        ['custody report', 'json'],
        ['custody report', 'csv'],
      ])
      expect(await h.value<AuditEntry[]>('audit:list', { target: `case:${a.id}`, limit: 1 })).toEqual([logged[1]])
      const newest = await h.value<AuditEntry[]>('audit:list', { limit: 2 })
      expect(newest.map((e) => e.target)).toEqual([`case:${b.id}`, `case:${a.id}`])
    } finally {
      await h.session.close()
    }
  })
})

describe('key channels', () => {
  it("list this workspace's key, trust a key by its fingerprint as read out, and forget it again", async () => {
    const h = await harness()
    try {
      const first = await h.value<KeyList>('keys:list', {})
      expect(first).toEqual({
        own: {
          fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
          publicKey: expect.any(String),
          createdAt: expect.any(String),
        },
        keys: [],
      })
      const theirs = createHash('sha256').update('a partner ministry').digest('hex')
      // Read out in groups, in capitals: the same key.
      const trusted = await h.value('keys:trust', { fingerprint: groupFingerprint(theirs).toUpperCase() })
      expect(trusted).toEqual({
        fingerprint: theirs,
        workspace: '',
        user: '',
        trusted: true,
        trustedAt: expect.any(String),
      })
      expect(await h.value<KeyList>('keys:list', {})).toEqual({ own: first.own, keys: [trusted] })
      expect(await h.dispatch('keys:trust', { fingerprint: first.own.fingerprint })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      expect(await h.dispatch('keys:remove', { fingerprint: theirs })).toEqual({ ok: true, value: { removed: true } })
      expect(await h.value<KeyList>('keys:list', {})).toEqual({ own: first.own, keys: [] })
      expect(await h.dispatch('keys:remove', { fingerprint: theirs })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      await h.session.close()
    }
  })
})
