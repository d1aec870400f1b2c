/**
 * A WebM written to a pipe has no seek index (Cues) and no duration: ffmpeg
 * fills both in by seeking back, which a pipe does not allow. A clip cut from a
 * sealed source goes through a pipe (its bytes may not touch the disk in the
 * clear), so it is rewritten here, in memory, with both: the same packets in a
 * new container (mediabunny transmuxes; nothing is decoded or re-encoded), so
 * the player can seek it and show its length.
 */
import {
  BufferSource,
  BufferTarget,
  Conversion,
  EncodedPacketSink,
  Input,
  Output,
  WEBM,
  WebMOutputFormat,
} from 'mediabunny'

/** Names the writer in a custody entry, as the container's own tags do. */
export const INDEXER = 'Mediabunny 1.61.0'

/** Each track's kind and how many packets with bytes it holds, as a WebM reader sees them (JSON). */
export async function tracksOf(webm: Buffer): Promise<string> {
  const input = new Input({ source: new BufferSource(webm), formats: [WEBM] })
  const out: [string, number][] = []
  for (const track of await input.getTracks()) {
    let packets = 0
    for await (const packet of new EncodedPacketSink(track).packets()) packets += packet.byteLength > 0 ? 1 : 0
    out.push([track.type, packets])
  }
  return JSON.stringify(out)
}

/**
 * The clip with a seek index and its duration (`indexed`); the bytes as they came when they cannot be
 * rewritten, or when the rewritten file, read back, does not hold every track with every packet.
 */
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
    if (!target.buffer) return asItCame
    const rewritten = Buffer.from(target.buffer)
    // Read back: a track left out (one with no packets in the range cut) or a file that does not read
    // is not "the same packets in a new container", whatever the conversion said.
    return (await tracksOf(rewritten)) === (await tracksOf(webm)) ? { bytes: rewritten, indexed: true } : asItCame
  } catch {
    return asItCame
  }
}
