/**
 * The fingerprint's tool, recorded in English by main (keyframesTool), worded
 * again in either language from what it recorded; any other tool as it is.
 */
import { describe, expect, it } from 'vitest'
import { keyframesOf, keyframesTool } from '@shared/domain'
import type { Language } from '@shared/domain/language'
import { say } from '@shared/i18n'
import { toolText, type ExaminationT } from '@shared/i18n/examinationWords'

const words =
  (lang: Language): ExaminationT =>
  (key, values) =>
    say(lang, `examination:${key}`, values as Record<string, string>)
const num = (lang: Language) => (n: number) => n.toLocaleString(lang)

describe('a fingerprint tool in words', () => {
  it('reads back what keyframesTool recorded', () => {
    expect(keyframesTool('ffmpeg 6.1.1', 0.95)).toBe('ffmpeg 6.1.1 (keyframes, at most one a second)')
    expect(keyframesTool('ffmpeg 6.1.1', 2.5)).toBe('ffmpeg 6.1.1 (keyframes, one every 2.5 s or more)')
    expect(keyframesOf(keyframesTool('ffmpeg 6.1.1 (Debian)', 0.95))).toEqual({ label: 'ffmpeg 6.1.1 (Debian)' })
    expect(keyframesOf(keyframesTool('ffmpeg 7', 12.34))).toEqual({ label: 'ffmpeg 7', every: 12.3 })
    for (const other of ['sharp 0.35.5', 'ffmpeg 5.1.9 (keyframes)', '', 'x (keyframes, one every s or more)'])
      expect(keyframesOf(other)).toBeNull()
  })

  it.each([
    ['en', 0.95, 'ffmpeg 6.1.1 (keyframes, at most one a second)'],
    ['en', 2.5, 'ffmpeg 6.1.1 (keyframes, one every 2.5 s or more)'],
    ['es', 0.95, 'ffmpeg 6.1.1 (fotogramas clave, como mucho uno por segundo)'],
    ['es', 2.5, 'ffmpeg 6.1.1 (fotogramas clave, uno cada 2,5 s o más)'],
  ] as const)('in %s, one every %s s', (lang, gap, expected) => {
    expect(toolText(words(lang), keyframesTool('ffmpeg 6.1.1', gap), num(lang))).toBe(expected)
  })

  it('leaves any other tool as it is', () => {
    expect(toolText(words('es'), 'sharp 0.35.5', num('es'))).toBe('sharp 0.35.5')
  })
})
