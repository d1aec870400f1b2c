import { useRef, useState } from 'react'
import type { Annotation } from '@shared/domain'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useT } from '@renderer/lib/i18n'

export interface Region {
  x: number
  y: number
  width: number
  height: number
}

const clamp = (v: number) => Math.max(0, Math.min(1, v))
const round = (v: number) => Math.round(v * 10_000) / 10_000

/** Two corners in fractions of the image -> a normalised rectangle inside it. */
export function regionFrom(a: { x: number; y: number }, b: { x: number; y: number }): Region {
  const x1 = clamp(Math.min(a.x, b.x))
  const y1 = clamp(Math.min(a.y, b.y))
  const x2 = clamp(Math.max(a.x, b.x))
  const y2 = clamp(Math.max(a.y, b.y))
  return { x: round(x1), y: round(y1), width: round(x2 - x1), height: round(y2 - y1) }
}

const pct = (v: number) => `${v * 100}%`

/**
 * The image with its regions drawn over it. Drag to draw a new region; it is
 * kept in fractions so it lines up at any size. (Keyboard users add a region
 * with the button and type its numbers in the editor.)
 */
export function RegionImage({
  src,
  alt,
  annotations,
  selectedId,
  onDraw,
  onSelect,
}: {
  src: string
  alt: string
  annotations: Annotation[]
  selectedId: string | null
  onDraw: (r: Region) => void
  onSelect: (id: string) => void
}) {
  const t = useT('evidence')
  const box = useRef<HTMLDivElement>(null)
  const [start, setStart] = useState<{ x: number; y: number } | null>(null)
  const [draft, setDraft] = useState<Region | null>(null)
  const [error, setError] = useState('')

  const at = (e: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect()
    return { x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height) }
  }

  return (
    <div className="ev-image">
      <div
        ref={box}
        className="ev-image__box"
        data-testid="region-canvas"
        onPointerDown={(e) => {
          if (e.button !== 0 || (e.target as HTMLElement).closest('.ev-region')) return
          e.currentTarget.setPointerCapture?.(e.pointerId)
          const p = at(e)
          setStart(p)
          setDraft({ x: p.x, y: p.y, width: 0, height: 0 })
        }}
        onPointerMove={(e) => start && setDraft(regionFrom(start, at(e)))}
        onPointerUp={(e) => {
          if (!start) return
          const r = regionFrom(start, at(e))
          setStart(null)
          setDraft(null)
          // A click is not a region: anything under 1% either way is ignored.
          if (r.width > 0.01 && r.height > 0.01) onDraw(r)
        }}
        onPointerCancel={() => {
          setStart(null)
          setDraft(null)
        }}
      >
        <img src={src} alt={alt} draggable={false} onError={() => setError(t('region.imageFailed'))} />
        {annotations.map((a, i) =>
          a.target.type === 'region' ? (
            <button
              key={a.id}
              type="button"
              className={`ev-region ${a.id === selectedId ? 'ev-region--selected' : ''}`}
              style={{
                left: pct(a.target.x),
                top: pct(a.target.y),
                width: pct(a.target.width),
                height: pct(a.target.height),
              }}
              aria-label={t('region.label', { n: i + 1, text: a.text || t('annotations.noText') })}
              onClick={() => onSelect(a.id)}
            >
              <span className="ev-region__n">{i + 1}</span>
            </button>
          ) : null,
        )}
        {draft && (
          <div
            className="ev-region ev-region--draft"
            style={{ left: pct(draft.x), top: pct(draft.y), width: pct(draft.width), height: pct(draft.height) }}
          />
        )}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <p className="muted small">{t('region.hint')}</p>
    </div>
  )
}
