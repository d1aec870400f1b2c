import { formatTimecode } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'

export interface Mark {
  id: string
  start: number
  end: number
  text: string
  selected: boolean
}

/**
 * A seek bar with the item's time-coded annotations marked on it: a tick at each
 * start, a band over each range, the selected one stronger. A click on a mark
 * opens that annotation (the keyboard reaches them through the annotation list).
 */
export function ScrubBar({
  time,
  duration,
  marks,
  onSeek,
  onMark,
}: {
  time: number
  duration: number
  marks: Mark[]
  onSeek: (seconds: number) => void
  onMark: (id: string) => void
}) {
  const t = useT('evidence')
  const known = Number.isFinite(duration) && duration > 0
  const pct = (s: number) => `${Math.max(0, Math.min(100, (s / duration) * 100))}%`
  return (
    <div className="ev-scrub">
      {known && (
        <div className="ev-scrub__marks" aria-hidden="true" data-testid="scrub-marks">
          {marks.map((m) => (
            <span
              key={m.id}
              className={`ev-scrub__mark ${m.selected ? 'ev-scrub__mark--selected' : ''}`}
              style={{ left: pct(m.start), width: m.end > m.start ? pct(m.end - m.start) : undefined }}
              title={`${formatTimecode(m.start)}${m.end > m.start ? `–${formatTimecode(m.end)}` : ''} ${m.text}`}
              onMouseDown={(e) => {
                e.preventDefault()
                onMark(m.id)
              }}
            />
          ))}
        </div>
      )}
      <input
        type="range"
        className="ev-scrub__range"
        min={0}
        max={known ? duration : 0}
        step={0.01}
        value={Math.min(time, known ? duration : 0)}
        disabled={!known}
        aria-label={t('player.position')}
        aria-valuetext={formatTimecode(time)}
        onChange={(e) => onSeek(Number(e.target.value))}
      />
    </div>
  )
}
