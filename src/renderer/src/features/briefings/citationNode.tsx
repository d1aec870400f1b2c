/**
 * The inline atom node `citation` {target, id, evidenceId?, pinpoint}. The name
 * and attrs are the stored format the PDF exporter reads: keep them as they are.
 * The chip resolves its label from CitationSourcesContext, so renaming an
 * evidence item or re-grading its verification updates every chip at once.
 */
import { mergeAttributes, Node } from '@tiptap/core'
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react'
import { createContext, useContext } from 'react'
import type { CitationSources } from '@shared/domain/citationDisplay'
import type { CitationAttrs } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'
import { useDescribeCitation } from './citationText'

export const EMPTY_SOURCES: CitationSources = { evidence: [], annotations: [], events: [], statutes: [] }
export const CitationSourcesContext = createContext<CitationSources>(EMPTY_SOURCES)

export interface CitationOptions {
  /** Opens the citation picker (Mod-Shift-C). */
  onPick: () => void
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      insertCitation: (attrs: CitationAttrs) => ReturnType
    }
  }
}

/** Only what the stored format allows: no nulls, no stray keys. */
export function citationNodeAttrs(a: CitationAttrs): CitationAttrs {
  return {
    target: a.target,
    id: a.id,
    ...(a.evidenceId ? { evidenceId: a.evidenceId } : {}),
    pinpoint: a.pinpoint ?? '',
  }
}

export function CitationChip({ node, selected }: Pick<ReactNodeViewProps, 'node' | 'selected'>) {
  const sources = useContext(CitationSourcesContext)
  const t = useT('briefings')
  const te = useT('evidence')
  const attrs = node.attrs as CitationAttrs
  const d = useDescribeCitation()(attrs, sources)
  const tone = d.missing ? 'missing' : d.caveat ? 'caveat' : 'ok'
  const tooltip = [d.detail, d.caveat].filter(Boolean).join('\n')
  return (
    <NodeViewWrapper
      as="span"
      className={`citation-chip citation-chip--${attrs.target} citation-chip--${tone}${selected ? ' citation-chip--selected' : ''}`}
      data-citation=""
      data-target={attrs.target}
      data-id={attrs.id}
      title={tooltip}
      aria-label={
        d.caveat
          ? t('cite.ariaCaveat', { target: t(`cite.target.${attrs.target}`), label: d.label, caveat: d.caveat })
          : t('cite.aria', { target: t(`cite.target.${attrs.target}`), label: d.label })
      }
    >
      {d.caveat && (
        <span className="citation-chip__warn" aria-hidden="true">
          ⚠
        </span>
      )}
      <span className="citation-chip__label">{d.label}</span>
      {d.caveat && d.status && <span className="citation-chip__note">{te(`status.${d.status}`)}</span>}
    </NodeViewWrapper>
  )
}

export const Citation = Node.create<CitationOptions>({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { onPick: () => undefined }
  },

  addAttributes() {
    // `default: undefined` keeps an absent evidenceId out of the JSON (null would fail the stored schema).
    return {
      target: { default: 'evidence', parseHTML: (el) => el.getAttribute('data-target') },
      id: { default: '', parseHTML: (el) => el.getAttribute('data-id') },
      evidenceId: { default: undefined, parseHTML: (el) => el.getAttribute('data-evidence-id') ?? undefined },
      pinpoint: { default: '', parseHTML: (el) => el.getAttribute('data-pinpoint') ?? '' },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as CitationAttrs
    return [
      'span',
      mergeAttributes(
        { 'data-citation': '', 'data-target': a.target, 'data-id': a.id, 'data-pinpoint': a.pinpoint || undefined },
        a.evidenceId ? { 'data-evidence-id': a.evidenceId } : {},
        // Keep HTMLAttributes last but without the raw attrs TipTap would add as plain attributes.
        Object.fromEntries(Object.entries(HTMLAttributes).filter(([k]) => k.startsWith('data-') || k === 'class')),
      ),
      `[${a.target}${a.pinpoint ? ` ${a.pinpoint}` : ''}]`,
    ]
  },

  renderText({ node }) {
    return `[${node.attrs.target}]`
  },

  addNodeView() {
    return ReactNodeViewRenderer(CitationChip)
  },

  addCommands() {
    return {
      insertCitation:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: citationNodeAttrs(attrs) }),
    }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-c': () => {
        this.options.onPick()
        return true
      },
    }
  },
})
