import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useT } from '@renderer/lib/i18n'

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Extra class on the panel, e.g. "dialog--wide". */
  className?: string
  /**
   * False: a click on the backdrop never closes it (a form whose fields start filled in). Whatever this says,
   * once anything was typed or chosen in it a stray click outside no longer throws that away.
   */
  closeOnBackdrop?: boolean
  /** For a dialog of text only (nothing to tab to): its body takes focus, so a keyboard can scroll it. */
  readingOnly?: boolean
  /** False hides the × while the dialog cannot be left yet (the recovery key before it is stored). */
  closable?: boolean
}

/**
 * A modal: Escape and a click on the backdrop close it (the backdrop only until something was typed in
 * it), Tab stays inside, focus goes to the first field and returns to where it was on close.
 */
export function Dialog({
  title,
  onClose,
  children,
  className = '',
  closeOnBackdrop = true,
  readingOnly = false,
  closable = true,
}: DialogProps) {
  const t = useT()
  const panel = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose
  /** Something was typed or chosen inside: only Escape, × or the form's own Cancel close it now. */
  const edited = useRef(false)

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    const el = panel.current
    // The content's first field, not the header's close button (a search box should get the caret).
    const first =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector<HTMLElement>(`.dialog__body :is(${FOCUSABLE})`) ??
      el?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? el)?.focus()
    return () => before?.focus?.()
  }, [])

  // Focus can fall out of the panel (the button that was clicked is disabled or unmounted while work
  // runs, leaving it on the body): Escape must still close, and Tab must come back inside.
  useEffect(() => {
    const onDocumentKey = (e: KeyboardEvent) => {
      const active = document.activeElement
      if (active && active !== document.body) return
      if (e.key === 'Escape') {
        e.preventDefault()
        onCloseRef.current()
      } else if (e.key === 'Tab') {
        e.preventDefault()
        panel.current?.focus()
      }
    }
    document.addEventListener('keydown', onDocumentKey)
    return () => document.removeEventListener('keydown', onDocumentKey)
  }, [])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onCloseRef.current()
    } else if (e.key === 'Tab' && panel.current) {
      const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
      if (!items.length) return
      const first = items[0]
      const last = items[items.length - 1]
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault()
        last.focus()
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault()
        first.focus()
      }
    }
  }

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => closeOnBackdrop && !edited.current && e.target === e.currentTarget && onClose()}
    >
      <div
        ref={panel}
        onInput={() => (edited.current = true)}
        className={`dialog ${className}`.trim()}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog__header">
          <h2 id={titleId}>{title}</h2>
          {closable && (
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
              ×
            </button>
          )}
        </header>
        <div
          className="dialog__body"
          {...(readingOnly ? { tabIndex: 0, role: 'region', 'aria-labelledby': titleId } : {})}
        >
          {children}
        </div>
      </div>
    </div>
  )
}
