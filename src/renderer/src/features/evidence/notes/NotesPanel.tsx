import { useEffect, useId, useRef, useState } from 'react'
import { emptyRichText, type Note, type RichText } from '@shared/domain'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { formatDateTime } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { browserTimeZone } from '@renderer/lib/timeZones'
import { evidenceApi } from '../api'
import { RichTextEditor } from './RichTextEditor'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'

/** Plain text of a TipTap doc, for the list's one-line preview. */
export function plainText(doc: RichText, max = 120): string {
  let out = ''
  const walk = (n: unknown) => {
    if (out.length > max || typeof n !== 'object' || n === null) return
    const node = n as { type?: string; text?: string; content?: unknown[] }
    if (node.text) out += node.text
    node.content?.forEach(walk)
    // Blocks (paragraphs, headings, list items) end with a space; marks inside a line add none.
    if (node.type !== 'text' && node.type !== 'doc' && !out.endsWith(' ')) out += ' '
  }
  walk(doc)
  return out.trim().slice(0, max)
}

/** Free rich-text notes of the case: a list beside the open note. */
export function NotesPanel({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const t = useT('evidence')
  const lang = useLanguage()
  const [notes, setNotes] = useState<Note[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [removing, setRemoving] = useState<Note | null>(null)

  useEffect(() => {
    let live = true
    evidenceApi
      .listNotes(caseId)
      .then((list) => {
        if (!live) return
        setNotes(list)
        setSelectedId((s) => s ?? list[0]?.id ?? null)
      })
      .catch((e) => live && setError(t('notes.loadFailed', { message: messageOf(e) })))
    return () => {
      live = false
    }
  }, [caseId, t])

  const add = async () => {
    setError('')
    try {
      const note = await evidenceApi.addNote(caseId, { title: t('notes.untitled'), body: emptyRichText(), tags: [] })
      setNotes((list) => [note, ...(list ?? [])])
      setSelectedId(note.id)
      onChanged?.()
    } catch (e) {
      setError(t('notes.addFailed', { message: messageOf(e) }))
    }
  }

  const selected = notes?.find((n) => n.id === selectedId) ?? null
  return (
    <div className="ev-notes">
      <aside className="ev-notes__list" aria-label={t('notes.label')}>
        <button type="button" className="button--primary" onClick={add}>
          {t('notes.new')}
        </button>
        <ErrorAlert>{error}</ErrorAlert>
        {notes === null ? (
          <p className="muted">{t('annotations.loading')}</p>
        ) : notes.length === 0 ? (
          <p className="muted">{t('notes.none')}</p>
        ) : (
          <ul className="ev-notes__items">
            {notes.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className={`ev-notes__item ${n.id === selectedId ? 'ev-notes__item--active' : ''}`}
                  aria-current={n.id === selectedId ? 'true' : undefined}
                  onClick={() => setSelectedId(n.id)}
                >
                  <strong>{n.title || t('notes.untitled')}</strong>
                  <span className="muted small">{plainText(n.body) || t('notes.empty')}</span>
                  <span className="muted small">{formatDateTime(n.updatedAt, lang, browserTimeZone())}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <div className="ev-notes__editor">
        {selected ? (
          <NoteEditor
            key={selected.id}
            caseId={caseId}
            note={selected}
            onSaved={(n) => setNotes((list) => (list ?? []).map((x) => (x.id === n.id ? n : x)))}
            onRemove={() => setRemoving(selected)}
          />
        ) : (
          <p className="muted">{t('notes.select')}</p>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('notes.deleteTitle')}
          message={t('notes.deleteMessage', { title: removing.title || t('notes.untitled') })}
          confirmLabel={t('notes.deleteConfirm')}
          onConfirm={async () => {
            await evidenceApi.removeNote(caseId, removing.id)
            setNotes((list) => (list ?? []).filter((n) => n.id !== removing.id))
            setSelectedId(null)
            onChanged?.()
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  )
}

interface NoteDraft {
  title: string
  body: RichText
}

function NoteEditor({
  caseId,
  note,
  onSaved,
  onRemove,
}: {
  caseId: string
  note: Note
  onSaved: (n: Note) => void
  onRemove: () => void
}) {
  const t = useT('evidence')
  const id = useId()
  const [title, setTitle] = useState(note.title)
  const draft = useRef<NoteDraft>({ title: note.title, body: note.body })
  const autosave = useAutosave(async (next: NoteDraft) => {
    const result = await evidenceApi.updateNote(caseId, note.id, next)
    if (result.ok) onSaved(result.value)
    return result
  })
  const change = (patch: Partial<NoteDraft>) => {
    draft.current = { ...draft.current, ...patch }
    autosave.change(draft.current)
  }
  return (
    <article className="ev-note" onBlur={() => void autosave.flush()}>
      <header className="ev-note__head">
        <label htmlFor={`${id}-t`} className="visually-hidden">
          {t('notes.title')}
        </label>
        <input
          id={`${id}-t`}
          className="ev-note__title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value)
            change({ title: e.target.value })
          }}
        />
        <SaveStatus state={autosave.state} />
        <button type="button" className="button--danger" onClick={onRemove}>
          {t('notes.delete')}
        </button>
      </header>
      <RichTextEditor label={t('notes.text')} value={note.body} onChange={(body) => change({ body })} />
    </article>
  )
}
