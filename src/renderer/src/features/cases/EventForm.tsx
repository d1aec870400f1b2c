import { useId, useState } from 'react'
import {
  PRECISIONS,
  formatOffset,
  instantToLocal,
  localToInstant,
  zoneOffsetMinutes,
  type Actor,
  type Precision,
  type TimelineEvent,
} from '@shared/domain'
import { FormFooter } from '@renderer/components/FormFooter'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { useT } from '@renderer/lib/i18n'
import { defaultTimeZone, rememberTimeZone } from '@renderer/lib/timeZones'
import { messageOf } from '@shared/ipc/result'
import { precisionKey } from './caseFormat'

export interface EventFields {
  at: string
  tz: string
  precision: Precision
  title: string
  description: string
  location: string
  actorIds: string[]
}

interface EventFormProps {
  event?: TimelineEvent
  actors: Actor[]
  onSave: (fields: EventFields) => Promise<void>
  onCancel: () => void
}

type Errors = Partial<Record<'when' | 'tz' | 'title' | 'form', string>>

/** Add or edit one timeline event; the time is typed as wall-clock time in the chosen zone. */
export function EventForm({ event, actors, onSave, onCancel }: EventFormProps) {
  const t = useT()
  const id = useId()
  const [tz, setTz] = useState(event?.tz ?? defaultTimeZone())
  const [local, setLocal] = useState(event ? instantToLocal(event.at, event.tz) : '')
  const [precision, setPrecision] = useState<Precision>(event?.precision ?? 'exact')
  const [title, setTitle] = useState(event?.title ?? '')
  const [description, setDescription] = useState(event?.description ?? '')
  const [location, setLocation] = useState(event?.location ?? '')
  const [actorIds, setActorIds] = useState<string[]>(event?.actorIds ?? [])
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  const instant = local ? localToInstant(local, tz) : null
  const offset = instant ? formatOffset(zoneOffsetMinutes(Date.parse(instant), tz)) : null

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const next: Errors = {}
    if (!local) next.when = t('eventForm.whenMissing')
    else if (!instant) next.when = t('eventForm.whenInvalid', { value: local })
    if (!title.trim()) next.title = t('eventForm.titleMissing')
    setErrors(next)
    if (Object.keys(next).length || !instant) return
    setBusy(true)
    try {
      await onSave({ at: instant, tz, precision, title, description, location, actorIds })
      rememberTimeZone(tz)
    } catch (err) {
      setErrors({ form: messageOf(err) })
      setBusy(false)
    }
  }

  const fieldError = (key: keyof Errors) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    ) : null
  const describedBy = (key: keyof Errors) => (errors[key] ? `${id}-${key}-error` : undefined)

  return (
    <form className="form event-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-when`}>{t('eventForm.when')}</label>
          <input
            id={`${id}-when`}
            type="datetime-local"
            data-autofocus
            value={local}
            aria-invalid={!!errors.when || undefined}
            aria-describedby={describedBy('when')}
            onChange={(e) => setLocal(e.target.value)}
          />
          {fieldError('when')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-tz`}>{t('eventForm.zone')}</label>
          <TimeZoneSelect id={`${id}-tz`} value={tz} onChange={setTz} aria-describedby={`${id}-tz-hint`} />
          <p id={`${id}-tz-hint`} className="hint">
            {offset && instant
              ? t('eventForm.zoneOffset', { offset, instant: instant.replace('.000Z', 'Z') })
              : t('eventForm.zoneHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-precision`}>{t('eventForm.precision')}</label>
          <select id={`${id}-precision`} value={precision} onChange={(e) => setPrecision(e.target.value as Precision)}>
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {t(precisionKey(p))}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-title`}>{t('eventForm.title')}</label>
          <input
            id={`${id}-title`}
            value={title}
            aria-invalid={!!errors.title || undefined}
            aria-describedby={describedBy('title')}
            onChange={(e) => setTitle(e.target.value)}
          />
          {fieldError('title')}
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-location`}>{t('eventForm.location')}</label>
          <input id={`${id}-location`} value={location} onChange={(e) => setLocation(e.target.value)} />
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-description`}>{t('eventForm.description')}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <fieldset className="field field--wide actor-picks">
          <legend>{t('eventForm.actors')}</legend>
          {actors.length === 0 ? (
            <p className="muted">{t('eventForm.noActors')}</p>
          ) : (
            actors.map((a) => (
              <label key={a.id} className="check">
                <input
                  type="checkbox"
                  checked={actorIds.includes(a.id)}
                  onChange={(e) =>
                    setActorIds(e.target.checked ? [...actorIds, a.id] : actorIds.filter((x) => x !== a.id))
                  }
                />
                {a.name}
              </label>
            ))
          )}
        </fieldset>
      </div>
      <FormFooter
        error={errors.form ? t('eventForm.saveFailed', { reason: errors.form }) : null}
        onCancel={onCancel}
        submitLabel={event ? t('eventForm.save') : t('timeline.add')}
        busy={busy}
      />
    </form>
  )
}
