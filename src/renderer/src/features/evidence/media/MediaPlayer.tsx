import { useEffect, useState, type RefObject } from 'react'
import { formatTimecode } from '@shared/domain'
import { formatRate, useFrameDuration } from './frameRate'
import { ErrorAlert } from '@renderer/components/ErrorAlert'

/** The keys the player area answers to; shown under the player so nobody has to guess. */
export const PLAYER_SHORTCUTS: [string, string][] = [
  ['M', 'annotate here (or Ctrl/⌘+Shift+A)'],
  ['[  ]', 'set start / end'],
  ['Space', 'play / pause'],
  ['←  →', '∓5 s'],
  [',  .', 'frame step'],
]

export interface PlayerActions {
  /** Seconds per frame, for frame stepping. */
  frame: number
  addAt: (seconds: number) => void
  setStart: (seconds: number) => void
  setEnd: (seconds: number) => void
}

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
  }
  return false
}

/**
 * <video>/<audio> on a blob URL (main answers Range requests, so seeking works
 * without loading the whole file), with time-code buttons and shortcuts.
 */
export function MediaPlayer({
  src,
  kind,
  mediaRef,
  actions,
  hasSelection,
}: {
  src: string
  kind: 'video' | 'audio'
  mediaRef: RefObject<HTMLMediaElement | null>
  actions: Omit<PlayerActions, 'frame'>
  hasSelection: boolean
}) {
  const { frame, measured } = useFrameDuration(mediaRef, src)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(NaN)
  const [paused, setPaused] = useState(true)
  const [error, setError] = useState('')

  useEffect(() => {
    setError('')
  }, [src])

  const media = () => mediaRef.current
  const common = {
    src,
    controls: true,
    preload: 'metadata' as const,
    onTimeUpdate: () => setTime(media()?.currentTime ?? 0),
    onSeeked: () => setTime(media()?.currentTime ?? 0),
    onLoadedMetadata: () => setDuration(media()?.duration ?? NaN),
    onPlay: () => setPaused(false),
    onPause: () => setPaused(true),
    onError: () => setError(describeMediaError(media()?.error ?? null)),
    // Focus stays on the area so the shortcuts keep working after a click on the picture.
    tabIndex: -1,
  }

  const btn = (label: string, title: string, onClick: () => void, disabled = false) => (
    <button type="button" title={title} aria-label={title} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  )
  const now = () => media()?.currentTime ?? 0

  return (
    <div
      className="ev-player"
      tabIndex={0}
      role="group"
      aria-label={`${kind === 'video' ? 'Video' : 'Audio'} player — shortcuts listed below`}
      data-testid="player-area"
      onKeyDown={(e) => {
        if (handlePlayerKey(e, media(), { ...actions, frame })) {
          e.preventDefault()
          e.stopPropagation()
        }
      }}
    >
      {kind === 'video' ? (
        <video ref={mediaRef as RefObject<HTMLVideoElement>} className="ev-player__media" {...common} />
      ) : (
        <audio
          ref={mediaRef as RefObject<HTMLAudioElement>}
          className="ev-player__media ev-player__media--audio"
          {...common}
        />
      )}
      <ErrorAlert>{error}</ErrorAlert>
      <div className="ev-player__bar">
        <span className="mono ev-player__time" aria-label="Current time" data-testid="player-time">
          {formatTimecode(time)} / {Number.isFinite(duration) ? formatTimecode(duration) : '--:--:--'}
        </span>
        {btn('−5 s', 'Back 5 seconds (←)', () => media() && seekBy(media()!, -5))}
        {btn('◂|', 'One frame back (,)', () => media() && (media()!.pause(), seekBy(media()!, -frame)))}
        {btn(paused ? '▶' : '❚❚', paused ? 'Play (Space)' : 'Pause (Space)', () =>
          media()?.paused
            ? void media()!
                .play()
                .catch(() => undefined)
            : media()?.pause(),
        )}
        {btn('|▸', 'One frame forward (.)', () => media() && (media()!.pause(), seekBy(media()!, frame)))}
        {btn('+5 s', 'Forward 5 seconds (→)', () => media() && seekBy(media()!, 5))}
        <span className="ev-player__sep" />
        <button type="button" className="button--primary" onClick={() => actions.addAt(now())}>
          Annotate here (M)
        </button>
        {btn(
          '[ Start',
          'Set start of the selected annotation to now ([)',
          () => actions.setStart(now()),
          !hasSelection,
        )}
        {btn('End ]', 'Set end of the selected annotation to now (])', () => actions.setEnd(now()), !hasSelection)}
      </div>
      <p className="ev-player__help muted small">
        Keys, with the player focused:{' '}
        {PLAYER_SHORTCUTS.map(([k, what], i) => (
          <span key={k}>
            {i > 0 && ' · '}
            <kbd>{k}</kbd> {what}
          </span>
        ))}
        {kind === 'video' && (
          <span data-testid="frame-rate">
            {' · '}
            {measured ? `frames of ${formatRate(frame)}` : `frames assumed ${formatRate(frame)} until the video plays`}
          </span>
        )}
      </p>
    </div>
  )
}

function describeMediaError(e: MediaError | null): string {
  if (!e) return 'The file could not be played.'
  switch (e.code) {
    case MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED:
      return 'This file format cannot be played here. Its hash and annotations by time code still work.'
    case MediaError.MEDIA_ERR_DECODE:
      return 'The file is damaged or uses a codec this app cannot decode.'
    case MediaError.MEDIA_ERR_NETWORK:
      return 'The file could not be read from the blob store.'
    default:
      return `The file could not be played${e.message ? `: ${e.message}` : ''}.`
  }
}
