import { useState } from 'react'
import type { Actor } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { call } from '@renderer/lib/api'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { RowActions } from '@renderer/components/RowActions'
import { messageOf } from '@shared/ipc/result'

interface ActorFields {
  name: string
  role: string
  affiliation: string
}
const EMPTY: ActorFields = { name: '', role: '', affiliation: '' }

/** People and bodies of the case: add, edit in place, remove after confirmation. */
export function ActorsTab({ caseId, detail, reload, readOnly }: CaseTabProps) {
  const [editing, setEditing] = useState<string | null>(null)
  const [removing, setRemoving] = useState<Actor | null>(null)

  const linkedEvents = (actorId: string) => detail.events.filter((e) => e.actorIds.includes(actorId)).length

  return (
    <div className="actors">
      {!readOnly && (
        <ActorForm
          idPrefix="new-actor"
          legend="Add an actor"
          initial={EMPTY}
          submitLabel="Add actor"
          resetOnSave
          onSave={async (fields) => {
            await call('actors:add', { caseId, actor: fields })
            await reload()
          }}
        />
      )}
      {detail.actors.length === 0 ? (
        <p className="empty-state">
          No actors yet. Add the people and bodies involved — agents, officials, ministries.
        </p>
      ) : (
        <table className="table actors-table">
          <caption className="visually-hidden">Actors of the case</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Affiliation</th>
              <th scope="col" className="table__actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.actors.map((a) =>
              editing === a.id ? (
                <tr key={a.id} className="table__editing">
                  <td colSpan={4}>
                    <ActorForm
                      idPrefix={`actor-${a.id}`}
                      legend={`Edit ${a.name}`}
                      initial={{ name: a.name, role: a.role, affiliation: a.affiliation }}
                      submitLabel="Save"
                      onCancel={() => setEditing(null)}
                      onSave={async (fields) => {
                        await call('actors:update', { caseId, actorId: a.id, patch: fields })
                        await reload()
                        setEditing(null)
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.role || <span className="muted">—</span>}</td>
                  <td>{a.affiliation || <span className="muted">—</span>}</td>
                  <td className="table__actions">
                    {!readOnly && (
                      <RowActions
                        actions={[
                          { label: 'Edit', name: `Edit ${a.name}`, onClick: () => setEditing(a.id) },
                          { label: 'Remove', name: `Remove ${a.name}`, onClick: () => setRemoving(a), danger: true },
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
          title="Remove actor"
          message={
            `Remove “${removing.name}” from this case?` +
            (linkedEvents(removing.id)
              ? ` It is linked to ${linkedEvents(removing.id)} timeline event(s); the links go too.`
              : '')
          }
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await call('actors:remove', { caseId, actorId: removing.id })
            await reload()
          }}
        />
      )}
    </div>
  )
}

interface ActorFormProps {
  idPrefix: string
  legend: string
  initial: ActorFields
  submitLabel: string
  resetOnSave?: boolean
  onSave: (fields: ActorFields) => Promise<void>
  onCancel?: () => void
}

function ActorForm({ idPrefix, legend, initial, submitLabel, resetOnSave, onSave, onCancel }: ActorFormProps) {
  const [fields, setFields] = useState(initial)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const set = (k: keyof ActorFields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFields({ ...fields, [k]: e.target.value })

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!fields.name.trim()) return setError('An actor needs a name.')
    setBusy(true)
    setError('')
    try {
      await onSave(fields)
      if (resetOnSave) setFields(EMPTY)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <fieldset>
        <legend className={onCancel ? 'visually-hidden' : ''}>{legend}</legend>
        <div className="inline-form__row">
          <div className="field">
            <label htmlFor={`${idPrefix}-name`}>Name</label>
            <input
              id={`${idPrefix}-name`}
              value={fields.name}
              autoFocus={!!onCancel}
              aria-invalid={(!!error && !fields.name.trim()) || undefined}
              onChange={set('name')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-role`}>Role</label>
            <input id={`${idPrefix}-role`} value={fields.role} onChange={set('role')} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-affiliation`}>Affiliation</label>
            <input id={`${idPrefix}-affiliation`} value={fields.affiliation} onChange={set('affiliation')} />
          </div>
          <div className="inline-form__buttons">
            <button type="submit" className="button--primary" disabled={busy}>
              {submitLabel}
            </button>
            {onCancel && (
              <button type="button" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
        </div>
        <ErrorAlert>{error}</ErrorAlert>
      </fieldset>
    </form>
  )
}
