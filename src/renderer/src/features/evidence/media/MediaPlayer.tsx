import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { formatTimecode } from '@shared/domain'
import { formatNumber } from '@shared/i18n/format'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useLanguage, useT, type T } from '@renderer/lib/i18n'
import { formatRate, useFrameDuration } from './frameRate'
import { handlePlayerKey, PLAYER_SHORTCUTS, seekBy, SPEEDS, type PlayerActions } from './playerKeys'
import { ScrubBar, type Mark } from './ScrubBar'

export { handlePlayerKey, PLAYER_SHORTCUTS, seekBy, type PlayerActions } from './playerKeys'

const HELP_KEY = 'casefile.playerHelpOpen'

/**
 * <video>/<audio> on a blob URL (main answers Range requests, so seeking works
 * without loading the whole file), with a seek bar that marks the annotations,
 * playback speed, time-code buttons and shortcuts.
 */
export function MediaPlayer({
  src,
  kind,
  mediaRef,
  actions,
  hasSelection,
  marks = [],
  onMark = () => undefined,
  initialRate = 1,
  onRate,
  below,
}: {
  src: string
  kind: 'video' | 'audio'
  mediaRef: RefObject<HTMLMediaElement | null>
  actions: Omit<PlayerActions, 'frame'>
  hasSelection: boolean
  marks?: Mark[]
  onMark?: (annotationId: string) => void
  /** The speed to start at: the one chosen earlier while the item is open (the caller keeps it). */
  initialRate?: number
  onRate?: (rate: number) => void
  /** What goes under the player (the tier lanes), given the frame step and the player's key handling. */
  below?: (player: { frame: number; onKey: (e: React.KeyboardEvent) => void }) => ReactNode
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  const { frame, measured } = useFrameDuration(mediaRef, src)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(NaN)
  const [paused, setPaused] = useState(true)
  const [rate, setRate] = useState(initialRate)
  const [error, setError] = useState('')
  const area = useRef<HTMLDivElement>(null)
  const [helpOpen, setHelpOpen] = useState(false)

  useEffect(() => {
    setError('')
  }, [src])

  // The key help starts open where there is room for it (or as the user left it), folded on a narrow player.
  useLayoutEffect(() => {
    let stored: string | null = null
    try {
      stored = localStorage.getItem(HELP_KEY)
    } catch {
      // No storage: decide by width.
    }
    setHelpOpen(stored ? stored === '1' : (area.current?.clientWidth ?? 0) >= 560)
  }, [])

  const media = () => mediaRef.current
  const common = {
    src,
    controls: true,
    preload: 'metadata' as const,
    onTimeUpdate: () => setTime(media()?.currentTime ?? 0),
    onSeeked: () => setTime(media()?.currentTime ?? 0),
    onLoadedMetadata: () => {
      setDuration(media()?.duration ?? NaN)
      // Loading a source resets the speed to the default one: both are set, so it holds.
      const m = media()
      if (m && m.playbackRate !== rate) m.defaultPlaybackRate = m.playbackRate = rate
    },
    onDurationChange: () => setDuration(media()?.duration ?? NaN),
    onPlay: () => setPaused(false),
    onPause: () => setPaused(true),
    onRateChange: () => {
      const r = media()?.playbackRate ?? 1
      setRate(r)
      onRate?.(r)
    },
    onError: () => setError(describeMediaError(media()?.error ?? null, t)),
    // Focus stays on the area so the shortcuts keep working after a click on the picture.
    tabIndex: -1,
  }

  const btn = (label: ReactNode, title: string, onClick: () => void, disabled = false) => (
    <button type="button" title={title} aria-label={title} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  )
  const now = () => media()?.currentTime ?? 0
  const onKey = (e: React.KeyboardEvent) => {
    if (handlePlayerKey(e, media(), { ...actions, frame })) {
      e.preventDefault()
      e.stopPropagation()
    }
  }
  // A step in seconds reads the same in every language (the title says it in words).
  const seconds = (label: string) => <span translate="no">{label}</span>
  const speed = (r: number) => `${formatNumber(r, lang)}×`

  return (
    <>
      <div
        ref={area}
        className="ev-player"
        tabIndex={0}
        role="group"
        aria-label={kind === 'video' ? t('player.videoLabel') : t('player.audioLabel')}
        data-testid="player-area"
        onKeyDown={onKey}
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
        <ScrubBar
          time={time}
          duration={duration}
          marks={marks}
          onSeek={(s) => {
            const m = media()
            if (m) m.currentTime = s
          }}
          onMark={onMark}
        />
        <div className="ev-player__bar">
          <span className="mono ev-player__time" aria-label={t('player.currentTime')} data-testid="player-time">
            {formatTimecode(time)} / {Number.isFinite(duration) ? formatTimecode(duration) : '--:--:--'}
          </span>
          <span className="ev-player__group">
            {btn(seconds('−5 s'), t('player.back5'), () => media() && seekBy(media()!, -5))}
            {btn('◂|', t('player.frameBack'), () => media() && (media()!.pause(), seekBy(media()!, -frame)))}
            {btn(paused ? '▶' : '❚❚', paused ? t('player.play') : t('player.pause'), () =>
              media()?.paused
                ? void media()!
                    .play()
                    .catch(() => undefined)
                : media()?.pause(),
            )}
            {btn('|▸', t('player.frameForward'), () => media() && (media()!.pause(), seekBy(media()!, frame)))}
            {btn(seconds('+5 s'), t('player.forward5'), () => media() && seekBy(media()!, 5))}
          </span>
          <select
            className="ev-player__speed"
            aria-label={t('player.speed')}
            title={t('player.speed')}
            value={String(rate)}
            onChange={(e) => {
              const m = media()
              if (m) m.playbackRate = Number(e.target.value)
            }}
          >
            {SPEEDS.map((r) => (
              <option key={r} value={String(r)}>
                {speed(r)}
              </option>
            ))}
          </select>
          <span className="ev-player__sep" />
          <span className="ev-player__group">
            <button type="button" className="button--primary" onClick={() => actions.addAt(now())}>
              {t('player.annotateHere')}
            </button>
            {btn(t('player.startLabel'), t('player.start'), () => actions.setStart(now()), !hasSelection)}
            {btn(t('player.endLabel'), t('player.end'), () => actions.setEnd(now()), !hasSelection)}
          </span>
        </div>
        <details
          className="ev-player__help"
          open={helpOpen}
          onToggle={(e) => {
            const open = (e.currentTarget as HTMLDetailsElement).open
            setHelpOpen(open)
            try {
              localStorage.setItem(HELP_KEY, open ? '1' : '0')
            } catch {
              // Not remembered: it opens by width next time.
            }
          }}
        >
          <summary>{t('player.keysTitle')}</summary>
          {PLAYER_SHORTCUTS.map(([k, what], i) => (
            <span key={k}>
              {i > 0 && ' · '}
              <kbd>{k === 'space' ? t('player.key.space') : k}</kbd> {t(`player.key.${what}`)}
            </span>
          ))}
          {kind === 'video' && (
            <span data-testid="frame-rate">
              {' · '}
              {measured
                ? t('player.framesMeasured', { rate: formatRate(frame, lang) })
                : t('player.framesAssumed', { rate: formatRate(frame, lang) })}
            </span>
          )}
        </details>
      </div>
      {below?.({ frame, onKey })}
    </>
  )
}

function describeMediaError(e: MediaError | null, tr: T<'evidence'>): string {
  if (!e) return tr('player.error.generic')
  switch (e.code) {
    case MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED:
      return tr('player.error.format')
    case MediaError.MEDIA_ERR_DECODE:
      return tr('player.error.decode')
    case MediaError.MEDIA_ERR_NETWORK:
      return tr('player.error.network')
    default:
      return e.message ? tr('player.error.other', { message: e.message }) : tr('player.error.generic')
  }
}
