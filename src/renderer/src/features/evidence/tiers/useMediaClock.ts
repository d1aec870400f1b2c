import { useEffect, useState, type RefObject } from 'react'

/**
 * The media element's duration and play state, and a callback on every change
 * of its position: each animation frame while it plays (the timeupdate event
 * comes four times a second, too seldom for a playhead), and on every seek.
 * The callback draws directly (no React render per frame).
 */
export function useMediaClock(
  mediaRef: RefObject<HTMLMediaElement | null>,
  onTime: (seconds: number) => void,
): { duration: number; paused: boolean } {
  const [duration, setDuration] = useState(NaN)
  const [paused, setPaused] = useState(true)

  useEffect(() => {
    const m = mediaRef.current
    if (!m) return
    let frame = 0
    const tick = () => {
      onTime(m.currentTime)
      if (!m.paused) frame = requestAnimationFrame(tick)
    }
    const time = () => onTime(m.currentTime)
    const meta = () => {
      setDuration(m.duration)
      time()
    }
    const play = () => {
      setPaused(false)
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(tick)
    }
    const pause = () => {
      setPaused(true)
      cancelAnimationFrame(frame)
      time()
    }
    meta()
    setPaused(m.paused)
    if (!m.paused) play()
    const events: [string, () => void][] = [
      ['loadedmetadata', meta],
      ['durationchange', meta],
      ['timeupdate', time],
      ['seeked', time],
      ['play', play],
      ['pause', pause],
    ]
    for (const [e, f] of events) m.addEventListener(e, f)
    return () => {
      cancelAnimationFrame(frame)
      for (const [e, f] of events) m.removeEventListener(e, f)
    }
  }, [mediaRef, onTime])

  return { duration, paused }
}
