import { EditorContent, useEditor, type JSONContent } from '@tiptap/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  Briefing,
  BriefingStatus,
  CaseDetail,
  CitationAttrs,
  Language,
  MemoHeader,
  RichText,
} from '@shared/domain'
import { useAutosave } from '@renderer/components/useAutosave'
import { ApiError, call, request } from '@renderer/lib/api'
import { i18n, useT } from '@renderer/lib/i18n'
import { useStickyArea } from '@renderer/lib/stickyArea'
import { messageOf } from '@shared/ipc/result'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { CaveatList } from './CaveatList'
import { CitationSourcesContext } from './citationNode'
import { CitationPicker } from './CitationPicker'
import { useDescribeCitation } from './citationText'
import { ClearancePanel } from './ClearancePanel'
import { EditorBar } from './EditorBar'
import { ExportDialog } from './ExportDialog'
import { briefingExtensions } from './extensions'
import { findText } from './findText'
import { HeaderForm } from './HeaderForm'
import { LinkDialog } from './LinkDialog'
import { RedactDialog } from './RedactDialog'
import { Toolbar } from './Toolbar'
import { useCitationSources } from './useCitationSources'

interface Props {
  caseId: string
  briefingId: string
  detail: CaseDetail
  readOnly?: boolean
  onBack: () => void
  /** Opens another briefing of the case (a version back from clearance, or the one it was sent as). */
  onOpen: (briefingId: string) => void
  /** Re-reads the case (its list of briefings) after a new version was made. */
  reload: () => Promise<void>
}

/** Loads the briefing, then hands it to the editor, whose TipTap instance starts from that body. */
export function BriefingEditor(props: Props) {
  const t = useT('briefings')
  const [briefing, setBriefing] = useState<Briefing | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    let live = true
    setBriefing(null)
    call('briefings:get', { caseId: props.caseId, briefingId: props.briefingId }).then(
      (b) => live && setBriefing(b),
      (e) => live && setError(messageOf(e)),
    )
    return () => {
      live = false
    }
  }, [props.caseId, props.briefingId])

  if (error)
    return (
      <div role="alert" className="empty-state">
        <p>{t('editor.openFailed', { message: error })}</p>
        <button type="button" onClick={props.onBack}>
          {t('editor.backToList')}
        </button>
      </div>
    )
  if (!briefing) return <p className="muted loading">{t('editor.opening')}</p>
  return <LoadedEditor key={briefing.id} {...props} initial={briefing} />
}

interface Draft {
  title: string
  header: MemoHeader
  body: RichText
  status: BriefingStatus
  language: Language
}

type DialogName = 'cite' | 'link' | 'export' | 'redact'

function LoadedEditor({
  caseId,
  briefingId,
  detail,
  readOnly,
  onBack,
  onOpen,
  reload,
  initial,
}: Props & { initial: Briefing }) {
  const t = useT('briefings')
  const [briefing, setBriefing] = useState(initial)
  const [title, setTitle] = useState(initial.title)
  const [header, setHeader] = useState(initial.header)
  const [status, setStatus] = useState(initial.status)
  const [language, setLanguage] = useState(initial.language)
  const [dialog, setDialog] = useState<DialogName | null>(null)
  const [redacting, setRedacting] = useState<{ current: string | null; selection: string } | null>(null)
  const [importError, setImportError] = useState('')
  const draft = useRef<Draft>({ ...initial })
  const citations = useCitationSources(caseId, detail)
  const describe = useDescribeCitation()
  const root = useRef<HTMLDivElement>(null)
  useStickyArea(root)

  // The form owns the text; a failed save leaves it untouched and the next edit (or Retry) sends it again.
  // The memo number is main's (fixed at the first final export): the window never sends it back.
  const autosave = useAutosave(
    ({ title: ti, header: { number: _number, ...h }, body, status: s, language: l }: Draft) =>
      request('briefings:update', {
        caseId,
        briefingId,
        patch: { title: ti, header: h, body, status: s, language: l },
      }),
    { delay: 700 },
  )
  const autosaveRef = useRef(autosave)
  autosaveRef.current = autosave
  const queueSave = () => autosaveRef.current.change({ ...draft.current })

  const openDialog = useRef<(d: DialogName) => void>(() => undefined)
  // Built once: TipTap reads extensions only when the editor is created.
  const [extensions] = useState(() =>
    briefingExtensions({
      onPick: () => openDialog.current('cite'),
      onLink: () => openDialog.current('link'),
      onRedact: () => openDialog.current('redact'),
      describeRedaction: (reason) =>
        reason ? i18n.t('briefings:redact.hover', { reason }) : i18n.t('briefings:redact.hoverNoReason'),
    }),
  )
  const editor = useEditor({
    extensions,
    content: initial.body as JSONContent,
    editable: !readOnly,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: 'briefing-body',
        class: 'memo-body',
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        lang: initial.language,
      },
    },
    onUpdate: ({ editor: e, transaction }) => {
      if (!transaction.docChanged) return
      draft.current.body = e.getJSON() as RichText
      queueSave()
    },
  })

  openDialog.current = (d) => {
    if (readOnly && d !== 'export') return
    if (d === 'redact' && editor) {
      const { from, to } = editor.state.selection
      setRedacting({
        current: editor.isActive('redaction') ? String(editor.getAttributes('redaction').reason ?? '') : null,
        selection: editor.state.doc.textBetween(from, to, ' ', ' '),
      })
    }
    setDialog(d)
  }

  useEffect(() => {
    // Without emitUpdate=false TipTap reports this as an edit, and merely opening a briefing would save it.
    if (editor && editor.isEditable === !!readOnly) editor.setEditable(!readOnly, false)
  }, [editor, readOnly])

  // Opening a briefing puts the caret in its text (not on the page body), so typing starts at once.
  useEffect(() => {
    if (editor) editor.commands.focus('start', { scrollIntoView: false })
  }, [editor])

  // Own subscription rather than useEditorState: it must also run once for the body the editor starts with.
  const [cited, setCited] = useState<CitationAttrs[]>([])
  useEffect(() => {
    if (!editor) return
    const collect = () => {
      const out: CitationAttrs[] = []
      editor.state.doc.descendants((n) => {
        if (n.type.name === 'citation') out.push(n.attrs as CitationAttrs)
      })
      setCited((prev) => (JSON.stringify(prev) === JSON.stringify(out) ? prev : out))
    }
    collect()
    editor.on('update', collect)
    return () => {
      editor.off('update', collect)
    }
  }, [editor])

  const setField = (patch: Partial<Draft>) => {
    Object.assign(draft.current, patch)
    queueSave()
  }

  const changeStatus = (s: BriefingStatus) => {
    setStatus(s)
    setField({ status: s })
    void autosave.flush()
  }

  const closeDialog = () => {
    setDialog(null)
    setRedacting(null)
    editor?.commands.focus()
  }

  const applyLink = (href: string | null) => {
    setDialog(null)
    if (!editor) return
    const c = editor.chain().focus().extendMarkRange('link')
    if (href) c.setLink({ href }).run()
    else c.unsetLink().run()
  }

  const importClearance = async () => {
    setImportError('')
    try {
      await autosave.flush()
      const version = await call('briefings:importClearance', { caseId })
      await reload()
      onOpen(version.id)
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CANCELLED')) setImportError(messageOf(e))
    }
  }

  const showInText = (anchor: string) => {
    if (!editor) return false
    const at = findText(editor.state.doc, anchor)
    if (!at) return false
    editor.chain().focus().setTextSelection(at).scrollIntoView().run()
    return true
  }

  const currentBody = useCallback(() => (editor?.getJSON() as RichText | undefined) ?? draft.current.body, [editor])

  const withCaveat = cited
    .map((a) => ({ a, d: describe(a, citations.sources) }))
    .filter((x) => x.d.caveat || x.d.missing)

  return (
    <CitationSourcesContext.Provider value={citations.sources}>
      <div className="briefing-editor" ref={root}>
        <EditorBar
          save={autosave.state}
          status={status}
          readOnly={readOnly}
          onBack={() => void autosave.flush().finally(onBack)}
          onRetry={() => (queueSave(), void autosave.flush())}
          onStatus={changeStatus}
          onImportClearance={() => void importClearance()}
          onExport={() => openDialog.current('export')}
        />
        <ErrorAlert>{importError}</ErrorAlert>
        <textarea
          className="briefing-editor__title"
          aria-label={t('editor.title')}
          rows={1}
          value={title}
          disabled={readOnly}
          onChange={(e) => {
            // A title is one line: pasted line breaks become spaces.
            const v = e.target.value.replace(/\s*\n\s*/g, ' ')
            setTitle(v)
            setField({ title: v })
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              editor?.commands.focus('start')
            }
          }}
          onBlur={() => void autosave.flush()}
        />

        <HeaderForm
          header={header}
          language={language}
          disabled={readOnly}
          onChange={(h) => {
            setHeader(h)
            setField({ header: h })
          }}
          onLanguage={(l) => {
            setLanguage(l)
            setField({ language: l })
            void autosave.flush()
          }}
          onBlur={() => void autosave.flush()}
        />

        <div className={`briefing-editor__work ${briefing.clearance ? 'briefing-editor__work--clearance' : ''}`}>
          <div className="briefing-editor__text">
            {editor && (
              <Toolbar
                editor={editor}
                disabled={readOnly}
                onLink={() => openDialog.current('link')}
                onCite={() => openDialog.current('cite')}
                onRedact={() => openDialog.current('redact')}
              />
            )}
            <div className="memo-paper">
              <EditorContent editor={editor} />
            </div>
            {citations.problem && <p className="hint">{citations.problem}</p>}
            <CaveatList items={withCaveat} />
          </div>
          {briefing.clearance && (
            <ClearancePanel
              clearance={briefing.clearance}
              briefings={detail.briefings}
              onOpenSent={(id) => void autosave.flush().finally(() => onOpen(id))}
              onFind={showInText}
            />
          )}
        </div>
      </div>

      {dialog === 'cite' && (
        <CitationPicker
          sources={citations.sources}
          linkedStatuteIds={citations.linkedStatuteIds}
          onInsert={(attrs) => editor?.chain().focus().insertCitation(attrs).insertContent(' ').run()}
          onClose={closeDialog}
        />
      )}
      {dialog === 'link' && editor && (
        <LinkDialog
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onApply={applyLink}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'redact' && redacting && editor && (
        <RedactDialog
          current={redacting.current}
          selection={redacting.selection}
          presets={redactionPresets(language)}
          onApply={(reason) => {
            editor.chain().focus().setRedaction(reason).run()
            closeDialog()
          }}
          onRemove={() => {
            editor.chain().focus().unsetRedaction().run()
            closeDialog()
          }}
          onClose={closeDialog}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog
          caseId={caseId}
          briefing={briefing}
          status={status}
          body={currentBody}
          detail={detail}
          beforeExport={() => autosave.flush()}
          onExported={async () => {
            const b = await call('briefings:get', { caseId, briefingId })
            setBriefing(b)
            // A first final export gives the memo its number: show it.
            draft.current.header = { ...draft.current.header, number: b.header.number }
            setHeader((h) => ({ ...h, number: b.header.number }))
          }}
          onSetFinal={readOnly ? undefined : () => changeStatus('final')}
          onClose={() => setDialog(null)}
        />
      )}
    </CitationSourcesContext.Provider>
  )
}

const PRESETS = ['personal', 'sources', 'investigation', 'thirdParty', 'security'] as const

/** The usual reasons in the memo's language: the reason is printed in the release copy's bar. */
function redactionPresets(language: Language): string[] {
  const t = i18n.getFixedT(language, 'briefings')
  return PRESETS.map((p) => t(`redact.preset.${p}`))
}
