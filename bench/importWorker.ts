/**
 * One evidence import in its own process, so the benchmark can read this
 * process's peak memory and CPU time alone: prints {ms, cpuMs, sha256, size,
 * maxRssBytes} as JSON.
 * usage: node --import tsx bench/importWorker.ts SRC BLOBS_DIR [READ_SIZE|-] [nosync|sync] [inline|SEAL_WORKER_URL]
 * With the last argument the blob is sealed, under the data key in CASEFILE_BENCH_KEY (hex), for the
 * workspace that holds BLOBS_DIR: on this thread (inline) or in the built seal worker at that URL.
 */
import { dirname } from 'node:path'
import { storeFile } from '@main/services/evidence/blobStore'
import { registerVault } from '@main/storage/crypto/vault'

const [src, blobs, readSize, sync, seal] = process.argv.slice(2)
if (seal) registerVault(dirname(blobs), Buffer.from(process.env.CASEFILE_BENCH_KEY ?? '', 'hex'))
const t0 = process.hrtime.bigint()
const cpu0 = process.cpuUsage()
const stored = await storeFile(blobs, src, {
  readSize: readSize && readSize !== '-' ? Number(readSize) : undefined,
  durable: sync !== 'nosync',
  onProgress: () => undefined,
  sealInThread: seal ? (seal === 'inline' ? false : new URL(seal)) : undefined,
})
const ms = Number(process.hrtime.bigint() - t0) / 1e6
const cpu = process.cpuUsage(cpu0)
// maxRSS is in kilobytes.
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    sha256: stored.sha256,
    size: stored.size,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n',
)
