import { useEditorState, type Editor } from '@tiptap/react'
import { useRef, useState } from 'react'

interface Props {
  editor: Editor
  onLink: () => void
  onCite: () => void
  disabled?: boolean
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = isMac ? '⌘' : 'Ctrl+'
const ALT = isMac ? '⌥' : 'Alt+'
const SHIFT = isMac ? '⇧' : 'Shift+'

interface Tool {
  name: string
  label: string
  keys: string
  active?: boolean
  run: () => void
}

/**
 * One tab stop (WAI-ARIA toolbar): arrows move between buttons, Home/End jump.
 * Every button's title names its shortcut, which also works in the text.
 */
export function Toolbar({ editor, onLink, onCite, disabled }: Props) {
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
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
  const [focus, setFocus] = useState(0)
  const bar = useRef<HTMLDivElement>(null)
  const chain = () => editor.chain().focus()

  const groups: Tool[][] = [
    [
      { name: 'bold', label: 'B', keys: `${MOD}B`, active: state.bold, run: () => chain().toggleBold().run() },
      { name: 'italic', label: 'I', keys: `${MOD}I`, active: state.italic, run: () => chain().toggleItalic().run() },
    ],
    [
      {
        name: 'Heading',
        label: 'H2',
        keys: `${MOD}${ALT}2`,
        active: state.h2,
        run: () => chain().toggleHeading({ level: 2 }).run(),
      },
      {
        name: 'Subheading',
        label: 'H3',
        keys: `${MOD}${ALT}3`,
        active: state.h3,
        run: () => chain().toggleHeading({ level: 3 }).run(),
      },
      {
        name: 'Bulleted list',
        label: '• List',
        keys: `${MOD}${SHIFT}8`,
        active: state.bullet,
        run: () => chain().toggleBulletList().run(),
      },
      {
        name: 'Numbered list',
        label: '1. List',
        keys: `${MOD}${SHIFT}7`,
        active: state.ordered,
        run: () => chain().toggleOrderedList().run(),
      },
      {
        name: 'Block quote',
        label: '❝ Quote',
        keys: `${MOD}${SHIFT}B`,
        active: state.quote,
        run: () => chain().toggleBlockquote().run(),
      },
    ],
    [
      { name: 'Link', label: 'Link', keys: `${MOD}K`, active: state.link, run: onLink },
      { name: 'Insert citation', label: '§ Cite', keys: `${MOD}${SHIFT}C`, run: onCite },
    ],
    [
      { name: 'Undo', label: '↶', keys: `${MOD}Z`, run: () => chain().undo().run() },
      { name: 'Redo', label: '↷', keys: isMac ? '⌘⇧Z' : 'Ctrl+Y', run: () => chain().redo().run() },
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
      aria-label="Formatting"
      aria-controls="briefing-body"
      onKeyDown={onKeyDown}
    >
      {groups.map((g, gi) => (
        <div className="editor-toolbar__group" key={gi}>
          {g.map((t) => {
            index += 1
            const i = index
            const isToggle = t.active !== undefined
            const off = disabled || (t.name === 'Undo' && !state.canUndo) || (t.name === 'Redo' && !state.canRedo)
            return (
              <button
                key={t.name}
                type="button"
                className={`editor-toolbar__button editor-toolbar__button--${t.name.toLowerCase().replace(/\s+/g, '-')}`}
                tabIndex={i === focus ? 0 : -1}
                aria-pressed={isToggle ? !!t.active : undefined}
                aria-label={t.name[0].toUpperCase() + t.name.slice(1)}
                aria-keyshortcuts={t.keys.replace(/\+/g, '+')}
                title={`${t.name[0].toUpperCase() + t.name.slice(1)} (${t.keys})`}
                disabled={off}
                onMouseDown={(e) => e.preventDefault()}
                onFocus={() => setFocus(i)}
                onClick={t.run}
              >
                {t.label}
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}
