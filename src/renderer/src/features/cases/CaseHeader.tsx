import type { ReactNode, RefObject } from 'react'
import type { CaseDetail } from '@shared/domain'
import { ClassificationBadge } from '@renderer/components/ClassificationBadge'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { useGlobalShortcut } from '@renderer/lib/shortcuts'
import { showToast } from '@renderer/lib/toasts'
import { useUndo, useUndoState, type UndoScope } from '@renderer/lib/undo'
import { statusKey } from './caseFormat'

interface Props {
  detail: CaseDetail
  readOnly: boolean
  headingRef: RefObject<HTMLHeadingElement | null>
  scope: UndoScope
  /** The tabs. */
  children: ReactNode
}

/**
 * The case's marks, title and tabs; undo and redo of edits within the case
 * (buttons, and Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y outside text fields); and, for
 * an archived case, a note saying so with the way back.
 */
export function CaseHeader({ detail, readOnly, headingRef, scope, children }: Props) {
  const t = useT()
  const c = detail.case
  const state = useUndoState(scope.history)
  const undo = useUndo()

  const step = async (which: 'undo' | 'redo') => {
    try {
      const label = await (which === 'undo' ? scope.history.undo() : scope.history.redo())
      if (label === null) return
      await scope.afterChange()
      showToast({ message: t(which === 'undo' ? 'undo.undone' : 'undo.redone', { label }) })
    } catch (e) {
      scope.onError(e)
    }
  }
  const can = (which: 'undo' | 'redo') => !readOnly && !state.busy && state[which] !== null
  useGlobalShortcut('mod+z', can('undo') ? () => void step('undo') : null)
  useGlobalShortcut('mod+shift+z', can('redo') ? () => void step('redo') : null)
  useGlobalShortcut('mod+y', can('redo') ? () => void step('redo') : null)

  const unarchive = async () => {
    const patch = { status: 'open' as const }
    try {
      await call('cases:update', { caseId: c.id, patch })
      undo.record({
        label: t('undo.unarchive'),
        undo: () => call('cases:update', { caseId: c.id, patch: { status: 'archived' } }),
        redo: () => call('cases:update', { caseId: c.id, patch }),
      })
      await scope.afterChange()
    } catch (e) {
      scope.onError(e)
    }
  }

  return (
    <header className="case-header">
      <div className="case-header__marks">
        <ClassificationBadge marking={c.classification} />
        {c.reference && <span className="case-header__ref">{c.reference}</span>}
        <span className={`status status--${c.status}`}>{t(statusKey(c.status))}</span>
        {!readOnly && (
          <span className="case-header__history" role="group" aria-label={t('undo.group')}>
            <button
              type="button"
              className="button--small"
              disabled={!can('undo')}
              aria-label={state.undo ? t('undo.undoNamed', { label: state.undo }) : t('undo.nothing')}
              title={state.undo ? t('undo.undoNamed', { label: state.undo }) : t('undo.nothing')}
              onClick={() => void step('undo')}
            >
              <span aria-hidden="true">↶ </span>
              {t('common.undo')}
            </button>
            <button
              type="button"
              className="button--small"
              disabled={!can('redo')}
              aria-label={state.redo ? t('undo.redoNamed', { label: state.redo }) : t('undo.nothingToRedo')}
              title={state.redo ? t('undo.redoNamed', { label: state.redo }) : t('undo.nothingToRedo')}
              onClick={() => void step('redo')}
            >
              <span aria-hidden="true">↷ </span>
              {t('common.redo')}
            </button>
          </span>
        )}
      </div>
      <h1 id="case-title" ref={headingRef} tabIndex={-1}>
        {c.title}
      </h1>
      {c.status === 'archived' && (
        <p className="case-header__archived" role="status">
          <span>{t('case.archivedNote')}</span>
          {!readOnly && (
            <button type="button" className="button--small" onClick={() => void unarchive()}>
              {t('cases.unarchive')}
            </button>
          )}
        </p>
      )}
      {children}
    </header>
  )
}
