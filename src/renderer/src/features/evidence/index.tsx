import { useCallback, useEffect, useRef, useState } from 'react'
import type { EvidenceItem } from '@shared/domain'
import type { BlobCheck, VerifyReport } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { useT } from '@renderer/lib/i18n'
import { navigate, useHashRoute } from '@renderer/lib/router'
import { useStickyArea } from '@renderer/lib/stickyArea'
import { ItemEditor } from './editor/ItemEditor'
import './styles/evidence.css'
import './styles/editor.css'
import './styles/media.css'
import './styles/notes.css'
import './styles/tiers.css'
import { TaskStatus } from './importing/TaskStatus'
import { UrlReferenceDialog } from './importing/UrlReferenceDialog'
import { useEvidenceTasks } from './importing/useImport'
import { VerifyResult } from './importing/VerifyResult'
import { EvidenceList } from './list/EvidenceList'
import { NotesPanel } from './notes/NotesPanel'
import { CustodyReportDialog } from './reports/CustodyReportDialog'

type View = 'items' | 'notes'

/** The case's evidence (list, item editor, import, integrity check, custody report) and its notes. */
export function EvidenceTab({ caseId, detail, reload, links }: CaseTabProps) {
  const t = useT('evidence')
  const route = useHashRoute()
  const routeItem = route.name === 'case' ? route.itemId : undefined
  const [view, setView] = useState<View>('items')
  const [dialog, setDialog] = useState<'url' | 'report' | null>(null)
  const [report, setReport] = useState<VerifyReport | null>(null)
  const [dragging, setDragging] = useState(false)
  // Hiding the list gives the player and its annotations the whole width.
  const [listHidden, setListHidden] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useStickyArea(root)
  const items = detail.evidence
  const selectedId = routeItem && items.some((i) => i.id === routeItem) ? routeItem : (items[0]?.id ?? null)
  const selected = items.find((i) => i.id === selectedId) ?? null

  // The item id lives in the URL so a reload (or a link from a briefing) lands on it.
  const select = useCallback(
    (id: string | null) => navigate({ name: 'case', caseId, tab: 'evidence', ...(id ? { itemId: id } : {}) }),
    [caseId],
  )

  const onImported = useCallback(
    async (added: EvidenceItem[]) => {
      await reload()
      if (added.length) select(added[added.length - 1].id)
    },
    [reload, select],
  )
  const tasks = useEvidenceTasks(caseId, onImported)

  const runVerify = async () => {
    const r = await tasks.verify()
    if (r) {
      setReport(r)
      await reload()
    }
  }

  const checks: Record<string, BlobCheck> = {}
  for (const c of report?.items ?? []) if (c.caseId === caseId) checks[c.evidenceId] = c

  // A drop anywhere on the tab imports; only file drags light it up (not text or links).
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files')
  useEffect(() => {
    const end = () => setDragging(false)
    window.addEventListener('dragend', end)
    return () => window.removeEventListener('dragend', end)
  }, [])

  return (
    <div
      ref={root}
      className={`ev-tab ${dragging ? 'ev-tab--drop' : ''}`}
      onDragOver={(e) => {
        if (!hasFiles(e) || view !== 'items') return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false)
      }}
      onDrop={(e) => {
        if (!hasFiles(e) || view !== 'items') return
        e.preventDefault()
        setDragging(false)
        const files = Array.from(e.dataTransfer.files)
        if (files.length) void tasks.importFiles(files)
      }}
    >
      <div className="ev-toolbar" role="toolbar" aria-label={t('tab.actions')}>
        <div className="ev-views" role="tablist" aria-label={t('tab.views')}>
          {(['items', 'notes'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={`ev-views__tab ${view === v ? 'ev-views__tab--active' : ''}`}
              onClick={() => setView(v)}
            >
              {v === 'items' ? t('tab.items', { count: items.length }) : t('tab.notes', { count: detail.notes.length })}
            </button>
          ))}
        </div>
        {view === 'items' && (
          <div className="ev-toolbar__actions">
            <button type="button" aria-pressed={listHidden} onClick={() => setListHidden((h) => !h)}>
              {listHidden ? t('tab.showList') : t('tab.hideList')}
            </button>
            <button
              type="button"
              className="button--primary"
              disabled={!!tasks.task}
              onClick={() => void tasks.pickAndImport()}
            >
              {t('tab.import')}
            </button>
            <button type="button" disabled={!!tasks.task} onClick={() => setDialog('url')}>
              {t('tab.addUrl')}
            </button>
            <button type="button" disabled={!!tasks.task} onClick={() => void runVerify()}>
              {t('tab.verify')}
            </button>
            <button type="button" disabled={!!tasks.task || !items.length} onClick={() => setDialog('report')}>
              {t('tab.custodyReport')}
            </button>
          </div>
        )}
      </div>
      <TaskStatus
        task={tasks.task}
        error={tasks.error}
        notice={tasks.notice}
        onCancel={() => void tasks.cancel()}
        onDismiss={() => {
          tasks.setError('')
          tasks.setNotice('')
        }}
      />
      {report && view === 'items' && <VerifyResult report={report} onSelect={select} onClose={() => setReport(null)} />}

      {view === 'notes' ? (
        <NotesPanel caseId={caseId} onChanged={() => void reload()} />
      ) : (
        <div className={`ev-layout ${listHidden ? 'ev-layout--wide' : ''}`}>
          {!listHidden && <EvidenceList items={items} selectedId={selectedId} checks={checks} onSelect={select} />}
          <div className="ev-layout__main">
            {selected ? (
              <ItemEditor
                key={selected.id}
                caseId={caseId}
                item={selected}
                detail={detail}
                links={links?.evidence[selected.id]}
                onSaved={() => void reload()}
                onRemoved={() => {
                  select(null)
                  void reload()
                }}
              />
            ) : (
              <div className="ev-empty">
                <p>{t('tab.emptyTitle')}</p>
                <p className="muted">{t('tab.emptyHint')}</p>
              </div>
            )}
          </div>
        </div>
      )}
      {dragging && (
        <div className="ev-dropzone" aria-hidden="true">
          {t('tab.drop')}
        </div>
      )}
      {dialog === 'url' && (
        <UrlReferenceDialog
          caseId={caseId}
          onClose={() => setDialog(null)}
          onAdded={(item) => void onImported([item])}
        />
      )}
      {dialog === 'report' && <CustodyReportDialog caseId={caseId} onClose={() => setDialog(null)} />}
    </div>
  )
}
