import { useId, useMemo, useState } from 'react'
import { sortEvents, type TimelineEvent } from '@shared/domain'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { Dialog } from '@renderer/components/Dialog'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { call } from '@renderer/lib/api'
import { linkNamesOf } from '@renderer/features/links/hrefs'
import { useAppSettings } from '@renderer/lib/appSettings'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { useT } from '@renderer/lib/i18n'
import { showToast } from '@renderer/lib/toasts'
import { useUndo } from '@renderer/lib/undo'
import { messageOf } from '@shared/ipc/result'
import { EventForm, type EventFields } from './EventForm'
import { EventList } from './EventList'

type Editing = { mode: 'add' } | { mode: 'edit'; event: TimelineEvent } | null

const fieldsOf = (e: TimelineEvent): EventFields => ({
  at: e.at,
  tz: e.tz,
  precision: e.precision,
  title: e.title,
  description: e.description,
  location: e.location,
  actorIds: e.actorIds,
})

/**
 * The case's events in time order, each shown in the zone where it happened,
 * or all in one zone the user chose (a preference, kept for every case).
 */
export function TimelineTab({ caseId, detail, reload, readOnly, itemId, links }: CaseTabProps) {
  const t = useT()
  const undo = useUndo()
  const { preferences, setPreferences } = useAppSettings()
  const zoneId = useId()
  const [editing, setEditing] = useState<Editing>(null)
  const [removing, setRemoving] = useState<TimelineEvent | null>(null)
  const events = useMemo(() => sortEvents(detail.events), [detail.events])
  const names = useMemo(() => linkNamesOf(detail), [detail])
  const zone = preferences.timelineZone

  const save = async (fields: EventFields) => {
    if (editing?.mode === 'edit') {
      const before = editing.event
      await call('events:update', { caseId, eventId: before.id, patch: fields })
      undo.record({
        label: t('undo.editEvent', { title: before.title }),
        undo: () => call('events:update', { caseId, eventId: before.id, patch: fieldsOf(before) }),
        redo: () => call('events:update', { caseId, eventId: before.id, patch: fields }),
      })
    } else {
      const added = await call('events:add', { caseId, event: fields })
      undo.record({
        label: t('undo.addEvent', { title: added.title }),
        undo: () => call('events:remove', { caseId, eventId: added.id }),
        redo: () => call('events:restore', { caseId, event: added }),
      })
    }
    await reload()
    setEditing(null)
  }

  const remove = async (event: TimelineEvent) => {
    const { issueIds } = await call('events:remove', { caseId, eventId: event.id })
    undo.record(
      {
        label: t('undo.removeEvent', { title: event.title }),
        undo: () => call('events:restore', { caseId, event, issueIds }),
        redo: () => call('events:remove', { caseId, eventId: event.id }),
      },
      { toast: t('timeline.removed', { title: event.title }) },
    )
    await reload()
  }

  const chooseZone = (tz: string) =>
    setPreferences({ timelineZone: tz || null }).catch((e: unknown) =>
      showToast({ tone: 'error', message: t('timeline.zoneFailed', { reason: messageOf(e) }) }),
    )

  return (
    <div className="timeline">
      <div className="toolbar">
        <p className="muted">
          {t('timeline.count', { count: events.length })}{' '}
          {zone ? t('timeline.inZone', { zone }) : t('timeline.ownZones')}
        </p>
        <div className="toolbar__controls">
          <label htmlFor={zoneId} className="toolbar__label">
            {t('timeline.showIn')}
          </label>
          <TimeZoneSelect id={zoneId} value={zone ?? ''} onChange={(tz) => void chooseZone(tz)}>
            <option value="">{t('timeline.eachOwnZone')}</option>
          </TimeZoneSelect>
          {!readOnly && (
            <button type="button" className="button--primary" onClick={() => setEditing({ mode: 'add' })}>
              {t('timeline.add')}
            </button>
          )}
        </div>
      </div>
      {events.length === 0 ? (
        <p className="empty-state">{t('timeline.empty')}</p>
      ) : (
        <EventList
          caseId={caseId}
          events={events}
          names={names}
          links={links?.events}
          readOnly={readOnly}
          targetId={itemId}
          zone={zone}
          onEdit={(e) => setEditing({ mode: 'edit', event: e })}
          onRemove={setRemoving}
        />
      )}
      {editing && (
        <Dialog
          title={editing.mode === 'add' ? t('timeline.add') : t('timeline.edit')}
          className="dialog--wide"
          closeOnBackdrop={false}
          onClose={() => setEditing(null)}
        >
          <EventForm
            event={editing.mode === 'edit' ? editing.event : undefined}
            actors={detail.actors}
            onCancel={() => setEditing(null)}
            onSave={save}
          />
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog
          title={t('timeline.removeTitle')}
          message={t('timeline.removeMessage', { title: removing.title })}
          confirmLabel={t('common.remove')}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        />
      )}
    </div>
  )
}
