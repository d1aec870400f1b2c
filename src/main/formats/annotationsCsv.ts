/** Every tier of an item's annotations in one CSV, for a spreadsheet or a script. */
import { csv } from './csv'
import { formatClock, type Cue } from './cues'

export function toAnnotationsCsv(cues: (Cue & { id?: string; tags?: string[] })[]): string {
  return csv([
    ['tier', 'start_seconds', 'end_seconds', 'start', 'end', 'text', 'tags', 'id'],
    ...cues.map((c) => [
      c.tier,
      c.start,
      c.end,
      formatClock(c.start, '.'),
      formatClock(c.end, '.'),
      c.text,
      (c.tags ?? []).join('; '),
      c.id ?? '',
    ]),
  ])
}
