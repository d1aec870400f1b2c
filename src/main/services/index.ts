import { WorkspaceStore, type StoreOptions } from '../storage/store'
import { createBriefingsService } from './briefingsService'
import { ChangeBus } from './changes'
import { createCasesService } from './casesService'
import { randomId, type ServiceContext } from './context'
import { createEvidenceServices } from './evidence/index'
import { createStatutesService } from './statutesService'
import { createWorkspaceService } from './workspaceService'
import { createSearchService } from './search/index'

export interface OpenOptions extends StoreOptions {
  newId?: (prefix: string) => string
}

/** Every service over one workspace folder: what the window, the CLI, tests and benches all drive. */
export async function openWorkspace(root: string, options: OpenOptions = {}) {
  const store = await WorkspaceStore.open(root, options)
  const ctx: ServiceContext = { store, now: store.now, newId: options.newId ?? randomId, changes: new ChangeBus() }
  try {
    const workspace = createWorkspaceService(ctx)
    await workspace.ensure()
    const cases = createCasesService(ctx, workspace)
    const statutes = createStatutesService(ctx)
    const briefings = createBriefingsService(ctx, cases, workspace)
    statutes.connect(cases, briefings)
    cases.setDetailParts({ statutesFor: statutes.getMany, briefingsOf: briefings.list })
    const { audit, annotations, evidence, notes } = createEvidenceServices(ctx, workspace, cases)
    const search = createSearchService(ctx)
    return {
      ctx,
      store,
      workspace,
      cases,
      statutes,
      briefings,
      audit,
      annotations,
      evidence,
      notes,
      search,
      close: async () => {
        // Stop what still writes into this workspace before its lock goes: drop unfinished uploads
        // (their temp files) and cancel imports and verifications in flight.
        evidence.tasks.cancelAll()
        await evidence.uploads.abortAll()
        await search.close()
        await store.close()
      },
    }
  } catch (e) {
    await store.close()
    throw e
  }
}
export type Services = Awaited<ReturnType<typeof openWorkspace>>
