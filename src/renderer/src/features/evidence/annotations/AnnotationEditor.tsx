import { useEffect, useId, useRef, useState } from 'react'
import { citationLabel, type Annotation, type AnnotationTarget, type CaseDetail } from '@shared/domain'
import type { AnnotationPatch } from '@shared/domain'
import type { Result } from '@shared/ipc/result'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { LinkPicker } from '../editor/LinkPicker'
import { eventChoiceLabel } from '../format'
import { TierField } from '../tiers/TierField'
import { TargetFields } from './TargetFields'

interface Draft {
  tier: string
  text: string
  tags: string[]
  eventIds: string[]
  statuteIds: string[]
}

const draftOf = (a: Annotation): Draft => ({
  tier: a.tier ?? '',
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
  tiers,
  onCreateTier,
}: {
  annotation: Annotation
  detail: CaseDetail
  autoFocus: boolean
  save: (patch: AnnotationPatch) => Promise<Result<Annotation>>
  onTarget: (t: AnnotationTarget) => void
  onRemove: () => void
  onEscape?: () => void
  /** The item's tiers, for time-coded annotations (absent: no tier field). */
  tiers?: readonly string[]
  onCreateTier?: (name: string) => Promise<void>
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  const id = useId()
  const [draft, setDraft] = useState(() => draftOf(annotation))
  const baseline = useRef(draft)
  const textRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const el = textRef.current
    if (!autoFocus || !el) return
    // Not focus()'s own scrolling, which centres the field in the pane, under the player kept in sight
    // above it: "nearest" stops at the field's scroll margin (below the player), or does not move at all.
    el.focus({ preventScroll: true })
    el.scrollIntoView?.({ block: 'nearest' })
  }, [autoFocus])

  const autosave = useAutosave(async (next: Draft) => {
    const b = baseline.current
    const patch: AnnotationPatch = {}
    if (next.tier !== b.tier) patch.tier = next.tier
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
      aria-labelledby={`${id}-h`}
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
        <h4 id={`${id}-h`}>{t('annotation.heading')}</h4>
        <SaveStatus state={autosave.state} />
        <button type="button" className="button--danger button--small" onClick={onRemove}>
          {t('annotation.delete')}
        </button>
      </header>
      <TargetFields target={annotation.target} onCommit={onTarget} />
      {tiers && onCreateTier && (
        <TierField
          value={draft.tier}
          tiers={tiers}
          onCreate={onCreateTier}
          onChange={(tier) => {
            // A choice, not typing: saved at once so the span changes lane now.
            set({ ...draft, tier })
            void autosave.flush()
          }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('annotation.text')}</label>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          rows={3}
          value={draft.text}
          placeholder={t('annotation.textPlaceholder')}
          onChange={(e) => set({ ...draft, text: e.target.value })}
        />
        {onEscape && <span className="muted small">{t('annotation.escape')}</span>}
      </div>
      <ChipsInput
        label={t('details.tags')}
        values={draft.tags}
        onChange={(tags) => set({ ...draft, tags })}
        placeholder={t('details.tagPlaceholder')}
      />
      <div className="ev-anned__links">
        <LinkPicker
          legend={t('details.events')}
          options={detail.events}
          selected={draft.eventIds}
          describe={(e) => eventChoiceLabel(e, lang)}
          onChange={(eventIds) => set({ ...draft, eventIds })}
          empty={t('details.noEvents')}
        />
        <LinkPicker
          legend={t('annotation.statutes')}
          options={detail.statutes}
          selected={draft.statuteIds}
          describe={(s) => `${citationLabel(s)}${s.heading ? ` — ${s.heading}` : ''}`}
          onChange={(statuteIds) => set({ ...draft, statuteIds })}
          empty={t('annotation.noStatutes')}
        />
      </div>
    </section>
  )
}
