import type { DuplicateMatch, Fingerprint } from '@shared/domain'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'
import { formatRoute } from '@renderer/lib/router'
import { timeCode, toolText } from './words'

const span = (s?: { start: number; end: number }) => (s ? `${timeCode(s.start)}–${timeCode(s.end)}` : '')

/** Other items of the workspace that show the same picture or footage, each a link to it. */
export function Matches({ matches }: { matches: DuplicateMatch[] }) {
  const t = useT('examination')
  const fmt = useFormat()
  if (!matches.length) return <p className="muted">{t('duplicates.none')}</p>
  return (
    <ul className="ex-matches">
      {matches.map((m) => (
        <li key={`${m.caseId}:${m.evidenceId}:${m.there?.start ?? 0}`} className="ex-match" data-how={m.how}>
          <p>
            {t(m.how === 'frame' && !m.there ? 'duplicates.framePicture' : `duplicates.${m.how}`, {
              title: m.title,
              there: span(m.there),
              here: span(m.here),
              frames: m.frames,
            })}{' '}
            <a href={formatRoute({ name: 'case', caseId: m.caseId, tab: 'evidence', itemId: m.evidenceId })}>
              {t('duplicates.open', { title: m.title })}
            </a>
          </p>
          {m.how !== 'identical file' && (
            <p className="muted small">
              {t('duplicates.distance', {
                dhash: fmt.number(Math.round(m.dhashDistance * 10) / 10),
                phash: fmt.number(Math.round(m.phashDistance * 10) / 10),
              })}
            </p>
          )}
        </li>
      ))}
    </ul>
  )
}

/** Whether the file can be matched at all, and by what. */
export function FingerprintLine({ fingerprint }: { fingerprint: Fingerprint }) {
  const t = useT('examination')
  const fmt = useFormat()
  if (fingerprint.status !== 'done') return <p className="muted">{t('fingerprint.skipped')}</p>
  return (
    <p className="muted">
      {fingerprint.kind === 'video'
        ? t('fingerprint.video', { count: fingerprint.times.length, tool: toolText(t, fingerprint.tool, fmt.number) })
        : t('fingerprint.image', { tool: fingerprint.tool })}
    </p>
  )
}
