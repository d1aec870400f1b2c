import { describe, expect, it } from 'vitest'
import { estimateFrameDuration, formatRate, type FrameSample } from '@renderer/features/evidence/media/frameRate'

/** Frames of a video at `fps` as they are presented, from `start`, `n` of them. */
const frames = (fps: number, n: number, start = 0, firstPresented = 1): FrameSample[] =>
  Array.from({ length: n }, (_, i) => ({ mediaTime: start + i / fps, presentedFrames: firstPresented + i }))

describe('frame duration from presented frames', () => {
  it('needs a dozen consecutive frames before it answers', () => {
    expect(estimateFrameDuration(frames(30, 5))).toBeNull()
    expect(estimateFrameDuration(frames(30, 13))).toBeCloseTo(1 / 30, 9)
  })

  it('recognises the usual rates, NTSC ones included', () => {
    for (const fps of [23.976, 24, 25, 29.97, 50, 59.94, 60]) {
      expect(1 / estimateFrameDuration(frames(fps, 40))!).toBeCloseTo(fps, 6)
    }
    expect(formatRate(1 / 29.97)).toBe('29.97 fps')
    expect(formatRate(1 / 25)).toBe('25 fps')
  })

  it('ignores dropped frames and the jump of a seek', () => {
    const seen = [
      ...frames(25, 8),
      // Two frames dropped (presentedFrames jumps by 3): their gap says nothing about the rate.
      { mediaTime: 8 / 25 + 2 / 25, presentedFrames: 11 },
      // A seek to 40 s, shown as the next presented frame.
      { mediaTime: 40, presentedFrames: 12 },
      ...frames(25, 10, 40 + 1 / 25, 13),
    ]
    expect(estimateFrameDuration(seen)).toBeCloseTo(1 / 25, 9)
  })

  it('tells 29.97 from 30 fps with times kept to the millisecond (WebM)', () => {
    const ms = (fps: number) => frames(fps, 60).map((f) => ({ ...f, mediaTime: Math.round(f.mediaTime * 1000) / 1000 }))
    expect(1 / estimateFrameDuration(ms(29.97))!).toBeCloseTo(29.97, 6)
    expect(1 / estimateFrameDuration(ms(30))!).toBeCloseTo(30, 6)
    expect(1 / estimateFrameDuration(ms(23.976))!).toBeCloseTo(23.976, 6)
  })

  it('keeps an unusual constant rate as measured', () => {
    expect(1 / estimateFrameDuration(frames(15, 30))!).toBeCloseTo(15, 6)
  })
})

describe('frame duration on a busy machine', () => {
  /** A 30 fps WebM (times to the ms) seen through callbacks that miss frames now and then. */
  const busy = (fps: number, n: number, missed: (i: number) => boolean): FrameSample[] => {
    const out: FrameSample[] = []
    for (let i = 0; i < n; i++)
      if (!missed(i)) out.push({ mediaTime: Math.round((i / fps) * 1000) / 1000, presentedFrames: out.length + 1 })
    return out
  }

  it('a 30 fps clip with dropped frames still reads 30, never 29.97', () => {
    // Every sixth frame missed (a compositor a little slower than the clip): the single-frame gaps
    // left are not a fair share of 33 ms and 34 ms ones, and their mean alone read 29.97.
    expect(1 / estimateFrameDuration(busy(30, 200, (i) => i % 6 === 0).slice(0, 120))!).toBeCloseTo(30, 6)
    // Missed at random, as a loaded machine does (120 callbacks, as many as the player takes).
    let seed = 17
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < 0.3
    expect(1 / estimateFrameDuration(busy(30, 180, random).slice(0, 120))!).toBeCloseTo(30, 6)
    seed = 17
    expect(1 / estimateFrameDuration(busy(29.97, 180, random).slice(0, 120))!).toBeCloseTo(29.97, 6)
    // Every other frame missed for a stretch: those gaps count as two frames each.
    expect(1 / estimateFrameDuration(busy(30, 200, (i) => i % 2 === 1 && i < 120))!).toBeCloseTo(30, 6)
  })

  it('says nothing while 29.97 and 30 are both still possible', () => {
    const short = busy(30, 14, () => false)
    expect(estimateFrameDuration(short)).toBeNull()
  })
})
