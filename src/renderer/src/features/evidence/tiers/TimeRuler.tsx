import { formatTimecode } from '@shared/domain'

/** Tick spacings to choose from, in seconds: the first that leaves room for a label is used. */
const SPACINGS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
const MIN_GAP_PX = 90

/** Seconds between labelled ticks on a track `width` pixels wide showing `duration` seconds. */
export function tickSpacing(duration: number, width: number): number {
  const perPx = duration / Math.max(1, width)
  return SPACINGS.find((s) => s / perPx >= MIN_GAP_PX) ?? SPACINGS[SPACINGS.length - 1]
}

/** Time codes above the lanes, so a span's position can be read at any zoom. */
export function TimeRuler({ duration, width }: { duration: number; width: number }) {
  if (!(duration > 0) || width <= 0) return <div className="tl__ruler" aria-hidden="true" />
  const every = tickSpacing(duration, width)
  const ticks: number[] = []
  for (let s = 0; s <= duration + 1e-9 && ticks.length < 2000; s += every) ticks.push(Math.round(s * 1000) / 1000)
  return (
    <div className="tl__ruler" aria-hidden="true">
      {ticks.map((s) => (
        <span key={s} className="tl__tick mono" style={{ left: (s / duration) * width }}>
          {formatTimecode(s).replace(/^00:/, '')}
        </span>
      ))}
    </div>
  )
}
