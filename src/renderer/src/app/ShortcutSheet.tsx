import { Dialog } from '@renderer/components/Dialog'
import { KeyCombo, type Combo } from '@renderer/components/KeyCombo'
import { useT } from '@renderer/lib/i18n'
import type { MessageKey } from '@shared/i18n'

type Key = MessageKey<'ui'>
interface Group {
  title: Key
  items: [keys: Combo, what: Key][]
}

/** Every shortcut of the window, by where it works. Keep in step with the handlers (lib/shortcuts users). */
export const SHORTCUT_GROUPS: Group[] = [
  {
    title: 'shortcuts.everywhere',
    items: [
      [['ctrl', 'K'], 'shortcuts.search'],
      [['ctrl', 'N'], 'shortcuts.newCase'],
      [['ctrl', ','], 'shortcuts.settings'],
      [['ctrl', 'B'], 'shortcuts.sidebar'],
      [['?'], 'shortcuts.sheet'],
      [['escape'], 'shortcuts.closeDialog'],
    ],
  },
  {
    title: 'shortcuts.inCase',
    items: [
      [['ctrl', 'Z'], 'shortcuts.undo'],
      [['ctrl', 'shift', 'Z'], 'shortcuts.redo'],
      [['↑', '↓'], 'shortcuts.timelineRows'],
      [['home', 'end'], 'shortcuts.timelineEnds'],
    ],
  },
  {
    title: 'shortcuts.inSearch',
    items: [
      [['↑', '↓'], 'shortcuts.searchMove'],
      [['enter'], 'shortcuts.searchOpen'],
      [['escape'], 'shortcuts.searchClear'],
    ],
  },
  {
    title: 'shortcuts.inEditor',
    items: [
      [['ctrl', 'K'], 'shortcuts.editorLink'],
      [['ctrl', 'shift', 'C'], 'shortcuts.editorCite'],
      [['ctrl', 'B'], 'shortcuts.editorBold'],
      [['ctrl', 'I'], 'shortcuts.editorItalic'],
      [['ctrl', 'Z'], 'shortcuts.editorUndo'],
    ],
  },
  {
    title: 'shortcuts.inPlayer',
    items: [
      [['space'], 'shortcuts.playPause'],
      [['←', '→'], 'shortcuts.seek'],
      [[',', '.'], 'shortcuts.frameStep'],
      [['[', ']'], 'shortcuts.startEnd'],
      [['M'], 'shortcuts.annotate'],
      [['<', '>'], 'shortcuts.speed'],
    ],
  },
  {
    title: 'shortcuts.inTiers',
    items: [
      [['←', '→'], 'shortcuts.tierMove'],
      [['↑', '↓'], 'shortcuts.tierLane'],
      [['enter'], 'shortcuts.tierOpen'],
      [['alt', '←', '→'], 'shortcuts.tierStart'],
      [['alt', 'shift', '←', '→'], 'shortcuts.tierEnd'],
      [['+', '−'], 'shortcuts.tierZoom'],
      [['0'], 'shortcuts.tierFit'],
    ],
  },
]

/** The sheet `?` opens: every shortcut, so nobody has to guess. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const t = useT()
  return (
    <Dialog title={t('shell.shortcuts')} onClose={onClose} className="dialog--wide" readingOnly>
      <div className="shortcut-sheet">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title} aria-labelledby={`shortcuts-${g.title}`}>
            <h3 id={`shortcuts-${g.title}`}>{t(g.title)}</h3>
            <dl>
              {g.items.map(([keys, what]) => (
                <div key={keys.join() + what} className="shortcut-sheet__row">
                  <dt>
                    <KeyCombo combo={keys} t={t} />
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
