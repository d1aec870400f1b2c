import { useEffect, useMemo, useState } from 'react'
import type { Actor } from '@shared/domain'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { RowActions } from '@renderer/components/RowActions'
import { linkNamesOf } from '@renderer/features/links/hrefs'
import { LinkGroup, linkItems } from '@renderer/features/links/LinkGroup'
import { call } from '@renderer/lib/api'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { useT } from '@renderer/lib/i18n'
import { useUndo } from '@renderer/lib/undo'
import { ActorForm, EMPTY_ACTOR, type ActorFields } from './ActorForm'

const fieldsOf = (a: Actor): ActorFields => ({ name: a.name, role: a.role, affiliation: a.affiliation })

/** People and bodies of the case: add, edit in place, remove after confirmation; each change can be undone. */
export function ActorsTab({ caseId, detail, reload, readOnly, itemId, links }: CaseTabProps) {
  const t = useT()
  const undo = useUndo()
  const [editing, setEditing] = useState<string | null>(null)
  const [removing, setRemoving] = useState<Actor | null>(null)
  const names = useMemo(() => linkNamesOf(detail), [detail])

  // Arriving from a link (#/case/<id>/actors/<actorId>): bring that actor's row into view.
  useEffect(() => {
    if (itemId) document.getElementById(`actor-${itemId}`)?.scrollIntoView({ block: 'center' })
  }, [itemId])

  const linkedEvents = (actorId: string) => detail.events.filter((e) => e.actorIds.includes(actorId)).map((e) => e.id)

  const add = async (fields: ActorFields) => {
    const actor = await call('actors:add', { caseId, actor: fields })
    undo.record({
      label: t('undo.addActor', { name: actor.name }),
      undo: () => call('actors:remove', { caseId, actorId: actor.id }),
      redo: () => call('actors:restore', { caseId, actor }),
    })
    await reload()
  }

  const update = async (before: Actor, fields: ActorFields) => {
    await call('actors:update', { caseId, actorId: before.id, patch: fields })
    undo.record({
      label: t('undo.editActor', { name: before.name }),
      undo: () => call('actors:update', { caseId, actorId: before.id, patch: fieldsOf(before) }),
      redo: () => call('actors:update', { caseId, actorId: before.id, patch: fields }),
    })
    await reload()
    setEditing(null)
  }

  const remove = async (actor: Actor) => {
    const index = detail.actors.findIndex((a) => a.id === actor.id)
    const eventIds = linkedEvents(actor.id)
    await call('actors:remove', { caseId, actorId: actor.id })
    undo.record(
      {
        label: t('undo.removeActor', { name: actor.name }),
        undo: () => call('actors:restore', { caseId, actor, index, eventIds }),
        redo: () => call('actors:remove', { caseId, actorId: actor.id }),
      },
      { toast: t('actors.removed', { name: actor.name }) },
    )
    await reload()
  }

  return (
    <div className="actors">
      {!readOnly && (
        <ActorForm
          idPrefix="new-actor"
          legend={t('actors.add')}
          initial={EMPTY_ACTOR}
          submitLabel={t('actors.addButton')}
          resetOnSave
          onSave={add}
        />
      )}
      {detail.actors.length === 0 ? (
        <p className="empty-state">{t('actors.empty')}</p>
      ) : (
        <table className="table actors-table">
          <caption className="visually-hidden">{t('actors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actors.name')}</th>
              <th scope="col">{t('actors.role')}</th>
              <th scope="col">{t('actors.affiliation')}</th>
              <th scope="col">{t('links.inCase')}</th>
              <th scope="col" className="table__actions">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.actors.map((a) =>
              editing === a.id ? (
                <tr key={a.id} className="table__editing">
                  <td colSpan={5}>
                    <ActorForm
                      idPrefix={`actor-${a.id}`}
                      legend={t('actors.editNamed', { name: a.name })}
                      initial={fieldsOf(a)}
                      submitLabel={t('common.save')}
                      onCancel={() => setEditing(null)}
                      onSave={(fields) => update(a, fields)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={a.id} id={`actor-${a.id}`} className={a.id === itemId ? 'link-target' : undefined}>
                  <th scope="row">{a.name}</th>
                  <td>{a.role || <span className="muted">—</span>}</td>
                  <td>{a.affiliation || <span className="muted">—</span>}</td>
                  <td className="actors-table__links">
                    <ActorLinks caseId={caseId} actorId={a.id} links={links} names={names} />
                  </td>
                  <td className="table__actions">
                    {!readOnly && (
                      <RowActions
                        actions={[
                          {
                            label: t('common.edit'),
                            name: t('actors.editNamed', { name: a.name }),
                            onClick: () => setEditing(a.id),
                          },
                          {
                            label: t('common.remove'),
                            name: t('actors.removeNamed', { name: a.name }),
                            onClick: () => setRemoving(a),
                            danger: true,
                          },
                        ]}
                      />
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmDialog
          title={t('actors.removeTitle')}
          message={t('actors.removeMessage', { name: removing.name, count: linkedEvents(removing.id).length })}
          confirmLabel={t('common.remove')}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        />
      )}
    </div>
  )
}

/** The events an actor is in and the exhibits of those events, as links; a dash when there are none. */
function ActorLinks({
  caseId,
  actorId,
  links,
  names,
}: {
  caseId: string
  actorId: string
  links: CaseTabProps['links']
  names: ReturnType<typeof linkNamesOf>
}) {
  const t = useT()
  const mine = links?.actors[actorId]
  if (!mine) return null
  if (!mine.eventIds.length && !mine.evidenceIds.length) return <span className="muted">—</span>
  return (
    <>
      <LinkGroup label={t('links.events')} items={linkItems(caseId, 'timeline', mine.eventIds, names.event)} />
      <LinkGroup label={t('links.exhibits')} items={linkItems(caseId, 'evidence', mine.evidenceIds, names.evidence)} />
    </>
  )
}
