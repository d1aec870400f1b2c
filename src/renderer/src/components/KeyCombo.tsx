import type { T } from '@renderer/lib/i18n'

/** Keys with a name in the catalogue ("Mayús", "Espacio"); any other key is shown as printed on it. */
const NAMED = ['alt', 'ctrl', 'shift', 'space', 'enter', 'escape', 'home', 'end'] as const
type Named = (typeof NAMED)[number]
const isNamed = (k: string): k is Named => (NAMED as readonly string[]).includes(k)

/** A key combination, one key per element: named keys ('ctrl', 'shift'…) or the key's own sign ('K', '←'). */
export type Combo = readonly string[]

/**
 * A key combination as the keyboard shows it. Named keys come from the
 * catalogue; a letter or sign is what is printed on the key and is marked
 * translate="no", as it reads the same in every language.
 */
export function KeyCombo({ combo, t }: { combo: Combo; t: T }) {
  return (
    <span className="shortcut-keys">
      {combo.map((k, i) =>
        isNamed(k) ? (
          <kbd key={i}>{t(`keys.${k}`)}</kbd>
        ) : (
          <kbd key={i} translate="no">
            {k}
          </kbd>
        ),
      )}
    </span>
  )
}
