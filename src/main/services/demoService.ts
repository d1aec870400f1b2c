import demo from '../../../resources/demo/consulate-case.json'
import { Briefing, EvidenceItem } from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import type { Services } from './index'
import { nowIso } from './context'
import { evidenceTarget } from './evidence/evidenceService'

export const DEMO_CASE_ID = demo.case.id

/**
 * Writes the demo case (the Minneapolis consulate incident) into an open
 * workspace through the same services the app uses, so it is validated like any
 * user data. Refuses to run twice.
 */
export async function installDemo(s: Services): Promise<string> {
  if ((await s.workspace.listCases()).some((c) => c.id === demo.case.id)) {
    throw new AppError('CONFLICT', 'The demo case is already in this workspace.')
  }
  const at = nowIso(s.ctx)
  const user = await s.workspace.userName()
  await s.workspace.setName(demo.workspaceName)
  const { id, ...caseFields } = demo.case
  await s.cases.create(caseFields as Parameters<typeof s.cases.create>[0], id)
  for (const { id: actorId, ...actor } of demo.actors) await s.cases.addActor(id, actor, actorId)
  for (const { id: eventId, ...event } of demo.events) await s.cases.addEvent(id, event as never, eventId)

  const evidence = demo.evidence.map((e) =>
    EvidenceItem.parse({
      ...e,
      createdAt: at,
      updatedAt: at,
      custody: [
        { at, actor: user, action: 'referenced', detail: 'Added as a reference (no file held) with the demo case.' },
      ],
    }),
  )
  await s.cases.mutate(id, (file) => {
    file.evidence.push(...evidence)
  })
  // The custody entry above has its twin in the hash-chained audit log, as every custody entry does.
  for (const e of evidence) {
    const detail = { title: e.title, ...(e.sourceUrl ? { url: e.sourceUrl } : {}) }
    await s.audit.append({ action: 'referenced', target: evidenceTarget(id, e.id), actor: user, detail })
  }

  for (const { id: statuteId, ...statute } of demo.statutes) {
    const existing = (await s.statutes.list()).some((x) => x.id === statuteId)
    if (!existing) await s.statutes.add(statute, statuteId)
    await s.cases.linkStatute(id, statuteId)
  }
  for (const { id: briefingId, ...b } of demo.briefings) {
    await s.briefings.create(
      id,
      Briefing.omit({ id: true, createdAt: true, updatedAt: true, exports: true }).parse(b),
      briefingId,
    )
  }
  return id
}
