/**
 * The text mark `redaction` {reason}: a passage the author keeps in the memo but
 * that a release copy leaves out (main's release rules read the mark by this name
 * and attribute, so keep both). In the editor it shows as blacked-out, struck
 * text with its reason on hover; Mod-Shift-X asks for a reason, or takes it away.
 */
import { Mark, mergeAttributes } from '@tiptap/core'

export interface RedactionOptions {
  /** Opens the reason dialog (toolbar button and Mod-Shift-X). */
  onRedact: () => void
  /** The hover text for a reason, in the window's language: "Redacted — personal data". */
  describe: (reason: string) => string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    redaction: {
      /** Marks the selection (or, inside a redaction, the whole redacted passage) with this reason. */
      setRedaction: (reason: string) => ReturnType
      /** Takes the redaction away from the passage at the cursor or the selection. */
      unsetRedaction: () => ReturnType
    }
  }
}

export const Redaction = Mark.create<RedactionOptions>({
  name: 'redaction',
  // Typing at either end of a redacted passage is not redacted unless asked.
  inclusive: false,

  addOptions() {
    return { onRedact: () => undefined, describe: (reason) => reason }
  },

  addAttributes() {
    return {
      reason: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-reason') ?? '',
        // Rendered below with the other attributes.
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-redaction]' }]
  },

  renderHTML({ mark, HTMLAttributes }) {
    const reason = String(mark.attrs.reason ?? '')
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        'data-redaction': '',
        'data-reason': reason,
        class: 'redaction',
        title: this.options.describe(reason),
      }),
      0,
    ]
  },

  addCommands() {
    return {
      setRedaction:
        (reason) =>
        ({ chain, editor }) =>
          editor.isActive(this.name)
            ? chain().extendMarkRange(this.name).setMark(this.name, { reason }).run()
            : chain().setMark(this.name, { reason }).run(),
      unsetRedaction:
        () =>
        ({ chain }) =>
          chain().extendMarkRange(this.name).unsetMark(this.name).run(),
    }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-x': () => {
        this.options.onRedact()
        return true
      },
    }
  },
})
