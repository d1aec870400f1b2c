import { useEffect, useMemo, useState } from 'react'
import { formatEventTime, sortEvents, type TimelineEvent } from '../../../../shared/domain'
import type { CaseTabProps } from '../../app/caseTab'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Dialog } from '../../components/Dialog'
import { call } from '../../lib/api'
import { EventForm, PRECISION_LABELS } from './EventForm'

type Editing = { mode: 'add' } | { mode: 'edit'; event: TimelineEvent } | null

/** The case's events in time order, each shown in the zone where it happened. */
export function TimelineTab({ caseId, detail, reload, readOnly, itemId }: CaseTabProps) {
  const [editing, setEditing] = useState<Editing>(null)
  const [removing, setRemoving] = useState<TimelineEvent | null>(null)
  const events = useMemo(() => sortEvents(detail.events), [detail.events])
  const actorName = useMemo(() => new Map(detail.actors.map((a) => [a.id, a.name])), [detail.actors])

  // Arriving from a search hit (#/case/<id>/timeline/<eventId>): bring that event into view.
  useEffect(() => {
    if (itemId) document.getElementById(`event-${itemId}`)?.scrollIntoView({ block: 'center' })
  }, [itemId])

  return (
    <div className="timeline">
      <div className="toolbar">
        <p className="muted">
          {events.length === 1 ? '1 event' : `${events.length} events`}, earliest first. Times are shown in the zone
          where each event happened.
        </p>
        {!readOnly && (
          <button type="button" className="button--primary" onClick={() => setEditing({ mode: 'add' })}>
            Add event
          </button>
        )}
      </div>
      {events.length === 0 ? (
        <p className="empty-state">No events yet. Add what happened, when and where — one event at a time.</p>
      ) : (
        <ol className="event-list">
          {events.map((e) => (
            <li key={e.id} id={`event-${e.id}`} className={`event ${e.id === itemId ? 'event--target' : ''}`}>
              <div className="event__when">
                <time dateTime={e.at}>{formatEventTime(e)}</time>
                <span className={`badge badge--small precision precision--${e.precision}`}>
                  {PRECISION_LABELS[e.precision]}
                </span>
              </div>
              <div className="event__what">
                <h3 className="event__title">{e.title}</h3>
                {e.location && (
                  <p className="event__location">
                    <span className="muted">Where: </span>
                    {e.location}
                  </p>
                )}
                {e.description && <p className="event__description">{e.description}</p>}
                {e.actorIds.length > 0 && (
                  <ul className="event__actors" aria-label="Actors">
                    {e.actorIds.map((a) => (
                      <li key={a} className="chip chip--static">
                        {actorName.get(a) ?? 'Unknown actor'}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {!readOnly && (
                <div className="event__actions">
                  <button
                    type="button"
                    className="button--link"
                    onClick={() => setEditing({ mode: 'edit', event: e })}
                    aria-label={`Edit event: ${e.title}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button--link button--link-danger"
                    onClick={() => setRemoving(e)}
                    aria-label={`Remove event: ${e.title}`}
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing && (
        <Dialog
          title={editing.mode === 'add' ? 'Add event' : 'Edit event'}
          className="dialog--wide"
          closeOnBackdrop={false}
          onClose={() => setEditing(null)}
        >
          <EventForm
            event={editing.mode === 'edit' ? editing.event : undefined}
            actors={detail.actors}
            onCancel={() => setEditing(null)}
            onSave={async (fields) => {
              if (editing.mode === 'add') await call('events:add', { caseId, event: fields })
              else await call('events:update', { caseId, eventId: editing.event.id, patch: fields })
              await reload()
              setEditing(null)
            }}
          />
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog
          title="Remove event"
          message={`Remove “${removing.title}” from the timeline?`}
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await call('events:remove', { caseId, eventId: removing.id })
            await reload()
          }}
        />
      )}
    </div>
  )
}
