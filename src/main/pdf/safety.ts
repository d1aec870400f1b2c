/**
 * What keeps case text from becoming PDF structure. Body text is drawn as glyph
 * ids (hex), so it cannot inject operators; the places where text becomes a PDF
 * string (metadata, outline titles, link URIs) are handled here.
 */

/** Only http(s) and mailto links become link annotations; `javascript:`, `file:` and the rest stay plain text. */
export function safeHref(href: string): string | undefined {
  const h = href.trim()
  if (!/^(https?:\/\/|mailto:)/i.test(h)) return undefined
  try {
    const u = new URL(h)
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'mailto:') return undefined
    // URL serialisation leaves plain ASCII (punycode, percent-encoding); linkUri writes it as hex.
    return u.href.length <= 2000 ? u.href : undefined
  } catch {
    return undefined
  }
}

interface AnnotatingDoc {
  ref(data: Record<string, unknown>): { end(): void }
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown
}

/** A URI link annotation whose URI is a hex string (pdfkit's link() writes it literally). */
export function linkUri(doc: object, x: number, y: number, w: number, h: number, href: string) {
  const d = doc as AnnotatingDoc
  const bytes = Uint8Array.from(href, (c) => c.charCodeAt(0) & 0x7f)
  const action = d.ref({ S: 'URI', URI: bytes })
  action.end()
  d.annotate(x, y, w, h, { Subtype: 'Link', A: action })
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const BIDI_AND_CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u0000-\u001F\u007F-\u009F]/g

/**
 * A text string for the document catalogue (Info, outline). Plain printable
 * ASCII without "/" or "\\" is written as a literal string (pdfkit escapes the
 * parentheses): it cannot spell a PDF name. Anything else becomes UTF-16BE
 * with BOM written as a hex string, so no byte of it reads as PDF syntax
 * (a title like ") /JS (app.alert(1))" stays data). Hex for everything would
 * make a long memo's outline twice the size.
 */
export function pdfText(s: string, max = 500): Uint8Array | string {
  const text = s.replace(BIDI_AND_CONTROLS, ' ').replace(/\s+/g, ' ').trim().slice(0, max)
  if (/^[\x20-\x7e]*$/.test(text) && !/[/\\]/.test(text)) return text
  const out = new Uint8Array(2 + text.length * 2)
  out[0] = 0xfe
  out[1] = 0xff
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[2 + i * 2] = c >> 8
    out[3 + i * 2] = c & 0xff
  }
  return out
}
