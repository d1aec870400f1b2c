import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Citation } from './citationNode'
import { isWebUrl } from '@shared/domain/webUrl'
import { Redaction } from './redaction'
import { LinkShortcut } from './shortcuts'

/** The editor's schema: what the PDF and Word exporters know how to lay out, nothing more. */
export function briefingExtensions(handlers: {
  onPick: () => void
  onLink: () => void
  onRedact: () => void
  describeRedaction: (reason: string) => string
}): Extensions {
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
    Redaction.configure({ onRedact: handlers.onRedact, describe: handlers.describeRedaction }),
    LinkShortcut.configure({ onLink: handlers.onLink }),
  ]
}
