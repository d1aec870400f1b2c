import { useEffect, useId, useRef, useState } from 'react'
import { instrumentShortName, type Annotation, type AnnotationTarget, type CaseDetail } from '@shared/domain'
import type { AnnotationPatch } from '@shared/domain'
import type { Result } from '@shared/ipc/result'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { LinkPicker } from '../editor/LinkPicker'
import { eventChoiceLabel } from '../format'
import { TargetFields } from './TargetFields'

interface Draft {
  text: string
  tags: string[]
  eventIds: string[]
  statuteIds: string[]
}

const draftOf = (a: Annotation): Draft => ({
  text: a.text,
  tags: a.tags,
  eventIds: a.eventIds,
  statuteIds: a.statuteIds,
})
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** The selected annotation. Text, tags and links autosave; the anchor saves on commit. Keyed by annotation id. */
export function AnnotationEditor({
  annotation,
  detail,
  autoFocus,
  save,
  onTarget,
  onRemove,
  onEscape,
}: {
  annotation: Annotation
  detail: CaseDetail
  autoFocus: boolean
  save: (patch: AnnotationPatch) => Promise<Result<Annotation>>
  onTarget: (t: AnnotationTarget) => void
  onRemove: () => void
  onEscape?: () => void
}) {
  const id = useId()
  const [draft, setDraft] = useState(() => draftOf(annotation))
  const baseline = useRef(draft)
  const textRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (autoFocus) textRef.current?.focus()
  }, [autoFocus])

  const autosave = useAutosave(async (next: Draft) => {
    const b = baseline.current
    const patch: AnnotationPatch = {}
    if (next.text !== b.text) patch.text = next.text
    if (!same(next.tags, b.tags)) patch.tags = next.tags
    if (!same(next.eventIds, b.eventIds)) patch.eventIds = next.eventIds
    if (!same(next.statuteIds, b.statuteIds)) patch.statuteIds = next.statuteIds
    if (!Object.keys(patch).length) return
    const result = await save(patch)
    if (result.ok) baseline.current = next
    return result
  })
  const set = (next: Draft) => {
    setDraft(next)
    autosave.change(next)
  }

  return (
    <section
      className="ev-anned"
      aria-label="Selected annotation"
      onBlur={() => void autosave.flush()}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onEscape) {
          e.stopPropagation()
          void autosave.flush()
          onEscape()
        }
      }}
    >
      <header className="ev-anned__head">
        <h4>Annotation</h4>
        <SaveStatus state={autosave.state} />
        <button type="button" className="button--danger" onClick={onRemove}>
          Delete
        </button>
      </header>
      <TargetFields target={annotation.target} onCommit={onTarget} />
      <div className="field">
        <label htmlFor={`${id}-text`}>Text</label>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          rows={3}
          value={draft.text}
          placeholder="What happens here, and why it matters"
          onChange={(e) => set({ ...draft, text: e.target.value })}
        />
        {onEscape && <span className="muted small">Escape returns to the player.</span>}
      </div>
      <ChipsInput
        label="Tags"
        values={draft.tags}
        onChange={(tags) => set({ ...draft, tags })}
        placeholder="Add a tag, Enter"
      />
      <div className="ev-anned__links">
        <LinkPicker
          legend="Timeline events"
          options={detail.events}
          selected={draft.eventIds}
          describe={eventChoiceLabel}
          onChange={(eventIds) => set({ ...draft, eventIds })}
          empty="No timeline events in this case."
        />
        <LinkPicker
          legend="Statute excerpts"
          options={detail.statutes}
          selected={draft.statuteIds}
          describe={(s) =>
            `${instrumentShortName(s)} Art. ${s.article}${s.paragraph ? `(${s.paragraph})` : ''}${s.heading ? ` — ${s.heading}` : ''}`
          }
          onChange={(statuteIds) => set({ ...draft, statuteIds })}
          empty="The case links no statute excerpts."
        />
      </div>
    </section>
  )
}
