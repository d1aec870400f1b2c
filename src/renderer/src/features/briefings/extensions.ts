import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Citation } from './citationNode'
import { isWebUrl } from '@renderer/lib/url'
import { LinkShortcut } from './shortcuts'

/** The editor's schema: what the PDF exporter knows how to lay out, nothing more. */
export function briefingExtensions(handlers: { onPick: () => void; onLink: () => void }): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      // Appending an empty paragraph on open would count as an edit and re-save every briefing merely viewed.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // Only web links; file:, javascript: and the app's own schemes never become links.
        isAllowedUri: (url) => isWebUrl(url),
        shouldAutoLink: (url) => isWebUrl(/^[a-z]+:/i.test(url) ? url : `https://${url}`),
      },
    }),
    Citation.configure({ onPick: handlers.onPick }),
    LinkShortcut.configure({ onLink: handlers.onLink }),
  ]
}
