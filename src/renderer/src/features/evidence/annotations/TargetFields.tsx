import { useEffect, useId, useState } from 'react'
import { formatTimecode, type AnnotationTarget } from '@shared/domain'
import { parseTimecode, roundTime } from './model'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { i18n, useT } from '@renderer/lib/i18n'

/**
 * The annotation's anchor, edited in place. Changes are committed on blur or
 * Enter (not per keystroke) because a half-typed time code is not a position.
 */
export function TargetFields({
  target,
  onCommit,
}: {
  target: AnnotationTarget
  onCommit: (t: AnnotationTarget) => void
}) {
  const t = useT('evidence')
  const id = useId()
  const [error, setError] = useState('')
  const key = JSON.stringify(target)
  const [text, setText] = useState<Record<string, string>>(() => textOf(target))
  useEffect(() => setText(textOf(target)), [key])

  const commit = () => {
    const t = parse(target.type, text)
    if (typeof t === 'string') return setError(t)
    setError('')
    if (JSON.stringify(t) !== key) onCommit(t)
  }
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field ev-target__field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        value={text[name] ?? ''}
        onChange={(e) => setText({ ...text, [name]: e.target.value })}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())}
        {...props}
      />
    </div>
  )

  return (
    <div className="ev-target">
      {target.type === 'time' && (
        <>
          {field('start', t('annotation.start'), { className: 'mono', inputMode: 'decimal' })}
          {field('end', t('annotation.end'), { className: 'mono', inputMode: 'decimal' })}
        </>
      )}
      {target.type === 'page' && (
        <>
          {field('page', t('annotation.page'), { type: 'number', min: 1 })}
          <div className="field ev-target__quote">
            <label htmlFor={`${id}-quote`}>{t('annotation.quote')}</label>
            <textarea
              id={`${id}-quote`}
              rows={2}
              value={text.quote ?? ''}
              onChange={(e) => setText({ ...text, quote: e.target.value })}
              onBlur={commit}
            />
          </div>
        </>
      )}
      {target.type === 'region' && (
        <>
          {field('x', t('annotation.left'), { type: 'number', min: 0, max: 100 })}
          {field('y', t('annotation.top'), { type: 'number', min: 0, max: 100 })}
          {field('width', t('annotation.width'), { type: 'number', min: 0, max: 100 })}
          {field('height', t('annotation.height'), { type: 'number', min: 0, max: 100 })}
        </>
      )}
      <ErrorAlert>{error}</ErrorAlert>
    </div>
  )
}

const pct = (v: number) => String(Math.round(v * 1000) / 10)

function textOf(t: AnnotationTarget): Record<string, string> {
  switch (t.type) {
    case 'time':
      return { start: formatTimecode(t.start), end: formatTimecode(t.end) }
    case 'page':
      return { page: String(t.page), quote: t.quote }
    case 'region':
      return { x: pct(t.x), y: pct(t.y), width: pct(t.width), height: pct(t.height) }
  }
}

function parse(type: AnnotationTarget['type'], text: Record<string, string>): AnnotationTarget | string {
  if (type === 'time') {
    const start = parseTimecode(text.start ?? '')
    const end = parseTimecode(text.end ?? '')
    if (start === null || end === null) return i18n.t('evidence:annotation.timeInvalid')
    if (end < start) return i18n.t('evidence:annotation.endBeforeStart')
    return { type, start: roundTime(start), end: roundTime(end) }
  }
  if (type === 'page') {
    const page = Number(text.page)
    if (!Number.isInteger(page) || page < 1) return i18n.t('evidence:annotation.pageInvalid')
    return { type, page, quote: text.quote ?? '' }
  }
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(text[k]) / 100)
  if ([x, y, width, height].some((v) => !Number.isFinite(v) || v < 0 || v > 1))
    return i18n.t('evidence:annotation.regionRange')
  if (x + width > 1.0001 || y + height > 1.0001) return i18n.t('evidence:annotation.regionOutside')
  return { type, x, y, width, height }
}
