/**
 * Fault injection over the storage's file-system calls (src/main/storage/fsio.ts):
 * make the n-th matching call of one step fail with an errno, or write short.
 */
import type { FileHandle } from 'node:fs/promises'
import { fsio, pathOf, realFsIo, replaceFsIo, type FsIo } from '@main/storage/fsio'

export type Step = 'open' | 'write' | 'sync' | 'datasync' | 'close' | 'rename' | 'link' | 'unlink' | 'syncDir'
export const ERRNOS = ['ENOSPC', 'EIO', 'EACCES', 'EPERM'] as const
/** short: one write takes half and later writes go through (the writer must loop); full: half, then ENOSPC. */
export type Fault = (typeof ERRNOS)[number] | 'short' | 'full'

export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected fault, ${syscall} '${path}'`) as NodeJS.ErrnoException
  e.code = code
  e.errno = -1
  e.syscall = syscall
  e.path = path
  return e
}

export interface Injection {
  /** How many calls matched and were failed. */
  hits: number
  restore(): void
}

/**
 * Fails the `nth` (1-based) call of `step` whose path passes `match` (every later one too
 * when `sticky`). Restore it in a finally, or the next test inherits the fault.
 */
export function injectFault(opts: {
  step: Step
  fault: Fault
  match?: (path: string) => boolean
  nth?: number
  sticky?: boolean
}): Injection {
  const { step, fault, match = () => true, nth = 1, sticky = false } = opts
  let seen = 0
  let diskFull = false
  const inj: Injection = { hits: 0, restore: () => undefined }
  const fire = (path: string) => {
    if (!match(path)) return false
    seen++
    return seen === nth || (sticky && seen > nth)
  }
  const fail = (syscall: string, path: string) => {
    inj.hits++
    throw errnoError(fault === 'short' || fault === 'full' ? 'ENOSPC' : fault, syscall, path)
  }
  const patch: Partial<FsIo> = {}
  if (step === 'write') {
    patch.write = async (fh: FileHandle, buf, offset, length, position) => {
      const path = pathOf(fh)
      if (diskFull && match(path)) fail('write', path)
      if (fire(path)) {
        if (fault === 'short' || fault === 'full') {
          inj.hits++
          if (fault === 'full') diskFull = true
          const half = Math.max(1, Math.floor(length / 2))
          return realFsIo.write(fh, buf, offset, Math.min(half, length), position)
        }
        fail('write', path)
      }
      return realFsIo.write(fh, buf, offset, length, position)
    }
  } else if (step === 'open') {
    patch.open = async (path, flags, mode) => (fire(path) ? fail('open', path) : realFsIo.open(path, flags, mode))
  } else if (step === 'sync' || step === 'datasync' || step === 'close') {
    patch[step] = async (fh: FileHandle) => {
      if (fire(pathOf(fh))) {
        if (step === 'close') await realFsIo.close(fh)
        fail(step === 'sync' ? 'fsync' : step === 'datasync' ? 'fdatasync' : 'close', pathOf(fh))
      }
      return realFsIo[step](fh)
    }
  } else if (step === 'rename' || step === 'link') {
    patch[step] = async (from: string, to: string) => (fire(to) ? fail(step, to) : realFsIo[step](from, to))
  } else if (step === 'unlink') {
    patch.unlink = async (path: string) => (fire(path) ? fail('unlink', path) : realFsIo.unlink(path))
  } else if (step === 'syncDir') {
    patch.syncDir = async (dir: string) => (fire(dir) ? fail('fsync', dir) : realFsIo.syncDir(dir))
  }
  inj.restore = replaceFsIo(patch)
  return inj
}

/** Runs `fn` with the fault in place; always restores. */
export async function withFault<T>(opts: Parameters<typeof injectFault>[0], fn: (inj: Injection) => Promise<T>) {
  const inj = injectFault(opts)
  try {
    return await fn(inj)
  } finally {
    inj.restore()
  }
}

export { fsio }
