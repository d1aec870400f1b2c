import { useId, useState } from 'react'
import { BRIEFING_TEMPLATES, type BriefingSummary } from '@shared/domain'
import { call } from '@renderer/lib/api'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { RowActions } from '@renderer/components/RowActions'
import { messageOf } from '@shared/ipc/result'
import { formatDateTime } from './format'

type Template = (typeof BRIEFING_TEMPLATES)[number]

const TEMPLATE_NOTES: Record<Template, string> = {
  'case file': 'Drafted from the case: summary, chronology with its exhibits, legal position, annexes.',
  'briefing memo': 'Summary, background, legal position, assessment, recommendations.',
  'note of protest': 'Third-person note verbale: compliments, facts, law, protest, requests, courtesy close.',
  'analytical note': 'Key judgements, analysis, source reliability, outlook, gaps.',
  blank: 'An empty page with the memo header.',
}

interface Props {
  caseId: string
  briefings: BriefingSummary[]
  readOnly?: boolean
  onOpen: (briefingId: string) => void
  onChanged: () => Promise<void>
}

export function BriefingList({ caseId, briefings, readOnly, onOpen, onChanged }: Props) {
  const [template, setTemplate] = useState<Template>('briefing memo')
  const [title, setTitle] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [removing, setRemoving] = useState<BriefingSummary | null>(null)
  const ids = useId()

  const create = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const b = await call('briefings:create', { caseId, template, title: title.trim() || undefined })
      await onChanged()
      onOpen(b.id)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  const duplicate = async (b: BriefingSummary) => {
    try {
      await call('briefings:duplicate', { caseId, briefingId: b.id })
      await onChanged()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <div className="briefing-list">
      {briefings.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Template</th>
              <th scope="col">Status</th>
              <th scope="col">Last changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {briefings.map((b) => (
              <tr key={b.id}>
                <td>
                  <a
                    href={`#/case/${encodeURIComponent(caseId)}/briefings/${encodeURIComponent(b.id)}`}
                    onClick={(e) => {
                      e.preventDefault()
                      onOpen(b.id)
                    }}
                  >
                    {b.title}
                  </a>
                </td>
                <td>{b.template}</td>
                <td>
                  <span className={`briefing-status briefing-status--${b.status}`}>{b.status}</span>
                </td>
                <td>{formatDateTime(b.updatedAt)}</td>
                <td className="table__actions">
                  {!readOnly && (
                    <RowActions
                      look="small"
                      actions={[
                        { label: 'Duplicate', name: `Duplicate ${b.title}`, onClick: () => void duplicate(b) },
                        { label: 'Delete', name: `Delete ${b.title}`, onClick: () => setRemoving(b), danger: true },
                      ]}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No briefing yet. Start one from a template.</p>
      )}

      {!readOnly && (
        <form className="new-briefing" onSubmit={create} aria-label="New briefing">
          <h2 className="new-briefing__title">New briefing</h2>
          <div className="new-briefing__row">
            <div className="field">
              <label htmlFor={`${ids}-template`}>Template</label>
              <select id={`${ids}-template`} value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
                {BRIEFING_TEMPLATES.map((t) => (
                  <option key={t} value={t}>
                    {t[0].toUpperCase() + t.slice(1)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field new-briefing__name">
              <label htmlFor={`${ids}-title`}>Title (optional)</label>
              <input
                id={`${ids}-title`}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder="e.g. Briefing for the Minister"
              />
            </div>
            <button type="submit" className="button--primary" disabled={busy}>
              Create
            </button>
          </div>
          <p className="hint">
            {TEMPLATE_NOTES[template]} The header is filled from the case: classification, reference, subject and
            today’s date.
          </p>
          <ErrorAlert>{error}</ErrorAlert>
        </form>
      )}

      {removing && (
        <ConfirmDialog
          title="Delete this briefing?"
          message={`“${removing.title}” and its export history will be deleted. Exported PDF files stay where they were saved.`}
          confirmLabel="Delete briefing"
          onConfirm={async () => {
            await call('briefings:remove', { caseId, briefingId: removing.id })
            await onChanged()
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  )
}
