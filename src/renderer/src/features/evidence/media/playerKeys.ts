/** What the player area does with a key press: the one table the player, its help and the tests share. */

export interface PlayerActions {
  /** Seconds per frame, for frame stepping. */
  frame: number
  addAt: (seconds: number) => void
  setStart: (seconds: number) => void
  setEnd: (seconds: number) => void
}

/** Playback speeds offered, slowest first; the default is 1. */
export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const

/** The next speed up (+1) or down (-1) from `rate`, kept within SPEEDS. */
export function stepSpeed(rate: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= rate - 1e-9)
  const at = i === -1 ? SPEEDS.length - 1 : i
  const exact = Math.abs(SPEEDS[at] - rate) < 1e-9
  const next = dir > 0 ? (exact ? at + 1 : at) : at - 1
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, next))]
}

/** The keys the player area answers to (catalogue keys of their descriptions), shown under the player. */
export const PLAYER_SHORTCUTS = [
  ['M', 'annotate'],
  ['[  ]', 'startEnd'],
  ['space', 'play'],
  ['←  →', 'seek'],
  [',  .', 'frame'],
  ['<  >', 'speed'],
] as const

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

export function seekBy(media: HTMLMediaElement, delta: number) {
  const max = Number.isFinite(media.duration) ? media.duration : Infinity
  media.currentTime = Math.max(0, Math.min(max, media.currentTime + delta))
}

/** Translates a key press in the player area into an action; returns false for keys it does not own. */
export function handlePlayerKey(
  e: React.KeyboardEvent,
  media: HTMLMediaElement | null,
  actions: PlayerActions,
): boolean {
  if (!media || typing(e.target)) return false
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod && e.shiftKey && key === 'a') {
    actions.addAt(media.currentTime)
    return true
  }
  if (mod || e.altKey) return false
  switch (key) {
    case 'm':
      actions.addAt(media.currentTime)
      return true
    case '[':
      actions.setStart(media.currentTime)
      return true
    case ']':
      actions.setEnd(media.currentTime)
      return true
    case ' ':
    case 'k':
      if (media.paused) void media.play().catch(() => undefined)
      else media.pause()
      return true
    case 'ArrowLeft':
    case 'j':
      seekBy(media, -5)
      return true
    case 'ArrowRight':
    case 'l':
      seekBy(media, 5)
      return true
    case ',':
      media.pause()
      seekBy(media, -actions.frame)
      return true
    case '.':
      media.pause()
      seekBy(media, actions.frame)
      return true
    case '<':
      media.playbackRate = stepSpeed(media.playbackRate, -1)
      return true
    case '>':
      media.playbackRate = stepSpeed(media.playbackRate, 1)
      return true
  }
  return false
}
