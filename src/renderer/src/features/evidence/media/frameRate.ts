/**
 * A video's frame duration, measured while it plays: requestVideoFrameCallback
 * reports the presentation time of every frame shown, and consecutive frames
 * differ by exactly one frame. Frame stepping uses it; until the video has
 * played a moment, 25 fps is assumed (and the player says so). A limit: only
 * frames that reach the screen are reported, so a video faster than the display
 * refreshes (120 fps on a 60 Hz screen) measures at the display's rate, and a
 * step then moves two of its frames.
 */
import { useEffect, useState, type RefObject } from 'react'
import type { Language } from '@shared/domain'
import { formatNumber } from '@shared/i18n/format'

export const ASSUMED_FRAME = 1 / 25

/** Rates video is made at; a measured rate within 1% of one is taken to be the nearest. */
const RATES = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60, 100, 119.88, 120]
/** Consecutive-frame gaps needed before a rate is believed. */
const ENOUGH = 12

export interface FrameSample {
  /** Presentation time of the frame, in media seconds. */
  mediaTime: number
  /** Frames presented so far: consecutive frames differ by 1 (a dropped or skipped frame by more). */
  presentedFrames: number
}

/**
 * Seconds per frame from frames seen in order, or null while there are too few to
 * tell. The mean of the gaps between consecutive frames, not their median: WebM
 * keeps times to the millisecond, so at 29.97 fps single gaps read 33 or 34 ms and
 * only their mean tells 29.97 from 30.
 */
export function estimateFrameDuration(samples: readonly FrameSample[]): number | null {
  const gaps: number[] = []
  for (let i = 1; i < samples.length; i++) {
    if (samples[i].presentedFrames - samples[i - 1].presentedFrames !== 1) continue
    const gap = samples[i].mediaTime - samples[i - 1].mediaTime
    if (gap > 1 / 250 && gap < 1 / 5) gaps.push(gap)
  }
  if (gaps.length < ENOUGH) return null
  // A seek between two frames gives a gap unlike the others: keep those near the median.
  const median = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]
  const kept = gaps.filter((g) => g > median / 2 && g < median * 1.5)
  const rate = kept.length / kept.reduce((a, g) => a + g, 0)
  const nearest = RATES.reduce((best, r) => (Math.abs(rate - r) / r < Math.abs(rate - best) / best ? r : best))
  return 1 / (Math.abs(rate - nearest) / nearest < 0.01 ? nearest : Math.round(rate * 100) / 100)
}

/** "29.97 fps" / "29,97 fps" */
export const formatRate = (frame: number, lang: Language = 'en') =>
  `${formatNumber(Number((1 / frame).toFixed(3)), lang)} fps`

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback(cb: (now: number, meta: FrameSample) => void): number
  cancelVideoFrameCallback(handle: number): void
}

/** The frame duration of the video in `mediaRef`, once it has played long enough to measure. */
export function useFrameDuration(
  mediaRef: RefObject<HTMLMediaElement | null>,
  src: string,
): { frame: number; measured: boolean } {
  const [frame, setFrame] = useState<number | null>(null)
  useEffect(() => {
    setFrame(null)
    const video = mediaRef.current
    if (!(video instanceof HTMLVideoElement) || !('requestVideoFrameCallback' in video)) return
    const v = video as FrameCallbackVideo
    const samples: FrameSample[] = []
    let handle = 0
    const onFrame = (_now: number, meta: FrameSample) => {
      // At another speed the frames shown are not the frames there are.
      if (!v.paused && !v.seeking && v.playbackRate === 1)
        samples.push({ mediaTime: meta.mediaTime, presentedFrames: meta.presentedFrames })
      const est = estimateFrameDuration(samples)
      if (est !== null) setFrame(est)
      // A few seconds of frames settle it; after that, stop listening.
      if (samples.length < 120) handle = v.requestVideoFrameCallback(onFrame)
    }
    handle = v.requestVideoFrameCallback(onFrame)
    return () => v.cancelVideoFrameCallback(handle)
  }, [mediaRef, src])
  return { frame: frame ?? ASSUMED_FRAME, measured: frame !== null }
}
