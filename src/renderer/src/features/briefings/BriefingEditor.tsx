import { EditorContent, useEditor, type JSONContent } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import type { Briefing, CaseDetail, CitationAttrs, MemoHeader, RichText } from '@shared/domain'
import { describeCitation } from '@shared/domain/citationDisplay'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { call, request } from '@renderer/lib/api'
import { CitationSourcesContext } from './citationNode'
import { CitationPicker } from './CitationPicker'
import { ExportDialog } from './ExportDialog'
import { briefingExtensions } from './extensions'
import { HeaderForm } from './HeaderForm'
import { LinkDialog } from './LinkDialog'
import { Toolbar } from './Toolbar'
import { useCitationSources } from './useCitationSources'
import { messageOf } from '@shared/ipc/result'

interface Props {
  caseId: string
  briefingId: string
  detail: CaseDetail
  readOnly?: boolean
  onBack: () => void
}

/** Loads the briefing, then hands it to the editor, whose TipTap instance starts from that body. */
export function BriefingEditor(props: Props) {
  const [briefing, setBriefing] = useState<Briefing | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    let live = true
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
        <p>The briefing could not be opened: {error}</p>
        <button type="button" onClick={props.onBack}>
          Back to the briefings
        </button>
      </div>
    )
  if (!briefing) return <p className="muted loading">Opening the briefing…</p>
  return <LoadedEditor key={briefing.id} {...props} initial={briefing} />
}

interface Draft {
  title: string
  header: MemoHeader
  body: RichText
  status: Briefing['status']
}

function LoadedEditor({ caseId, briefingId, detail, readOnly, onBack, initial }: Props & { initial: Briefing }) {
  const [briefing, setBriefing] = useState(initial)
  const [title, setTitle] = useState(initial.title)
  const [header, setHeader] = useState(initial.header)
  const [status, setStatus] = useState(initial.status)
  const [dialog, setDialog] = useState<'cite' | 'link' | 'export' | null>(null)
  const draft = useRef<Draft>({
    title: initial.title,
    header: initial.header,
    body: initial.body,
    status: initial.status,
  })
  const citations = useCitationSources(caseId, detail)

  // The form owns the text; a failed save leaves it untouched and the next edit (or Retry) sends it again.
  const autosave = useAutosave((d: Draft) => request('briefings:update', { caseId, briefingId, patch: d }), {
    delay: 700,
  })
  const autosaveRef = useRef(autosave)
  autosaveRef.current = autosave
  const queueSave = () => autosaveRef.current.change({ ...draft.current })

  const openDialog = useRef((d: 'cite' | 'link') => setDialog(d))
  // Built once: TipTap reads extensions only when the editor is created.
  const [extensions] = useState(() =>
    briefingExtensions({ onPick: () => openDialog.current('cite'), onLink: () => openDialog.current('link') }),
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
        'aria-label': 'Briefing text',
        'aria-multiline': 'true',
        role: 'textbox',
      },
    },
    onUpdate: ({ editor: e, transaction }) => {
      if (!transaction.docChanged) return
      draft.current.body = e.getJSON() as RichText
      queueSave()
    },
  })

  useEffect(() => {
    // Without emitUpdate=false TipTap reports this as an edit, and merely opening a briefing would save it.
    if (editor && editor.isEditable === !!readOnly) editor.setEditable(!readOnly, false)
  }, [editor, readOnly])

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

  const insertCitation = (attrs: CitationAttrs) => {
    editor?.chain().focus().insertCitation(attrs).insertContent(' ').run()
  }

  const applyLink = (href: string | null) => {
    setDialog(null)
    if (!editor) return
    const c = editor.chain().focus().extendMarkRange('link')
    if (href) c.setLink({ href }).run()
    else c.unsetLink().run()
  }

  const withCaveat = cited
    .map((a) => ({ a, d: describeCitation(a, citations.sources) }))
    .filter((x) => x.d.caveat || x.d.missing)

  return (
    <CitationSourcesContext.Provider value={citations.sources}>
      <div className="briefing-editor">
        <div className="briefing-editor__bar">
          <button type="button" className="button--ghost" onClick={() => void autosave.flush().finally(onBack)}>
            ← Briefings
          </button>
          <span className="briefing-editor__spacer" />
          <SaveStatus state={autosave.state} />
          {autosave.state.status === 'error' && (
            <button type="button" className="button--small" onClick={() => (queueSave(), void autosave.flush())}>
              Retry
            </button>
          )}
          <div className="segmented briefing-editor__status" role="group" aria-label="Status">
            {(['draft', 'final'] as const).map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={status === s}
                disabled={readOnly}
                className={`segmented__option ${status === s ? 'segmented__option--on' : ''}`}
                onClick={() => {
                  setStatus(s)
                  setField({ status: s })
                  void autosave.flush()
                }}
              >
                {s === 'draft' ? 'Draft' : 'Final'}
              </button>
            ))}
          </div>
          <button type="button" className="button--primary" onClick={() => setDialog('export')}>
            Export PDF…
          </button>
        </div>
        <textarea
          className="briefing-editor__title"
          aria-label="Briefing title"
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
          disabled={readOnly}
          onChange={(h) => {
            setHeader(h)
            setField({ header: h })
          }}
          onBlur={() => void autosave.flush()}
        />

        {editor && (
          <Toolbar
            editor={editor}
            disabled={readOnly}
            onLink={() => setDialog('link')}
            onCite={() => setDialog('cite')}
          />
        )}
        <div className="memo-paper">
          <EditorContent editor={editor} />
        </div>
        {citations.problem && <p className="hint">{citations.problem}</p>}

        {withCaveat.length > 0 && (
          <aside className="citation-caveats" aria-label="Citation caveats">
            <h3>Caveats the memo will carry</h3>
            <ul>
              {withCaveat.map(({ a, d }, i) => (
                <li key={`${a.target}:${a.id}:${i}`} className={d.missing ? 'citation-caveats__missing' : ''}>
                  <span className="citation-caveats__label">{d.label}</span> — {d.missing ? d.detail : d.caveat}
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>

      {dialog === 'cite' && (
        <CitationPicker
          sources={citations.sources}
          linkedStatuteIds={citations.linkedStatuteIds}
          onInsert={insertCitation}
          onClose={() => {
            setDialog(null)
            editor?.commands.focus()
          }}
        />
      )}
      {dialog === 'link' && editor && (
        <LinkDialog
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onApply={applyLink}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog
          caseId={caseId}
          briefing={briefing}
          beforeExport={() => autosave.flush()}
          onExported={async () => setBriefing(await call('briefings:get', { caseId, briefingId }))}
          onClose={() => setDialog(null)}
        />
      )}
    </CitationSourcesContext.Provider>
  )
}
