/**
 * What the command line prints comes partly from what people typed or what a
 * bundle carried: a title may hide a terminal escape (clearing the screen,
 * rewriting the line above) or a right-to-left override that makes
 * "Signed by: Ministry" read as something else. Such characters are printed
 * as visible \uXXXX escapes. The same form is a valid escape inside a JSON
 * string, so --json output stays valid and decodes to the stored text.
 */
// C0 controls but tab and newline, DEL and C1, the Arabic letter mark, zero-width characters and LRM/RLM, the line and
// paragraph separators, the bidi embeddings, overrides and isolates, and the BOM.
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

export const printable = (line: string): string => line.replace(HIDDEN, escape)

/**
 * Every string in `value` kept to one line: a newline inside a name or title that a bundle carried
 * would otherwise print a line of its own ("Trust: known") under the real ones. For text output
 * only: --json prints the stored values themselves.
 */
export function inlineDeep<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[\t\n\r]/g, escape) as T
  if (Array.isArray(value)) return value.map(inlineDeep) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inlineDeep(v)])) as T
  return value
}
