/**
 * The benchmark's baseline document: the same memo content as HTML, for
 * Chromium's page.pdf() (what Electron's webContents.printToPDF does). Same
 * fonts (DejaVu Sans), page size, header block, sections, exhibit list,
 * timeline and statute appendix. Differences Chromium forces: footnotes become
 * notes after each section (CSS has no page footnotes in Chromium), the
 * contents has no page numbers, and the banner and "Page N of M" come from
 * page.pdf()'s header and footer templates.
 */
import { citationLabel, formatEventTime, fullCitation, verificationCaveat, type CitationAttrs } from '@shared/domain'
import type { MemoInput } from '@main/pdf/index'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

interface PmNode {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  marks?: { type: string }[]
  content?: PmNode[]
}

export function memoHtml(input: MemoInput): { html: string; header: string; footer: string } {
  const { briefing, detail } = input
  const h = briefing.header
  const exhibitNo = new Map(detail.evidence.map((e, i) => [e.id, i + 1]))
  let noteNo = 0
  let sectionNotes: string[] = []
  const note = (c: CitationAttrs): string => {
    if (c.target === 'evidence') {
      const e = detail.evidence.find((x) => x.id === c.id)!
      const cav = verificationCaveat(e.verification.status)
      return `Exhibit ${exhibitNo.get(e.id)}: ${e.title} (${e.kind}), ${e.sourceUrl}; ${e.verification.status}.${cav ? ` ${cav}` : ''}`
    }
    if (c.target === 'statute') {
      const s = input.statutes.find((x) => x.id === c.id)!
      return `${fullCitation({ ...s, paragraph: c.pinpoint || s.paragraph })} (${s.heading}). Full text in Annex C.`
    }
    const ev = detail.events.find((x) => x.id === c.id)!
    return `${formatEventTime(ev)}: ${ev.title} See the timeline (Annex B).`
  }
  const inline = (nodes: PmNode[] = []): string =>
    nodes
      .map((n) => {
        if (n.type === 'citation') {
          sectionNotes.push(note(n.attrs as unknown as CitationAttrs))
          return `<sup>${++noteNo}</sup>`
        }
        let t = esc(n.text ?? '')
        for (const m of n.marks ?? []) t = m.type === 'bold' ? `<b>${t}</b>` : m.type === 'italic' ? `<i>${t}</i>` : t
        return t
      })
      .join('')
  const flushNotes = () => {
    if (!sectionNotes.length) return ''
    const start = noteNo - sectionNotes.length + 1
    const out = `<ol class="notes" start="${start}">${sectionNotes.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>`
    sectionNotes = []
    return out
  }
  const levels = [
    ...new Set(
      (briefing.body.content as PmNode[]).filter((n) => n.type === 'heading').map((n) => Number(n.attrs?.level)),
    ),
  ].sort()
  const counters: number[] = []
  const toc: string[] = []
  const block = (n: PmNode): string => {
    switch (n.type) {
      case 'heading': {
        const depth = levels.indexOf(Number(n.attrs?.level)) + 1
        counters.length = depth
        counters[depth - 1] = (counters[depth - 1] ?? 0) + 1
        const num = depth === 1 ? `${counters[0]}.` : counters.join('.')
        const title = inline(n.content)
        toc.push(`<li class="d${depth}">${num} ${title}</li>`)
        return `${depth === 1 ? flushNotes() : ''}<h${depth + 1}>${num} ${title}</h${depth + 1}>`
      }
      case 'paragraph':
        return `<p>${inline(n.content)}</p>`
      case 'bulletList':
        return `<ul>${(n.content ?? []).map((li) => `<li>${(li.content ?? []).map(block).join('')}</li>`).join('')}</ul>`
      case 'blockquote':
        return `<blockquote>${(n.content ?? []).map(block).join('')}</blockquote>`
      default:
        return ''
    }
  }
  const body = (briefing.body.content as PmNode[]).map(block).join('') + flushNotes()
  const exhibits = detail.evidence
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td><b>${esc(e.title)}</b><br><small>${esc(e.sourceUrl)}</small></td><td>${e.kind}</td><td><b>${e.verification.status}</b></td></tr>` +
        `<tr><td></td><td colspan="3"><small>SHA-256 </small><code>${e.file?.sha256 ?? 'none'}</code></td></tr>`,
    )
    .join('')
  const timeline = detail.events
    .map(
      (ev) =>
        `<tr><td>${esc(formatEventTime(ev))}</td><td>${ev.precision}</td><td><b>${esc(ev.title)}</b><br><i>${esc(ev.location)}</i><br>${esc(ev.description)}<br><small>Exhibit ${ev.evidenceIds.map((id) => exhibitNo.get(id)).join(', ')}</small></td></tr>`,
    )
    .join('')
  const appendix = input.statutes
    .map(
      (s, i) =>
        `<h3>C.${i + 1} ${esc(citationLabel(s))} — ${esc(s.heading)}</h3><p class="muted"><i>${esc(fullCitation(s))}</i></p>${s.text
          .split('\n')
          .map((p) => `<p>${esc(p)}</p>`)
          .join('')}<p class="muted">Source: ${esc(s.source)}</p>`,
    )
    .join('')

  const css = `
    @page { size: A4; margin: 64pt 62pt 72pt 62pt }
    body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 14.5pt; color: #111 }
    h1 { font-size: 17pt; border-bottom: 1.6pt solid #111; padding-bottom: 4pt }
    h2 { font-size: 12pt; margin: 16pt 0 6pt; break-after: avoid }
    h3 { font-size: 10.5pt; margin: 11pt 0 4pt; break-after: avoid }
    table.hdr td { padding: 2pt 10pt 2pt 0; vertical-align: top } table.hdr td:first-child { font-weight: bold; color: #555; font-size: 9pt; width: 60pt }
    ol.toc { list-style: none; padding: 0; font-size: 9pt } ol.toc .d1 { font-weight: bold } ol.toc .d2 { padding-left: 16pt }
    ol.notes { font-size: 7.5pt; line-height: 9.5pt; border-top: 0.5pt solid #999; padding-top: 4pt }
    blockquote { border-left: 1.6pt solid #b8b8b8; margin-left: 4pt; padding-left: 12pt; color: #333 }
    table.grid { width: 100%; border-collapse: collapse; font-size: 7.6pt; line-height: 9.6pt }
    table.grid thead td { background: #3a3a3a; color: #fff; font-weight: bold }
    table.grid td { padding: 3.5pt 4pt; vertical-align: top; border-bottom: 0.3pt solid #c8c8c8 }
    table.grid tr { break-inside: avoid } code { font-family: 'DejaVu Sans Mono'; font-size: 7pt }
    .annex { break-before: page } .muted { color: #555; font-size: 8pt }`
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>
    <h1>MEMORANDUM</h1>
    <table class="hdr"><tr><td>TO:</td><td>${esc(h.to)}</td></tr><tr><td>FROM:</td><td>${esc(h.from)}</td></tr>
    <tr><td>DATE:</td><td>${esc(h.date)}</td></tr><tr><td>SUBJECT:</td><td><b>${esc(h.subject)}</b></td></tr><tr><td>REF:</td><td>${esc(h.reference)}</td></tr></table>
    <hr><h3>Contents</h3><ol class="toc">TOC_PLACEHOLDER<li class="d1">Annex A — List of exhibits</li><li class="d1">Annex B — Timeline of events</li><li class="d1">Annex C — Statute excerpts</li></ol><hr>
    ${body}
    <section class="annex"><h2>Annex A — List of exhibits</h2><table class="grid"><thead><tr><td>No.</td><td>Exhibit and source</td><td>Kind</td><td>Verification</td></tr></thead><tbody>${exhibits}</tbody></table></section>
    <section class="annex"><h2>Annex B — Timeline of events</h2><table class="grid"><thead><tr><td>Date and time (local)</td><td>Precision</td><td>Event</td></tr></thead><tbody>${timeline}</tbody></table></section>
    <section class="annex"><h2>Annex C — Statute excerpts</h2>${appendix}</section>
    </body></html>`.replace('TOC_PLACEHOLDER', toc.filter((t) => !t.includes('class="d3"')).join(''))
  const banner = `<div style="width:100%;text-align:center;font:bold 9px 'DejaVu Sans';color:#7a0000">${esc(h.classification)}</div>`
  const footer = `<div style="width:100%;font:7.5px 'DejaVu Sans';padding:0 62pt;color:#555"><div style="display:flex;justify-content:space-between"><span>${esc(h.reference)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>${banner}</div>`
  return { html, header: banner, footer }
}
