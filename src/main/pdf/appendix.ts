/** The statute appendix: the exact text of every excerpt the memo cites or the case links. */
import { citationLabel, fullCitation, type CitationAttrs, type StatuteExcerpt } from '@shared/domain'
import type { RenderContext } from './context'
import { COLORS, GEOM, SIZES } from './layout'
import { annexTitle } from './annexes'
import { single, wrap } from './text'

export function statuteAppendix(
  r: RenderContext,
  letter: string,
  excerpts: StatuteExcerpt[],
  cites: CitationAttrs[],
  tick: () => void,
) {
  const { flow, t } = r
  annexTitle(r, letter, t('statutesTitle'), t('statutesIntro'))
  excerpts.forEach((s, i) => {
    const label = `${letter}.${i + 1}  ${citationLabel(s)}${s.heading ? ` — ${s.heading}` : ''}`
    const titleLines = wrap(r.runs(label, 'bold', 10.5), GEOM.width)
    if (i > 0) flow.space(14)
    flow.ensure(titleLines.length * 15 + 13 + 3 * SIZES.bodyLeading)
    r.mark(2, label, false)
    flow.drawLines(titleLines, { x: GEOM.left, lineHeight: 15 })
    flow.drawLines(wrap(r.runs(fullCitation(s), 'italic', 8.5, { color: COLORS.muted }), GEOM.width), {
      x: GEOM.left,
      lineHeight: 12,
    })
    flow.y += 4

    for (const para of s.text.split(/\n+/)) {
      if (!para.trim()) continue
      // A numbered paragraph ("2. The authorities ...") hangs its number.
      const m = /^\s*(\(?\d+[.)]|\([a-z]\))\s+/.exec(para)
      const lines = wrap(r.runs(m ? para.slice(m[0].length) : para, 'regular', 9.5), GEOM.width - 22)
      const num = m ? r.run(m[1], 'regular', 9.5) : null
      flow.drawLines(lines, {
        x: GEOM.left + 22,
        lineHeight: 13.5,
        onLine: (li, y) => {
          if (li === 0 && num) flow.drawLine(single(num), GEOM.left + 2, y, 13.5)
        },
      })
      flow.y += 5
    }

    const pins = [
      ...new Set(
        cites
          .filter((c) => c.target === 'statute' && c.id === s.id)
          .map((c) => citationLabel({ ...s, paragraph: c.pinpoint || s.paragraph })),
      ),
    ]
    const meta = [
      s.source && t('source', { source: s.source }),
      s.jurisdiction && t('jurisdiction', { value: s.jurisdiction }),
      s.language && t('language', { value: s.language }),
      pins.length ? t('citedAs', { list: pins.join('; ') }) : t('linkedOnly'),
    ].filter(Boolean) as string[]
    flow.y += 2
    for (const line of meta) {
      flow.drawLines(wrap(r.runs(line, 'regular', 8, { color: COLORS.muted }), GEOM.width - 22), {
        x: GEOM.left + 22,
        lineHeight: SIZES.smallLeading,
      })
    }
    tick()
  })
}
