/**
 * A WebM written to a pipe has no seek index (Cues) and no duration: ffmpeg
 * fills both in by seeking back, which a pipe does not allow. A clip cut from a
 * sealed source goes through a pipe (its bytes may not touch the disk in the
 * clear), so it is rewritten here, in memory, with both: the same packets in a
 * new container (mediabunny transmuxes; nothing is decoded or re-encoded), so
 * the player can seek it and show its length.
 */
import { BufferSource, BufferTarget, Conversion, Input, Output, WEBM, WebMOutputFormat } from 'mediabunny'

/** Names the writer in a custody entry, as the container's own tags do. */
export const INDEXER = 'Mediabunny 1.61.0'

/** The clip with a seek index and its duration (`indexed`); the bytes as they came when they cannot be rewritten. */
export async function withSeekIndex(webm: Buffer): Promise<{ bytes: Buffer; indexed: boolean }> {
  const asItCame = { bytes: webm, indexed: false }
  try {
    const input = new Input({ source: new BufferSource(webm), formats: [WEBM] })
    const target = new BufferTarget()
    const output = new Output({ format: new WebMOutputFormat(), target })
    const conversion = await Conversion.init({ input, output })
    // Every track kept as it is, or the clip stays as ffmpeg wrote it: never one with a track dropped.
    if (!conversion.isValid || conversion.discardedTracks.length) return asItCame
    await conversion.execute()
    return target.buffer ? { bytes: Buffer.from(target.buffer), indexed: true } : asItCame
  } catch {
    return asItCame
  }
}
