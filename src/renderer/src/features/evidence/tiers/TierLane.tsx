import { useEffect, useRef, useState } from 'react'
import { formatTarget } from '@shared/domain'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { moveEdge, spanBox, type Lane, type Span, type TimeTarget } from './laneModel'

export interface LaneActions {
  /** Seek to the span's start and select its annotation. */
  open: (id: string) => void
  /** A new range for a span, shown at once and saved after a pause. */
  edit: (id: string, target: TimeTarget) => void
  /** The end of a drag: save now. */
  commit: () => void
  /** Focus a span of the lane above (-1) or below (+1), nearest in time to `at`. */
  toLane: (dir: -1 | 1, at: number) => void
}

interface Drag {
  id: string
  edge: 'start' | 'end'
  x0: number
  from: TimeTarget
  moved: boolean
}

/**
 * One tier's spans, drawn to scale on a track `width` pixels wide. The lane is a
 * listbox with one tab stop (roving tabindex): arrows move between spans, Enter
 * plays from one, Alt+arrows move its start and Alt+Shift+arrows its end by
 * `step` seconds. Edges are dragged with the pointer. Other keys fall through to
 * the player (Space plays, [ and ] set the selected annotation's edges to now).
 */
export function TierLane({
  lane,
  label,
  width,
  length,
  duration,
  step,
  selectedId,
  actions,
}: {
  lane: Lane
  label: string
  width: number
  /** Seconds the track shows (spans are drawn over it). */
  length: number
  /** The media's duration, which edges may not pass (NaN or Infinity: no limit beyond 0). */
  duration: number
  step: number
  selectedId: string | null
  actions: LaneActions
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  const [active, setActive] = useState<string | null>(null)
  const drag = useRef<Drag | null>(null)
  const stopListening = useRef<(() => void) | null>(null)
  useEffect(() => () => stopListening.current?.(), [])
  const el = useRef<HTMLDivElement>(null)
  const spans = lane.spans
  // The tab stop: the span last moved to, else the selected one, else the first.
  const stop = [active, selectedId].find((id) => id && spans.some((s) => s.id === id)) ?? spans[0]?.id
  const range = (s: Span): TimeTarget => ({ type: 'time', start: s.start, end: s.end })

  const focusSpan = (id: string) => {
    setActive(id)
    const spans = Array.from(el.current?.querySelectorAll<HTMLElement>('[data-span]') ?? [])
    spans.find((s) => s.dataset.span === id)?.focus()
  }

  const onKey = (e: React.KeyboardEvent, s: Span, i: number) => {
    const arrow = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0
    if (arrow && e.altKey && !e.ctrlKey && !e.metaKey) {
      const edge = e.shiftKey ? 'end' : 'start'
      actions.edit(s.id, moveEdge(range(s), edge, s[edge] + arrow * step, duration))
    } else if (e.altKey || e.ctrlKey || e.metaKey) {
      return
    } else if (arrow) {
      const next = spans[Math.max(0, Math.min(spans.length - 1, i + arrow))]
      focusSpan(next.id)
    } else if (e.key === 'Home' || e.key === 'End') {
      focusSpan(spans[e.key === 'Home' ? 0 : spans.length - 1].id)
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      actions.toLane(e.key === 'ArrowUp' ? -1 : 1, s.start)
    } else if (e.key === 'Enter') {
      actions.open(s.id)
    } else return
    e.preventDefault()
    e.stopPropagation()
  }

  const pxPerSecond = length > 0 ? width / length : 0
  const startDrag = (e: React.PointerEvent, s: Span, edge: 'start' | 'end') => {
    if (e.button !== 0 || !pxPerSecond) return
    e.preventDefault()
    e.stopPropagation()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { id: s.id, edge, x0: e.clientX, from: range(s), moved: false }
    // Escape while dragging puts the edge back where it was (the keys go to the page: the grip takes no focus).
    const cancel = (k: KeyboardEvent) => {
      const d = drag.current
      if (k.key !== 'Escape' || !d) return
      k.preventDefault()
      k.stopPropagation()
      if (d.moved) actions.edit(d.id, d.from)
      drag.current = null
    }
    window.addEventListener('keydown', cancel, { capture: true })
    stopListening.current = () => window.removeEventListener('keydown', cancel, { capture: true })
  }
  const moveDrag = (e: React.PointerEvent) => {
    const d = drag.current
    if (!d) return
    d.moved = true
    const to = d.from[d.edge] + (e.clientX - d.x0) / pxPerSecond
    actions.edit(d.id, moveEdge(d.from, d.edge, to, duration))
  }
  const endDrag = () => {
    stopListening.current?.()
    stopListening.current = null
    if (drag.current?.moved) actions.commit()
    drag.current = null
  }

  return (
    <div
      ref={el}
      className="tl__lane"
      role="listbox"
      aria-orientation="horizontal"
      aria-label={label}
      data-testid="tier-lane"
      data-tier={lane.tier}
    >
      {spans.map((s, i) => {
        const box = spanBox(s, length, width)
        const selected = s.id === selectedId
        return (
          <div
            key={s.id}
            data-span={s.id}
            data-testid="tier-span"
            role="option"
            aria-selected={selected}
            tabIndex={s.id === stop ? 0 : -1}
            className={`tl__span ${selected ? 'tl__span--selected' : ''} ${box.width < 6 ? 'tl__span--point' : ''}`}
            style={{ left: box.left, width: box.width }}
            aria-label={`${formatTarget(range(s), lang)} ${s.text || t('annotations.noText')}`}
            title={`${formatTarget(range(s), lang)} ${s.text}`}
            onFocus={() => setActive(s.id)}
            onKeyDown={(e) => onKey(e, s, i)}
            onClick={() => actions.open(s.id)}
          >
            <span className="tl__text">{s.text}</span>
            {(['start', 'end'] as const).map((edge) => (
              <span
                key={edge}
                aria-hidden="true"
                className={`tl__edge tl__edge--${edge}`}
                data-testid={`tier-edge-${edge}`}
                onPointerDown={(e) => startDrag(e, s, edge)}
                onPointerMove={moveDrag}
                onPointerUp={endDrag}
                onPointerCancel={endDrag}
                // A drag ends with a click on the edge; it must not also seek.
                onClick={(e) => e.stopPropagation()}
              />
            ))}
          </div>
        )
      })}
    </div>
  )
}
