import { helpText, placeholders, t, type HelpText } from '../language'
import { LANGUAGES, type WorkspaceInfo } from '@shared/domain'
import type { Services } from '@main/services/index'
import { choiceOf, type Command, printJson, table } from '../framework'

/**
 * One setting of the workspace as `settings show` lists it and `settings set KEY
 * VALUE` changes it through the service that owns it. Add a row here to add a
 * key: nothing else in the commands changes.
 */
export interface Setting {
  key: string
  describe: HelpText
  get(info: WorkspaceInfo, s: Services): unknown | Promise<unknown>
  set(s: Services, value: string): Promise<void>
}

export const SETTINGS: Setting[] = [
  {
    key: 'user-name',
    describe: 'cli:SETTINGS.opt.option',
    get: (info) => info.userName,
    set: (s, v) => s.workspace.setUserName(v),
  },
  {
    key: 'workspace-name',
    describe: 'cli:nameWorkspace',
    get: (info) => info.name,
    set: (s, v) => s.workspace.setName(v),
  },
  {
    key: 'default-time-zone',
    describe: 'cli:ianaZoneNewEvents',
    get: async (_info, s) => (await s.settings.get()).defaultTimeZone,
    set: async (s, v) => void (await s.settings.update({ defaultTimeZone: v })),
  },
  {
    key: 'memo-language',
    describe: () => t('cli:settings.memoLanguage', { list: LANGUAGES.join(', ') }),
    get: async (_info, s) => (await s.settings.get()).memoLanguage,
    set: async (s, v) =>
      void (await s.settings.update({ memoLanguage: choiceOf(v, LANGUAGES, t('cli:what.language')) })),
  },
]

const KEYS = SETTINGS.map((x) => x.key)

async function settingsOf(s: Services): Promise<Record<string, unknown>> {
  const info = await s.workspace.info()
  const out: Record<string, unknown> = {}
  for (const x of SETTINGS) out[x.key] = await x.get(info, s)
  return out
}

const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

export const workspaceCommands: Command[] = [
  {
    name: 'settings show',
    group: 'workspace',
    summary: () => t('cli:settingsShow.summary', { list: KEYS.join(', ') }),
    examples: ['settings show'],
    async run({ withWorkspace, io, json, workspaceDir }) {
      const settings = await withWorkspace(settingsOf, { readOnly: true })
      if (json) return printJson(io, settings)
      io.out(t('cli:workspace', { workspaceDir }))
      table(
        SETTINGS.map((x) => [`  ${x.key}`, shown(settings[x.key])]),
        io,
      )
    },
  },
  {
    name: 'settings set',
    group: 'workspace',
    args: 'KEY VALUE',
    positionals: 2,
    summary: () =>
      t('cli:settingsSet.summary', { list: SETTINGS.map((x) => `${x.key} (${helpText(x.describe)})`).join('; ') }),
    examples: ['settings set user-name "Ana Torres"'],
    async run({ withWorkspace, io, json, positionals }) {
      const key = choiceOf(positionals[0], KEYS, placeholders('KEY'))
      const setting = SETTINGS.find((x) => x.key === key)!
      const settings = await withWorkspace(async (s) => {
        await setting.set(s, positionals[1])
        return settingsOf(s)
      })
      if (json) return printJson(io, settings)
      io.out(t('cli:now', { key, shown: shown(settings[key]) }))
    },
  },
  {
    name: 'demo',
    group: 'workspace',
    summary: 'cli:demo.summary',
    examples: ['demo --workspace ./demo-ws'],
    async run({ withWorkspace, io, json, workspaceDir }) {
      const id = await withWorkspace((s) => s.demo.install())
      if (json) printJson(io, { workspace: workspaceDir, caseId: id })
      else io.out(t('cli:demoCaseCreated', { id, workspaceDir }))
    },
  },
]
