import { useMemo, useState } from 'react'
import { sortEvents, type TimelineEvent } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { EventForm } from './EventForm'
import { EventList } from './EventList'

type Editing = { mode: 'add' } | { mode: 'edit'; event: TimelineEvent } | null

/** The case's events in time order, each shown in the zone where it happened. */
export function TimelineTab({ caseId, detail, reload, readOnly, itemId }: CaseTabProps) {
  const [editing, setEditing] = useState<Editing>(null)
  const [removing, setRemoving] = useState<TimelineEvent | null>(null)
  const events = useMemo(() => sortEvents(detail.events), [detail.events])
  const actorName = useMemo(() => new Map(detail.actors.map((a) => [a.id, a.name])), [detail.actors])

  return (
    <div className="timeline">
      <div className="toolbar">
        <p className="muted">
          {events.length === 1 ? '1 event' : `${events.length.toLocaleString('en')} events`}, earliest first. Times are
          shown in the zone where each event happened.
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
        <EventList
          events={events}
          actorName={actorName}
          readOnly={readOnly}
          targetId={itemId}
          onEdit={(e) => setEditing({ mode: 'edit', event: e })}
          onRemove={setRemoving}
        />
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
