import { appError } from '@shared/i18n/appError'
import { join } from 'node:path'
import demo from '@resources/demo/consulate-case.json'
import {
  BriefingInput,
  type AnnotationInput,
  type CaseInput,
  type EventInput,
  type EvidenceInput,
  type EvidenceKind,
  type IssueInput,
} from '@shared/domain'
import { resourceDir } from '@main/resources'
import type { AnnotationsService } from '../annotations/annotationsService'
import type { BriefingsService } from '../briefings/briefingsService'
import type { CasesService } from '../cases/casesService'
import type { EvidenceService } from '../evidence/evidenceService'
import type { IssuesService } from '../issues/issuesService'
import type { StatuteLibrary } from '../statutes/statuteLibrary'
import type { StatutesService } from '../statutes/statutesService'
import type { WorkspaceService } from '../workspace/workspaceService'

export interface DemoDeps {
  annotations: AnnotationsService
  workspace: WorkspaceService
  cases: CasesService
  evidence: EvidenceService
  issues: IssuesService
  library: StatuteLibrary
  statutes: StatutesService
  briefings: BriefingsService
}

/**
 * Writes the demo case (the Minneapolis consulate incident) into an open
 * workspace through the same services the app uses, so it is validated like any
 * user data. Refuses to run twice.
 */
export function createDemoService(deps: DemoDeps) {
  return {
    async install(): Promise<string> {
      const { workspace, cases, evidence, annotations, issues, library, statutes, briefings } = deps
      if ((await workspace.listCases()).some((c) => c.id === demo.case.id)) {
        throw appError('CONFLICT', 'errRecords:demoCaseAlreadyWorkspace')
      }
      await workspace.setName(demo.workspaceName)
      const { id, ...caseFields } = demo.case
      await cases.create(caseFields as CaseInput, id)
      for (const { id: actorId, ...actor } of demo.actors) await cases.addActor(id, actor, actorId)
      await cases.addEvents(id, demo.events as (EventInput & { id: string })[])
      for (const { id: evidenceId, ...item } of demo.evidence)
        await evidence.add(id, item as EvidenceInput, {
          id: evidenceId,
          custodyDetail: 'Added as a reference (no file held) with the demo case.',
        })
      for (const { id: statuteId, ...statute } of demo.statutes) {
        if (!(await library.getMany([statuteId])).length) await library.add(statute, statuteId)
        await statutes.link(id, statuteId)
      }
      for (const issue of demo.issues) await issues.add(id, issue as IssueInput)
      // Two sample files the app ships (a clip and a document), so the first run shows hashes, the
      // player and annotations at work. Without its resources folder the demo still installs, without them.
      const media = resourceDir('demo', demo.files[0].file)
      for (const f of media ? demo.files : []) {
        const { id: evidenceId, file, title, kind, annotations: notes, ...details } = f
        await evidence.importFile(id, join(media!, file), {
          id: evidenceId,
          title,
          kind: kind as EvidenceKind,
          details: details as Omit<EvidenceInput, 'title' | 'kind'>,
        })
        for (const a of notes) await annotations.add(id, evidenceId, a as AnnotationInput)
      }
      for (const { id: briefingId, ...b } of demo.briefings)
        await briefings.create(id, BriefingInput.parse(b), briefingId)
      return id
    },
  }
}
export type DemoService = ReturnType<typeof createDemoService>
