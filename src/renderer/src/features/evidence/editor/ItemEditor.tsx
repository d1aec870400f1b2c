import { useCallback, useId, useRef, useState } from 'react'
import { verificationCaveat, type CaseDetail, type CaseLinks, type EvidenceItem } from '@shared/domain'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { EvidenceLinks } from '@renderer/features/links/EvidenceLinks'
import { useT } from '@renderer/lib/i18n'
import { defaultTimeZone } from '@renderer/lib/timeZones'
import { AnnotationsPane } from '../annotations/AnnotationsPane'
import { evidenceApi } from '../api'
import { kindClass, STATUS_TONE } from '../format'
import { ExaminationPanel } from '../examination/ExaminationPanel'
import { CustodyTable } from './CustodyTable'
import { DetailsPanel } from './DetailsPanel'
import { formOf, patchOf, withSaved, type EvidenceForm } from './form'

type Section = 'details' | 'media' | 'links' | 'examination' | 'custody'

export interface ItemEditorProps {
  caseId: string
  item: EvidenceItem
  detail: CaseDetail
  /** This item's backlinks (events, issues, stills and clips, citing briefings); undefined until loaded. */
  links?: CaseLinks['evidence'][string]
  onSaved: (item: EvidenceItem) => void
  onRemoved: () => void
}

/** One evidence item: metadata, verification, file facts, media with annotations, custody. Keyed by item id. */
export function ItemEditor({ caseId, item, detail, links, onSaved, onRemoved }: ItemEditorProps) {
  const t = useT('evidence')
  const tx = useT('examination')
  const tu = useT()
  const [form, setForm] = useState<EvidenceForm>(() => formOf(item, defaultTimeZone()))
  const baseline = useRef(form)
  const [section, setSection] = useState<Section>(item.file ? 'media' : 'details')
  const [confirmRemove, setConfirmRemove] = useState(false)
  // The playback speed outlives the player (which goes when another section is shown) while the item is open.
  const [playbackRate, setPlaybackRate] = useState(1)
  const id = useId()

  const autosave = useAutosave(async (next: EvidenceForm) => {
    const patch = patchOf(baseline.current, next)
    if (!Object.keys(patch).length) return
    const result = await evidenceApi.update(caseId, item.id, patch)
    if (result.ok) {
      baseline.current = withSaved(next, result.value)
      onSaved(result.value)
    }
    return result
  })

  const change = useCallback(
    (next: EvidenceForm) => {
      setForm(next)
      autosave.change(next)
    },
    [autosave],
  )

  const caveat = verificationCaveat(form.verification.status) ? t(`caveat.${form.verification.status}`) : null
  const mediaLabel = item.file
    ? item.kind === 'video' || item.kind === 'audio'
      ? t(item.kind === 'video' ? 'editor.tab.video' : 'editor.tab.audio')
      : t('editor.tab.file')
    : t('editor.tab.annotations')
  const tabLabel = (s: Section) =>
    s === 'media'
      ? mediaLabel
      : s === 'details'
        ? t('editor.tab.details')
        : s === 'links'
          ? tu('links.tab', { count: links ? links.eventIds.length + links.issueIds.length + links.citedIn.length : 0 })
          : s === 'examination'
            ? tx('tab')
            : t('editor.tab.custody', { count: item.custody.length })
  // A file to examine gets its own tab; an item without one has nothing there.
  const sections: Section[] = item.file
    ? ['media', 'details', 'links', 'examination', 'custody']
    : ['media', 'details', 'links', 'custody']

  return (
    <article className="ev-editor" aria-labelledby={`${id}-heading`} onBlur={() => void autosave.flush()}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {form.title}
      </h2>
      <header className="ev-editor__head">
        <span className={`ev-kind ev-kind--large ev-kind--${kindClass(form.kind)}`} aria-hidden="true">
          {t(`kindIcon.${form.kind}`)}
        </span>
        <div className="ev-editor__titlebox">
          <label htmlFor={`${id}-title`} className="visually-hidden">
            {t('editor.title')}
          </label>
          {/* A textarea so a long title wraps (between words) instead of hiding its end; Enter adds no line. */}
          <textarea
            id={`${id}-title`}
            className="ev-editor__title"
            rows={1}
            value={form.title}
            onChange={(e) => change({ ...form, title: e.target.value.replace(/\n/g, ' ') })}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          <div className="ev-editor__sub">
            <span className={`badge badge--${STATUS_TONE[form.verification.status]}`}>
              {t(`status.${form.verification.status}`)}
            </span>
            {item.withhold && <span className="ev-row__withheld">{t('withhold.badge')}</span>}
            <SaveStatus state={autosave.state} />
          </div>
        </div>
        <button type="button" className="button--danger ev-editor__remove" onClick={() => setConfirmRemove(true)}>
          {t('editor.remove')}
        </button>
      </header>
      {caveat && (
        <p className="ev-caveat" role="note">
          {caveat} {t('editor.caveatNote')}
        </p>
      )}

      <div className="ev-tabs" role="tablist" aria-label={t('editor.sections')}>
        {sections.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`${id}-tab-${s}`}
            aria-selected={section === s}
            aria-controls={`${id}-panel`}
            className={`ev-tabs__tab ${section === s ? 'ev-tabs__tab--active' : ''}`}
            onClick={() => setSection(s)}
          >
            {tabLabel(s)}
          </button>
        ))}
      </div>

      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${section}`} className="ev-editor__panel">
        {section === 'media' && (
          <AnnotationsPane
            caseId={caseId}
            item={item}
            detail={detail}
            onItemSaved={onSaved}
            playbackRate={playbackRate}
            onPlaybackRate={setPlaybackRate}
          />
        )}
        {section === 'custody' && <CustodyTable entries={item.custody} />}
        {section === 'links' && <EvidenceLinks caseId={caseId} detail={detail} links={links} />}
        {section === 'examination' && <ExaminationPanel caseId={caseId} item={item} detail={detail} />}
        {section === 'details' && (
          <DetailsPanel item={item} detail={detail} form={form} change={change} show={setForm} />
        )}
      </div>
      {confirmRemove && (
        <ConfirmDialog
          title={t('editor.removeTitle')}
          message={t('editor.removeMessage', { title: item.title })}
          confirmLabel={t('editor.removeConfirm')}
          onConfirm={async () => {
            await evidenceApi.remove(caseId, item.id)
            onRemoved()
          }}
          onClose={() => setConfirmRemove(false)}
        />
      )}
    </article>
  )
}
