import { Extension } from '@tiptap/core'

/** Mod-K opens the link dialog; the callback lives in the editor's React component. */
export const LinkShortcut = Extension.create<{ onLink: () => void }>({
  name: 'linkShortcut',
  addOptions() {
    return { onLink: () => undefined }
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLink()
        return true
      },
    }
  },
})
