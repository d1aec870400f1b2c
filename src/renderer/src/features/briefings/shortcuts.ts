import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/**
 * Mod-K opens the link dialog, and only that: the key press stops here, so the
 * window's global search (which listens for Ctrl/Cmd+K on window) and the menu's
 * accelerator never see it. preventDefault keeps Electron's menu from acting on it;
 * stopPropagation keeps it from reaching the shell's listener.
 */
export const LinkShortcut = Extension.create<{ onLink: () => void }>({
  name: 'linkShortcut',
  addOptions() {
    return { onLink: () => undefined }
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('linkShortcut'),
        props: {
          handleKeyDown: (_view, event) => {
            if (!isModK(event)) return false
            event.preventDefault()
            event.stopPropagation()
            this.options.onLink()
            return true
          },
        },
      }),
    ]
  },
})

export const isModK = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k'
