import { EditorContent, useEditor, useEditorState, type JSONContent } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import type { RichText } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'

/** TipTap with StarterKit and a small toolbar; hands back ProseMirror JSON, which is what we store. */
export function RichTextEditor({
  value,
  onChange,
  label,
}: {
  value: RichText
  onChange: (doc: RichText) => void
  label: string
}) {
  const t = useT('evidence')
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: false } })],
    content: value.content.length ? (value as JSONContent) : '',
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'rte__content' },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as RichText),
  })
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
    }),
  })
  if (!editor) return null
  const chain = () => editor.chain().focus()
  const tool = (name: keyof NonNullable<typeof active>, text: string, title: string, run: () => void) => (
    <button type="button" aria-pressed={active?.[name] ?? false} title={title} aria-label={title} onClick={run}>
      {text}
    </button>
  )
  return (
    <div className="rte">
      <div className="rte__toolbar" role="toolbar" aria-label={t('rte.toolbar', { label })}>
        {tool('bold', t('rte.boldGlyph'), t('rte.bold'), () => chain().toggleBold().run())}
        {tool('italic', t('rte.italicGlyph'), t('rte.italic'), () => chain().toggleItalic().run())}
        {tool('h2', t('rte.headingGlyph'), t('rte.heading'), () => chain().toggleHeading({ level: 2 }).run())}
        {tool('bullet', '•', t('rte.bulletList'), () => chain().toggleBulletList().run())}
        {tool('ordered', '1.', t('rte.orderedList'), () => chain().toggleOrderedList().run())}
        {tool('quote', '❝', t('rte.quote'), () => chain().toggleBlockquote().run())}
      </div>
      <EditorContent editor={editor} />
    </div>
  )
}
