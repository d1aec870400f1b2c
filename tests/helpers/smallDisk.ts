/**
 * A real, small file system for disk-full tests: a tmpfs of a few MB mounted on a
 * temp folder. Needs root and a kernel that lets this process mount; where that
 * is not so, `smallDisk` says why and the test skips with that reason.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SmallDisk {
  dir: string
  free(): number
  /** Fills the disk until only about `leave` bytes are free (one file, `filler`). */
  fillTo(leave: number): void
  unmount(): void
}

let unavailable: string | null | undefined

/** Why no small disk can be mounted here, or null when one can. Probed once. */
export function smallDiskUnavailable(): string | null {
  if (unavailable !== undefined) return unavailable
  if (process.platform !== 'linux') return (unavailable = 'tmpfs mounts are a Linux feature')
  if (process.getuid?.() !== 0) return (unavailable = 'mounting a tmpfs needs root; run as root to include this test')
  try {
    mountSmallDisk(1).unmount()
    unavailable = null
  } catch (e) {
    unavailable = `this machine refused to mount a tmpfs (${(e as Error).message.split('\n')[0]})`
  }
  return unavailable
}

export function mountSmallDisk(megabytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-smalldisk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' })
  const free = () => {
    const s = statfsSync(dir)
    return s.bavail * s.bsize
  }
  return {
    dir,
    free,
    fillTo(leave) {
      const n = Math.max(0, free() - leave)
      if (n) writeFileSync(join(dir, 'filler'), Buffer.alloc(n, 0x78))
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
