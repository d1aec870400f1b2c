import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** A fresh temp folder per call, removed after the test. */
export function useTempDirs() {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
  })
  return async (prefix = 'casefile-') => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}

/**
 * Points TMPDIR at a folder of the running test only, so everything the services put in the
 * system temp folder can be searched whole afterwards. Returns a getter for that folder.
 */
export function usePrivateTmpdir(tempDir: ReturnType<typeof useTempDirs>): () => string {
  let saved: string | undefined
  let dir = ''
  beforeEach(async () => {
    saved = process.env.TMPDIR
    dir = await tempDir('casefile-tmpdir-')
    process.env.TMPDIR = dir
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = saved
  })
  return () => dir
}
