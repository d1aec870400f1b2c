import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { formatNumber } from '@shared/i18n/format'
import { SaveStatus } from '@renderer/components/SaveStatus'
import type { SaveState } from '@renderer/components/useAutosave'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { followScroll, stepZoom, trackLength, ZOOMS, type Lane, type TimeTarget } from './laneModel'
import { NewTierForm } from './NewTierForm'
import { TierLane } from './TierLane'
import { TimeRuler } from './TimeRuler'
import { useMediaClock } from './useMediaClock'

/**
 * ELAN-style tier lanes under the player: one lane per tier, spans to scale over
 * the media's duration, a playhead across them, zoom (buttons, + and - keys,
 * Ctrl+wheel) with a horizontal scroll that follows the playhead.
 */
export function TierLanes({
  lanes,
  mediaRef,
  step,
  selectedId,
  saveState,
  tiers,
  onOpen,
  onEdit,
  onCommit,
  onCreateTier,
  onPlayerKey,
}: {
  lanes: Lane[]
  mediaRef: RefObject<HTMLMediaElement | null>
  /** Seconds a key press moves an edge: a frame of video, a tenth of a second of audio. */
  step: number
  selectedId: string | null
  saveState: SaveState
  tiers: string[]
  onOpen: (id: string) => void
  onEdit: (id: string, target: TimeTarget) => void
  onCommit: () => void
  onCreateTier: (name: string) => Promise<void>
  /** Keys the lanes do not use go to the player (Space, M, [ ], frame steps). */
  onPlayerKey: (e: React.KeyboardEvent) => void
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  const scroll = useRef<HTMLDivElement>(null)
  const playhead = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const [view, setView] = useState(0)
  const [zoom, setZoom] = useState<number>(ZOOMS[0])
  const width = Math.max(0, view * zoom)
  const geometry = useRef({ width, duration: NaN })

  const drawPlayhead = useCallback((seconds: number) => {
    const { width: w, duration: d } = geometry.current
    const x = d > 0 ? (Math.min(seconds, d) / d) * w : 0
    if (playhead.current) playhead.current.style.transform = `translateX(${x}px)`
    const s = scroll.current
    if (s) {
      const left = followScroll(x, s.scrollLeft, s.clientWidth, w)
      if (left !== s.scrollLeft) s.scrollLeft = left
    }
  }, [])
  const { duration } = useMediaClock(mediaRef, drawPlayhead)
  const length = trackLength(duration, lanes)
  geometry.current = { width, duration: length }
  // Redraw on a zoom or resize, and bring the playhead into view.
  useLayoutEffect(() => drawPlayhead(mediaRef.current?.currentTime ?? 0), [width, length, drawPlayhead, mediaRef])

  useLayoutEffect(() => {
    const s = scroll.current
    if (!s) return
    const measure = () => setView(s.clientWidth)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(measure)
    ro.observe(s)
    return () => ro.disconnect()
  }, [])

  // Ctrl+wheel zooms about the pointer. A native listener: React's wheel listener is passive and could not
  // keep the page itself from zooming.
  useEffect(() => {
    const s = scroll.current
    if (!s) return
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return
      e.preventDefault()
      const { width: w } = geometry.current
      const at = (s.scrollLeft + e.clientX - s.getBoundingClientRect().left) / (w || 1)
      setZoom((z) => {
        const next = stepZoom(z, e.deltaY < 0 ? 1 : -1)
        requestAnimationFrame(() => {
          s.scrollLeft = at * s.clientWidth * next - (e.clientX - s.getBoundingClientRect().left)
        })
        return next
      })
    }
    s.addEventListener('wheel', onWheel, { passive: false })
    return () => s.removeEventListener('wheel', onWheel)
  }, [])

  const toLane = (from: number, dir: -1 | 1, at: number) => {
    const rows = body.current?.querySelectorAll<HTMLElement>('[data-testid="tier-lane"]') ?? []
    for (let i = from + dir; i >= 0 && i < rows.length; i += dir) {
      const spans = [...rows[i].querySelectorAll<HTMLElement>('[data-span]')]
      if (!spans.length) continue
      const starts = lanes[i].spans.map((s) => Math.abs(s.start - at))
      spans[starts.indexOf(Math.min(...starts))]?.focus()
      return
    }
  }

  const zoomBy = (dir: 1 | -1) => setZoom((z) => stepZoom(z, dir))
  const laneLabel = (tier: string) => tier || t('tiers.defaultLane')

  return (
    <section
      className="tl"
      aria-label={t('tiers.heading')}
      data-testid="tier-lanes"
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest('input, select, textarea')) return
        if (e.key === '+' || e.key === '=') zoomBy(1)
        else if (e.key === '-') zoomBy(-1)
        else if (e.key === '0') setZoom(ZOOMS[0])
        else return onPlayerKey(e)
        e.preventDefault()
        e.stopPropagation()
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onCommit()
      }}
    >
      <div className="tl__bar">
        <h3 className="tl__title">{t('tiers.heading')}</h3>
        <SaveStatus state={saveState} />
        <span className="tl__zoom" role="group" aria-label={t('tiers.zoom')}>
          <button type="button" title={t('tiers.zoomOut')} aria-label={t('tiers.zoomOut')} onClick={() => zoomBy(-1)}>
            −
          </button>
          <output className="mono" data-testid="tier-zoom">
            {formatNumber(zoom, lang)}×
          </output>
          <button type="button" title={t('tiers.zoomIn')} aria-label={t('tiers.zoomIn')} onClick={() => zoomBy(1)}>
            +
          </button>
          <button type="button" title={t('tiers.zoomFitHint')} onClick={() => setZoom(ZOOMS[0])}>
            {t('tiers.zoomFit')}
          </button>
        </span>
        <NewTierForm tiers={tiers} onCreate={onCreateTier} />
      </div>
      <div className="tl__body" ref={body}>
        <div className="tl__names" aria-hidden="true">
          <span className="tl__name tl__name--ruler" />
          {lanes.map((l) => (
            <span key={l.tier} className={`tl__name ${l.tier ? '' : 'tl__name--default'}`} title={laneLabel(l.tier)}>
              {laneLabel(l.tier)}
            </span>
          ))}
        </div>
        <div className="tl__scroll" ref={scroll} data-testid="tier-scroll">
          <div className="tl__content" style={{ width }}>
            <TimeRuler duration={length} width={width} />
            {lanes.map((l, i) => (
              <TierLane
                key={l.tier}
                lane={l}
                label={laneLabel(l.tier)}
                width={width}
                length={length}
                duration={duration}
                step={step}
                selectedId={selectedId}
                actions={{ open: onOpen, edit: onEdit, commit: onCommit, toLane: (dir, at) => toLane(i, dir, at) }}
              />
            ))}
            <div className="tl__playhead" ref={playhead} aria-hidden="true" data-testid="tier-playhead" />
          </div>
        </div>
      </div>
      <p className="tl__hint muted small">{t('tiers.keysHint')}</p>
    </section>
  )
}
