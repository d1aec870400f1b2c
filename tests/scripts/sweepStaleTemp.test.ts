import { chown, mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script, without types
import { STALE_AFTER_MS, sweepStaleTemp } from '../../scripts/sweep-stale-temp.mjs'
import { useTempDirs } from '../helpers/tmp'

const tempDir = useTempDirs()

describe('sweepStaleTemp', () => {
  it("removes only our test folders unchanged for a day: not a newer one, a copy with old times, another's, a link or a file", async () => {
    const dir = await tempDir('sweep-')
    const folder = async (name: string) => {
      await mkdir(join(dir, name, 'inside'), { recursive: true })
      await writeFile(join(dir, name, 'inside', 'f'), 'x')
    }
    for (const name of [
      'casefile-Ab12cd',
      'casefile-src-Xy98zz',
      'other-Ab12cd',
      'casefile-my-workspace',
      'casefile-mycases',
    ])
      await folder(name)
    await writeFile(join(dir, 'casefile-file01'), 'x')
    await symlink(join(dir, 'casefile-Ab12cd'), join(dir, 'casefile-link01'))
    const canChown = process.getuid?.() === 0
    if (canChown) {
      await folder('casefile-Zz99zz')
      await chown(join(dir, 'casefile-Zz99zz'), 65534, 65534)
    }
    // Times set back, as a copy that keeps them would: the folder itself changed just now (ctime), so it stays.
    const old = new Date(Date.now() - 2 * STALE_AFTER_MS)
    await utimes(join(dir, 'casefile-Ab12cd'), old, old)
    expect(sweepStaleTemp(dir, Date.now())).toEqual([])
    // A day on, ours are swept, and only ours.
    expect(sweepStaleTemp(dir, Date.now() + STALE_AFTER_MS + 60_000).sort()).toEqual([
      'casefile-Ab12cd',
      'casefile-src-Xy98zz',
    ])
    expect((await readdir(dir)).sort()).toEqual(
      [
        'casefile-file01',
        'casefile-link01',
        'casefile-my-workspace',
        'casefile-mycases',
        'other-Ab12cd',
        ...(canChown ? ['casefile-Zz99zz'] : []),
      ].sort(),
    )
  })

  it('a temp folder it cannot list is no failure', () => {
    expect(sweepStaleTemp(join('/nonexistent', 'tmp'))).toEqual([])
  })
})
