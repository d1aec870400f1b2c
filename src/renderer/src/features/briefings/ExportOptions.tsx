import { useId } from 'react'
import type { BriefingStatus } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'
import type { Withheld } from './release'

export type ExportFormat = 'pdf' | 'docx'

interface Props {
  status: BriefingStatus
  format: ExportFormat
  /** The DRAFT mark on a final briefing (a draft always carries it). */
  draftMark: boolean
  release: boolean
  withheld: Withheld[]
  disabled: boolean
  onFormat: (f: ExportFormat) => void
  onDraftMark: (on: boolean) => void
  onRelease: (on: boolean) => void
  /** Sets the briefing's status to Final from here (absent when it cannot be changed). */
  onSetFinal?: () => void
}

const SHOWN = 12

/** Format, the DRAFT mark (following the briefing's status), and a release copy with what it leaves out. */
export function ExportOptions(p: Props) {
  const t = useT('briefings')
  const ids = useId()
  const isDraft = p.status === 'draft'
  return (
    <div className="export-options">
      <fieldset className="export-options__format" disabled={p.disabled}>
        <legend>{t('export.formatLegend')}</legend>
        {(['pdf', 'docx'] as const).map((f) => (
          <label key={f} className="check">
            <input
              type="radio"
              name={`${ids}-format`}
              value={f}
              checked={p.format === f}
              onChange={() => p.onFormat(f)}
            />{' '}
            {t(`export.formatChoice.${f}`)}
          </label>
        ))}
        {p.format === 'docx' && <p className="hint">{t('export.docxHint')}</p>}
      </fieldset>

      <div className="export-options__draft">
        <label className="check">
          <input
            type="checkbox"
            checked={isDraft || p.draftMark}
            disabled={p.disabled || isDraft}
            aria-describedby={`${ids}-draft-hint`}
            onChange={(e) => p.onDraftMark(e.target.checked)}
          />{' '}
          {t('export.draftMark')}
        </label>
        <p className="hint" id={`${ids}-draft-hint`}>
          {isDraft ? t('export.draftAlways') : t('export.draftOptional')}{' '}
          {isDraft && p.onSetFinal && (
            <button type="button" className="button--link" disabled={p.disabled} onClick={p.onSetFinal}>
              {t('export.setFinal')}
            </button>
          )}
        </p>
      </div>

      <div className="export-options__release">
        <label className="check">
          <input
            type="checkbox"
            checked={p.release}
            disabled={p.disabled}
            aria-describedby={`${ids}-release`}
            onChange={(e) => p.onRelease(e.target.checked)}
          />{' '}
          {t('export.release')}
        </label>
        <div id={`${ids}-release`} className="export-options__withheld">
          {p.withheld.length === 0 ? (
            <p className="hint">{t('export.releaseNothing')}</p>
          ) : (
            <>
              <p className="hint">{t('export.releaseLeavesOut', { count: p.withheld.length })}</p>
              <ul className="export-withheld" aria-label={t('export.withheldList')}>
                {p.withheld.slice(0, SHOWN).map((w, i) => (
                  <li key={i}>
                    <WithheldLine w={w} />
                  </li>
                ))}
                {p.withheld.length > SHOWN && (
                  <li className="muted">{t('export.andMore', { count: p.withheld.length - SHOWN })}</li>
                )}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  )
}

function WithheldLine({ w }: { w: Withheld }) {
  const t = useT('briefings')
  const reason = w.reason || t('export.noReason')
  switch (w.kind) {
    case 'passage':
      return <>{t('export.withheld.passage', { text: clip(w.text), reason })}</>
    case 'actor':
      return <>{t('export.withheld.actor', { name: w.name, reason })}</>
    case 'item':
      return <>{t('export.withheld.item', { title: clip(w.title), reason })}</>
    case 'fields':
      return (
        <>
          {t('export.withheld.fields', {
            title: clip(w.title),
            fields: w.fields.map((f) => t(`export.field.${f}`)).join(', '),
            reason,
          })}
        </>
      )
  }
}

const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)
