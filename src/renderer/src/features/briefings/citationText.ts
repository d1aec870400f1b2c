/**
 * describeCitation (shared/domain) in the window's language: the chip's label,
 * its tooltip and the verification caveat. The structure (what is cited, whether
 * it is missing, its status) is the shared function's; only the words are ours.
 */
import { useCallback } from 'react'
import { formatEventTime, formatTarget, type CitationAttrs, type Language } from '@shared/domain'
import { describeCitation, type CitationDisplay, type CitationSources } from '@shared/domain/citationDisplay'
import { useLanguage, useT, type T } from '@renderer/lib/i18n'

type Attrs = Pick<CitationAttrs, 'target' | 'id' | 'pinpoint' | 'evidenceId'>

export function localizeCitation(
  attrs: Attrs,
  src: CitationSources,
  t: T<'briefings'>,
  te: T<'evidence'>,
  lang: Language,
): CitationDisplay {
  const d = describeCitation(attrs, src)
  if (d.missing) {
    const what = t(`cite.missing.${attrs.target}`)
    return { ...d, label: what, detail: t('cite.missingDetail', { id: attrs.id }) }
  }
  const caveat = d.status && d.caveat ? te(`caveat.${d.status}`) : null
  const pin = attrs.pinpoint ? `, ${attrs.pinpoint}` : ''
  switch (attrs.target) {
    case 'evidence': {
      const item = src.evidence.find((e) => e.id === attrs.id)!
      return { ...d, caveat, detail: `${te(`kind.${item.kind}`)}: ${item.title}` }
    }
    case 'annotation': {
      const a = src.annotations.find((x) => x.id === attrs.id)!
      const item = src.evidence.find((e) => e.id === (a.evidenceId ?? attrs.evidenceId))!
      const at = formatTarget(a.target, lang)
      return {
        ...d,
        caveat,
        label: `${d.label.slice(0, d.label.lastIndexOf(' @ '))} @ ${at}`,
        detail: a.text
          ? t('cite.annotationDetailText', { title: item.title, at, text: a.text })
          : t('cite.annotationDetail', { title: item.title, at }),
      }
    }
    case 'event': {
      const e = src.events.find((x) => x.id === attrs.id)!
      return { ...d, caveat, label: `${formatEventTime(e, lang)}${pin}` }
    }
    case 'statute':
      return { ...d, caveat }
  }
}

/** `describe(attrs, sources)` in the window's language. */
export function useDescribeCitation() {
  const t = useT('briefings')
  const te = useT('evidence')
  const lang = useLanguage()
  return useCallback((attrs: Attrs, src: CitationSources) => localizeCitation(attrs, src, t, te, lang), [t, te, lang])
}
