/** CSV as RFC 4180 says (CRLF rows, quotes doubled), safe to open in a spreadsheet. */

/** One cell: quoted when needed; a leading =, +, -, @ (a formula to a spreadsheet) is defused with a quote. */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csv = (rows: unknown[][]): string => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
