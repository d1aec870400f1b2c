/**
 * One evidence import in its own process, so the benchmark can read this
 * process's peak memory alone: prints {ms, sha256, size, maxRssBytes} as JSON.
 * usage: node --import tsx bench/importWorker.ts SRC BLOBS_DIR [READ_SIZE|-] [nosync]
 */
import { storeFile } from '@main/services/evidence/blobStore'

const [src, blobs, readSize, sync] = process.argv.slice(2)
const t0 = process.hrtime.bigint()
const stored = await storeFile(blobs, src, {
  readSize: readSize && readSize !== '-' ? Number(readSize) : undefined,
  durable: sync !== 'nosync',
  onProgress: () => undefined,
})
const ms = Number(process.hrtime.bigint() - t0) / 1e6
// maxRSS is in kilobytes.
process.stdout.write(
  JSON.stringify({ ms, sha256: stored.sha256, size: stored.size, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) +
    '\n',
)
