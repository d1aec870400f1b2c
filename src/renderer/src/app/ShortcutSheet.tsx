import { Dialog } from '@renderer/components/Dialog'
import { useT, type T } from '@renderer/lib/i18n'
import type { MessageKey } from '@shared/i18n'

type Key = MessageKey<'ui'>
interface Group {
  title: Key
  items: [keys: Key, what: Key][]
}

/** Every shortcut of the window, by where it works. Keep in step with the handlers (lib/shortcuts users). */
export const SHORTCUT_GROUPS: Group[] = [
  {
    title: 'shortcuts.everywhere',
    items: [
      ['keys.modK', 'shortcuts.search'],
      ['keys.modN', 'shortcuts.newCase'],
      ['keys.modComma', 'shortcuts.settings'],
      ['keys.modB', 'shortcuts.sidebar'],
      ['keys.question', 'shortcuts.sheet'],
      ['keys.escape', 'shortcuts.closeDialog'],
    ],
  },
  {
    title: 'shortcuts.inCase',
    items: [
      ['keys.modZ', 'shortcuts.undo'],
      ['keys.modShiftZ', 'shortcuts.redo'],
      ['keys.upDown', 'shortcuts.timelineRows'],
      ['keys.homeEnd', 'shortcuts.timelineEnds'],
    ],
  },
  {
    title: 'shortcuts.inSearch',
    items: [
      ['keys.upDown', 'shortcuts.searchMove'],
      ['keys.enter', 'shortcuts.searchOpen'],
      ['keys.escape', 'shortcuts.searchClear'],
    ],
  },
  {
    title: 'shortcuts.inEditor',
    items: [
      ['keys.modK', 'shortcuts.editorLink'],
      ['keys.modShiftC', 'shortcuts.editorCite'],
      ['keys.modB', 'shortcuts.editorBold'],
      ['keys.modI', 'shortcuts.editorItalic'],
      ['keys.modZ', 'shortcuts.editorUndo'],
    ],
  },
  {
    title: 'shortcuts.inPlayer',
    items: [
      ['keys.space', 'shortcuts.playPause'],
      ['keys.leftRight', 'shortcuts.seek'],
      ['keys.commaPeriod', 'shortcuts.frameStep'],
      ['keys.brackets', 'shortcuts.startEnd'],
      ['keys.m', 'shortcuts.annotate'],
    ],
  },
]

function Keys({ combo, t }: { combo: Key; t: T }) {
  return (
    <span className="shortcut-keys">
      {t(combo)
        .split(' ')
        .map((k, i) => (
          <kbd key={i}>{k}</kbd>
        ))}
    </span>
  )
}

/** The sheet `?` opens: every shortcut, so nobody has to guess. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const t = useT()
  return (
    <Dialog title={t('shell.shortcuts')} onClose={onClose} className="dialog--wide">
      <div className="shortcut-sheet">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title} aria-labelledby={`shortcuts-${g.title}`}>
            <h3 id={`shortcuts-${g.title}`}>{t(g.title)}</h3>
            <dl>
              {g.items.map(([keys, what]) => (
                <div key={keys + what} className="shortcut-sheet__row">
                  <dt>
                    <Keys combo={keys} t={t} />
                  </dt>
                  <dd>{t(what)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
