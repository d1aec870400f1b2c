import { useEffect, useMemo, useState } from 'react'
import type { Issue } from '@shared/domain'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { Dialog } from '@renderer/components/Dialog'
import { linkNamesOf } from '@renderer/features/links/hrefs'
import { call } from '@renderer/lib/api'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { useT } from '@renderer/lib/i18n'
import { useUndo } from '@renderer/lib/undo'
import { IssueCard } from './IssueCard'
import { fieldsOf, IssueForm, type IssueFields } from './IssueForm'
import './issues.css'

type Editing = { mode: 'add' } | { mode: 'edit'; issue: Issue } | null

/**
 * The legal questions the case turns on (CaseMap's issues), each with its
 * status and the facts, exhibits and excerpts that bear on it. Every change
 * can be undone; a removed issue comes back with its id and links.
 */
export function IssuesTab({ caseId, detail, reload, readOnly, itemId }: CaseTabProps) {
  const t = useT()
  const undo = useUndo()
  const [editing, setEditing] = useState<Editing>(null)
  const [removing, setRemoving] = useState<Issue | null>(null)
  const names = useMemo(() => linkNamesOf(detail), [detail])
  const issues = detail.issues

  // Arriving from a link (#/case/<id>/issues/<issueId>): bring that issue into view.
  useEffect(() => {
    if (itemId) document.getElementById(`issue-${itemId}`)?.scrollIntoView({ block: 'center' })
  }, [itemId])

  const save = async (fields: IssueFields) => {
    if (editing?.mode === 'edit') {
      const before = editing.issue
      await call('issues:update', { caseId, issueId: before.id, patch: fields })
      undo.record({
        label: t('issues.undoEdit', { question: before.question }),
        undo: () =>
          call('issues:update', { caseId, issueId: before.id, patch: fieldsOf(before), dropMissingLinks: true }),
        redo: () => call('issues:update', { caseId, issueId: before.id, patch: fields, dropMissingLinks: true }),
      })
    } else {
      const added = await call('issues:add', { caseId, issue: fields })
      undo.record({
        label: t('issues.undoAdd', { question: added.question }),
        undo: () => call('issues:remove', { caseId, issueId: added.id }),
        redo: () => call('issues:restore', { caseId, issue: added }),
      })
    }
    await reload()
    setEditing(null)
  }

  const remove = async (issue: Issue) => {
    await call('issues:remove', { caseId, issueId: issue.id })
    undo.record(
      {
        label: t('issues.undoRemove', { question: issue.question }),
        undo: () => call('issues:restore', { caseId, issue }),
        redo: () => call('issues:remove', { caseId, issueId: issue.id }),
      },
      { toast: t('issues.removed', { question: issue.question }) },
    )
    await reload()
  }

  return (
    <div className="issues">
      <div className="toolbar">
        <p className="muted">{t('issues.count', { count: issues.length })}</p>
        {!readOnly && (
          <div className="toolbar__controls">
            <button type="button" className="button--primary" onClick={() => setEditing({ mode: 'add' })}>
              {t('issues.add')}
            </button>
          </div>
        )}
      </div>
      {issues.length === 0 ? (
        <p className="empty-state">{t('issues.empty')}</p>
      ) : (
        <ul className="issue-list" aria-label={t('tabs.issues')}>
          {issues.map((i) => (
            <IssueCard
              key={i.id}
              caseId={caseId}
              issue={i}
              names={names}
              target={i.id === itemId}
              readOnly={readOnly}
              onEdit={() => setEditing({ mode: 'edit', issue: i })}
              onRemove={() => setRemoving(i)}
            />
          ))}
        </ul>
      )}
      {editing && (
        <Dialog
          title={editing.mode === 'add' ? t('issues.addTitle') : t('issues.editTitle')}
          className="dialog--wide"
          closeOnBackdrop={false}
          onClose={() => setEditing(null)}
        >
          <IssueForm
            issue={editing.mode === 'edit' ? editing.issue : undefined}
            detail={detail}
            onCancel={() => setEditing(null)}
            onSave={save}
          />
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog
          title={t('issues.removeTitle')}
          message={t('issues.removeMessage', { question: removing.question })}
          confirmLabel={t('common.remove')}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        />
      )}
    </div>
  )
}
