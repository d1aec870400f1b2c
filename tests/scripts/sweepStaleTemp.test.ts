import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script, without types
import { STALE_AFTER_MS, sweepStaleTemp } from '../../scripts/sweep-stale-temp.mjs'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()

describe('sweepStaleTemp', () => {
  it("removes only our folders left over a day ago: not a newer one, another program's, or a file", async () => {
    const dir = await tempDir('sweep-')
    const now = Date.now()
    const old = new Date(now - STALE_AFTER_MS - 60_000)
    const recent = new Date(now - STALE_AFTER_MS + 60_000)
    for (const [name, at] of [
      ['casefile-old', old],
      ['casefile-recent', recent],
      ['other-old', old],
    ] as const) {
      await mkdir(join(dir, name, 'inside'), { recursive: true })
      await writeFile(join(dir, name, 'inside', 'f'), 'x')
      await utimes(join(dir, name), at, at)
    }
    await writeFile(join(dir, 'casefile-file'), 'x')
    await utimes(join(dir, 'casefile-file'), old, old)
    expect(sweepStaleTemp(dir, now)).toEqual(['casefile-old'])
    expect((await readdir(dir)).sort()).toEqual(['casefile-file', 'casefile-recent', 'other-old'])
  })
})
