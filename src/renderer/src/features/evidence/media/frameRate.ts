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
/** Frame intervals needed before a rate is believed. */
const ENOUGH = 12

export interface FrameSample {
  /** Presentation time of the frame, in media seconds. */
  mediaTime: number
  /** Frames presented so far (kept for callers; the estimate relies on the times). */
  presentedFrames: number
}

/**
 * Seconds per frame from frames seen in order, or null while there are too few to
 * tell, or while two usual rates (29.97 and 30) are both still possible.
 *
 * A busy machine drops frames: consecutive callbacks then lie two or three frames
 * apart. So every gap is counted as the whole number of frames it spans (against
 * the shortest gap seen, one frame), and the rate is frames over time across all
 * of them; the gaps' rounding errors cancel (they telescope to the first and last
 * time of each unbroken stretch). A seek or a pause breaks a stretch: a gap that is
 * not close to a whole number of frames, or is backwards, is left out. Times kept to
 * the millisecond (WebM) are known to ±1 ms per stretch; until that uncertainty
 * rules out all but one usual rate, no rate is claimed (29.97 is 0.1% from 30).
 */
export function estimateFrameDuration(samples: readonly FrameSample[]): number | null {
  const gaps: number[] = []
  for (let i = 1; i < samples.length; i++) {
    const gap = samples[i].mediaTime - samples[i - 1].mediaTime
    // Over 4 ms (250 fps) and under half a second: anything else is a duplicate or a seek.
    gaps.push(gap > 1 / 250 && gap < 0.5 ? gap : NaN)
  }
  const valid = gaps.filter((g) => !Number.isNaN(g))
  if (valid.length < ENOUGH) return null
  const unit = Math.min(...valid)
  let frames = 0
  let time = 0
  let stretches = 0
  let inStretch = false
  for (const g of gaps) {
    const k = Math.round(g / unit)
    if (Number.isNaN(g) || k < 1 || Math.abs(g - k * unit) > unit * 0.25) {
      inStretch = false
      continue
    }
    if (!inStretch) stretches++
    inStretch = true
    frames += k
    time += g
  }
  if (frames < ENOUGH) return null
  const rate = frames / time
  const msTimes = samples.every((s) => Math.abs(s.mediaTime * 1000 - Math.round(s.mediaTime * 1000)) < 1e-6)
  // How far off the total time may be: rounding at both ends of each stretch.
  const uncertainty = ((msTimes ? 1e-3 : 2e-5) * stretches) / time
  const possible = RATES.filter((r) => Math.abs(rate - r) / r <= uncertainty + 1e-4)
  if (possible.length > 1) return null
  if (possible.length === 1) return 1 / possible[0]
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
      // A few seconds of frames settle it; after that, stop listening (later if it is still undecided).
      if (samples.length < 120 || (est === null && samples.length < 1_200))
        handle = v.requestVideoFrameCallback(onFrame)
    }
    handle = v.requestVideoFrameCallback(onFrame)
    return () => v.cancelVideoFrameCallback(handle)
  }, [mediaRef, src])
  return { frame: frame ?? ASSUMED_FRAME, measured: frame !== null }
}
