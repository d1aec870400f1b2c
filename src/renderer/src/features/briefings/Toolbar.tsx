import { useEditorState, type Editor } from '@tiptap/react'
import { useRef, useState } from 'react'
import { useT } from '@renderer/lib/i18n'

interface Props {
  editor: Editor
  onLink: () => void
  onCite: () => void
  onRedact: () => void
  disabled?: boolean
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = isMac ? '⌘' : 'Ctrl+'
const ALT = isMac ? '⌥' : 'Alt+'
const SHIFT = isMac ? '⇧' : 'Shift+'

interface Tool {
  /** Class suffix and key; stable across languages. */
  id: string
  name: string
  label: string
  keys: string
  active?: boolean
  off?: boolean
  run: () => void
}

/**
 * One tab stop (WAI-ARIA toolbar): arrows move between buttons, Home/End jump.
 * Every button's title names its shortcut, which also works in the text.
 */
export function Toolbar({ editor, onLink, onCite, onRedact, disabled }: Props) {
  const t = useT('briefings')
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      redaction: e.isActive('redaction'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
  const [focus, setFocus] = useState(0)
  const bar = useRef<HTMLDivElement>(null)
  const chain = () => editor.chain().focus()

  const groups: Tool[][] = [
    [
      {
        id: 'bold',
        name: t('toolbar.bold'),
        label: t('toolbar.boldGlyph'),
        keys: `${MOD}B`,
        active: state.bold,
        run: () => chain().toggleBold().run(),
      },
      {
        id: 'italic',
        name: t('toolbar.italic'),
        label: t('toolbar.italicGlyph'),
        keys: `${MOD}I`,
        active: state.italic,
        run: () => chain().toggleItalic().run(),
      },
    ],
    [
      {
        id: 'heading',
        name: t('toolbar.heading'),
        label: 'H2',
        keys: `${MOD}${ALT}2`,
        active: state.h2,
        run: () => chain().toggleHeading({ level: 2 }).run(),
      },
      {
        id: 'subheading',
        name: t('toolbar.subheading'),
        label: 'H3',
        keys: `${MOD}${ALT}3`,
        active: state.h3,
        run: () => chain().toggleHeading({ level: 3 }).run(),
      },
      {
        id: 'bulleted-list',
        name: t('toolbar.bulletList'),
        label: t('toolbar.bulletListLabel'),
        keys: `${MOD}${SHIFT}8`,
        active: state.bullet,
        run: () => chain().toggleBulletList().run(),
      },
      {
        id: 'numbered-list',
        name: t('toolbar.orderedList'),
        label: t('toolbar.orderedListLabel'),
        keys: `${MOD}${SHIFT}7`,
        active: state.ordered,
        run: () => chain().toggleOrderedList().run(),
      },
      {
        id: 'block-quote',
        name: t('toolbar.quote'),
        label: t('toolbar.quoteLabel'),
        keys: `${MOD}${SHIFT}B`,
        active: state.quote,
        run: () => chain().toggleBlockquote().run(),
      },
    ],
    [
      {
        id: 'link',
        name: t('toolbar.link'),
        label: t('toolbar.linkLabel'),
        keys: `${MOD}K`,
        active: state.link,
        run: onLink,
      },
      {
        id: 'insert-citation',
        name: t('toolbar.cite'),
        label: t('toolbar.citeLabel'),
        keys: `${MOD}${SHIFT}C`,
        run: onCite,
      },
      {
        id: 'redact',
        name: state.redaction ? t('toolbar.redactEdit') : t('toolbar.redact'),
        label: t('toolbar.redactLabel'),
        keys: `${MOD}${SHIFT}X`,
        active: state.redaction,
        run: onRedact,
      },
    ],
    [
      {
        id: 'undo',
        name: t('toolbar.undo'),
        label: '↶',
        keys: `${MOD}Z`,
        off: !state.canUndo,
        run: () => chain().undo().run(),
      },
      {
        id: 'redo',
        name: t('toolbar.redo'),
        label: '↷',
        keys: isMac ? '⌘⇧Z' : 'Ctrl+Y',
        off: !state.canRedo,
        run: () => chain().redo().run(),
      },
    ],
  ]
  const flat = groups.flat()

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowRight: focus + 1, ArrowLeft: focus - 1, Home: 0, End: flat.length - 1 }
    if (!(e.key in keys)) return
    e.preventDefault()
    const next = (keys[e.key] + flat.length) % flat.length
    setFocus(next)
    bar.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus()
  }

  let index = -1
  return (
    <div
      ref={bar}
      className="editor-toolbar"
      role="toolbar"
      aria-label={t('toolbar.label')}
      aria-controls="briefing-body"
      onKeyDown={onKeyDown}
    >
      {groups.map((g, gi) => (
        <div className="editor-toolbar__group" key={gi}>
          {g.map((tool) => {
            index += 1
            const i = index
            return (
              <button
                key={tool.id}
                type="button"
                className={`editor-toolbar__button editor-toolbar__button--${tool.id}`}
                tabIndex={i === focus ? 0 : -1}
                aria-pressed={tool.active !== undefined ? !!tool.active : undefined}
                aria-label={tool.name}
                aria-keyshortcuts={tool.keys}
                title={`${tool.name} (${tool.keys})`}
                disabled={disabled || tool.off}
                onMouseDown={(e) => e.preventDefault()}
                onFocus={() => setFocus(i)}
                onClick={tool.run}
              >
                {tool.label}
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}
