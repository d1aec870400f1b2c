/**
 * Starter documents for new briefings. Bracketed text is a placeholder the
 * author replaces; the structure is what a ministry reader expects to find.
 */
import type { BRIEFING_TEMPLATES, Case, MemoHeader, RichText } from '@shared/domain'

export type TemplateName = (typeof BRIEFING_TEMPLATES)[number]

type Block = Record<string, unknown>
const text = (t: string) => ({ type: 'text', text: t })
const h = (t: string): Block => ({ type: 'heading', attrs: { level: 2 }, content: [text(t)] })
const p = (t = ''): Block => (t ? { type: 'paragraph', content: [text(t)] } : { type: 'paragraph' })
const list = (type: 'bulletList' | 'orderedList', items: string[]): Block => ({
  type,
  ...(type === 'orderedList' ? { attrs: { start: 1 } } : {}),
  content: items.map((i) => ({ type: 'listItem', content: [p(i)] })),
})

/** "30 November 2026": a memo date reads as words, and the ISO form is in the file's timestamps. */
export function memoDate(d: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
}

export const DEFAULT_TITLES: Record<TemplateName, string> = {
  'briefing memo': 'Briefing memo',
  'note of protest': 'Note of protest',
  'analytical note': 'Analytical note',
  blank: 'Untitled briefing',
}

export function templateHeader(template: TemplateName, c: Case, today: Date, author: string): MemoHeader {
  return {
    to: template === 'note of protest' ? '[Embassy of …]' : '',
    from: template === 'note of protest' ? 'Ministry of Foreign Affairs' : author,
    date: memoDate(today),
    subject: c.title,
    reference: c.reference,
    classification: c.classification,
  }
}

export function templateBody(template: TemplateName, c: Case): RichText {
  switch (template) {
    case 'briefing memo':
      return {
        type: 'doc',
        content: [
          h('Summary'),
          p(
            c.summary
              ? c.summary
                  .split(/(?<=\.)\s+/)
                  .slice(0, 2)
                  .join(' ')
              : '[Two or three sentences: what happened and why it matters.]',
          ),
          h('Background'),
          p('[The facts in order, each with its citation.]'),
          h('Legal position'),
          p('[The applicable provisions, cited at pinpoint, and how they apply.]'),
          h('Assessment'),
          p('[What we know, how well it is verified, and what remains open.]'),
          h('Recommendations'),
          list('orderedList', ['[First recommendation.]', '[Second recommendation.]']),
        ],
      }
    case 'note of protest':
      // The third-person formula of a note verbale: compliments, reference, facts, law, protest, requests, courtesy close.
      return {
        type: 'doc',
        content: [
          p(
            'The Ministry of Foreign Affairs presents its compliments to the Embassy of [State] and has the honour to refer to [the incident of DATE at PLACE].',
          ),
          h('Facts'),
          p('[According to the information available to the Ministry, on DATE …]'),
          h('Applicable law'),
          p(
            'The Ministry wishes to recall that, under [instrument, article], [the obligation the receiving State owes] [cite the excerpt].',
          ),
          h('Protest and requests'),
          p(
            'The Ministry therefore lodges its formal protest at [the conduct] and requests that the Government of [State]:',
          ),
          list('orderedList', [
            'provide a full explanation of the facts;',
            'take the measures necessary to prevent any repetition;',
            'give assurances that [the premises / the persons concerned] will be fully respected.',
          ]),
          p(
            'The Ministry of Foreign Affairs avails itself of this opportunity to renew to the Embassy of [State] the assurances of its highest consideration.',
          ),
          p('[City], [date]'),
        ],
      }
    case 'analytical note':
      return {
        type: 'doc',
        content: [
          h('Key judgements'),
          list('bulletList', ['[Judgement, with its confidence level.]', '[Judgement, with its confidence level.]']),
          h('Background'),
          p('[What happened, with citations.]'),
          h('Analysis'),
          p('[Reading of the facts and the law; alternatives considered.]'),
          h('Sources and their reliability'),
          p('[Which items are verified, which are not, and what that changes.]'),
          h('Outlook'),
          p('[Likely developments and indicators to watch.]'),
          h('Information gaps'),
          list('bulletList', ['[What we still need to know.]']),
        ],
      }
    case 'blank':
      return { type: 'doc', content: [p()] }
  }
}
