/**
 * What the command line prints comes partly from what people typed or what a
 * bundle carried: a title may hide a terminal escape (clearing the screen,
 * rewriting the line above) or a right-to-left override that makes
 * "Signed by: Ministry" read as something else. Such characters are printed
 * as visible \uXXXX escapes. The same form is a valid escape inside a JSON
 * string, so --json output stays valid and decodes to the stored text.
 */
// C0 controls but tab and newline, DEL and C1, the Arabic letter mark, LRM/RLM, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

export const printable = (line: string): string =>
  line.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
