import { useState } from 'react'
import type { BriefingSummary, Clearance } from '@shared/domain'
import { formatDateTime } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { browserTimeZone } from '@renderer/lib/timeZones'

interface Props {
  clearance: Clearance
  /** The case's briefings, to name (and open) the version that was sent. */
  briefings: BriefingSummary[]
  onOpenSent: (briefingId: string) => void
  /** Selects the comment's anchor in the text; false when the text no longer has it. */
  onFind: (anchor: string) => boolean
}

/** A date as Word wrote it (ISO), in the reader's language; anything else as it came. */
function when(date: string | undefined, lang: 'en' | 'es'): string {
  if (!date) return ''
  const ms = Date.parse(date)
  return Number.isNaN(ms) ? date : formatDateTime(ms, lang, browserTimeZone())
}

/**
 * Beside a version that came back from clearance: where it came from, the
 * reviewers' comments (author, date, the text they were attached to), and what
 * changed against the copy that was sent.
 */
export function ClearancePanel({ clearance: c, briefings, onOpenSent, onFind }: Props) {
  const t = useT('briefings')
  const lang = useLanguage()
  const sent = briefings.find((b) => b.id === c.fromBriefingId)
  const [lost, setLost] = useState<number[]>([])
  return (
    <aside className="clearance" aria-labelledby="clearance-title">
      <h2 id="clearance-title" className="clearance__title">
        {t('clearance.title')}
      </h2>
      <p className="clearance__from">
        {sent ? (
          <>
            {t('clearance.from')}{' '}
            <button type="button" className="button--link" onClick={() => onOpenSent(sent.id)}>
              {sent.title}
            </button>
          </>
        ) : (
          t('clearance.fromGone')
        )}
        <br />
        <span className="muted">{t('clearance.imported', { date: when(c.importedAt, lang) })}</span>
      </p>
      <p className="clearance__counts">
        {t('clearance.counts', {
          insertions: c.insertions,
          deletions: c.deletions,
          comments: c.comments.length,
        })}
        {c.citationsRemoved > 0 && <> {t('clearance.citationsRemoved', { count: c.citationsRemoved })}</>}
        {c.notesAdded > 0 && <> {t('clearance.notesAdded', { count: c.notesAdded })}</>}
      </p>

      <h3 className="clearance__heading">{t('clearance.comments', { count: c.comments.length })}</h3>
      {c.comments.length === 0 ? (
        <p className="muted">{t('clearance.noComments')}</p>
      ) : (
        <ol className="clearance__comments">
          {c.comments.map((m, i) => (
            <li key={i} className="clearance-comment">
              <p className="clearance-comment__who">
                <strong>{m.author || t('clearance.anonymous')}</strong>
                {m.date && <span className="muted"> · {when(m.date, lang)}</span>}
              </p>
              {m.anchor && (
                <blockquote className="clearance-comment__anchor" title={t('clearance.anchorTitle')}>
                  {m.anchor}
                </blockquote>
              )}
              <p className="clearance-comment__text">{m.text}</p>
              {m.anchor && (
                <button
                  type="button"
                  className="button--link clearance-comment__find"
                  onClick={() => !onFind(m.anchor) && setLost((l) => [...l, i])}
                >
                  {lost.includes(i) ? t('clearance.notInText') : t('clearance.showInText')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}

      <h3 className="clearance__heading">{t('clearance.changes', { count: c.changes.length })}</h3>
      {c.changes.length === 0 ? (
        <p className="muted">{t('clearance.noChanges')}</p>
      ) : (
        <ol className="clearance__changes">
          {c.changes.map((ch, i) => (
            <li key={i} className={`clearance-change clearance-change--${ch.kind}`}>
              <span className="clearance-change__kind">{t(`clearance.kind.${ch.kind}`)}</span>
              {ch.before !== undefined && ch.kind !== 'added' && (
                <del className="clearance-change__before">{ch.before}</del>
              )}
              {ch.after !== undefined && ch.kind !== 'removed' && (
                <ins className="clearance-change__after">{ch.after}</ins>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
