/**
 * What the store tells a person about a file it could not use: one place for the
 * wording, so the banner, `check` and the command line say the same thing.
 */
import { say } from '@shared/i18n'
import { worded } from '@shared/i18n/appError'
import { invalidInputText, localValues } from '@shared/i18n/invalidInput'
import type { WorkspaceProblem } from '@shared/domain'
import type { MessageRef } from '@shared/ipc/result'
import { NOT_A_FILE_ID, type NotAFileKind } from './safeRead'
import type { StoredJsonFailure } from './storedJson'

/** Why the store refused a file, as the catalogue words it (errStorage:fileNotLoaded). */
export type LoadReason =
  | { reason: 'utf8' | 'object' | 'sealed' }
  | { reason: 'json'; detail: string }
  | { reason: 'migration'; version: number; detail: string }
  /** `issues`: the first zod issue without its path, carried (invalidInputText); `path` where it is. */
  | { reason: 'shape'; path: string; issues: string }
  | { reason: 'notRegular'; entry: NotAFileKind }

/** What parseStoredJson said, as a reason the catalogue words. */
export function reasonOf(failure: StoredJsonFailure): LoadReason {
  switch (failure.step) {
    case 'utf8':
    case 'object':
      return { reason: failure.step }
    case 'json':
      return { reason: 'json', detail: failure.detail }
    case 'migration':
      return { reason: 'migration', version: failure.version, detail: failure.detail }
    case 'shape': {
      const first = failure.error.issues[0]
      const issues = invalidInputText({ issues: first ? [{ ...first, path: [] }] : [] }).values!.issues as string
      return { reason: 'shape', path: first?.path.length ? first.path.join('.') : '', issues }
    }
  }
}

const reasonValues = (why: LoadReason) => ({
  detail: '',
  version: 0,
  issues: '',
  ...why,
  path: why.reason === 'shape' && why.path ? why.path : 'none',
  entry: why.reason === 'notRegular' ? NOT_A_FILE_ID[why.entry] : '',
})

/** Why a file would not load, alone, to be said inside another sentence (`nestedText`). */
export const reasonText = (why: LoadReason): MessageRef => ({
  key: 'errStorage:whyNotLoaded',
  values: reasonValues(why),
})

/**
 * A file that failed to parse or validate, set aside (or, for a reader, left) and what can be done:
 * worded from the catalogue, so the banner, `check` and the command line say it in their language.
 */
export function loadProblem(
  relPath: string,
  kind: 'unreadable' | 'invalid',
  why: LoadReason,
  quarantinedTo: string | undefined,
  backup: string | undefined,
): WorkspaceProblem {
  const values = {
    relPath,
    ...reasonValues(why),
    quarantined: quarantinedTo ?? 'none',
    backup: backup ?? 'none',
  }
  const text = { key: 'errStorage:fileNotLoaded' as const, values }
  const message = say('en', text.key, localValues(text, 'en'))
  return { file: relPath, kind, message, text, quarantinedTo, backupAvailable: backup }
}

/**
 * A file that exists but cannot be read (permissions, an I/O error, a parent that is not a
 * folder): reported and left where it is (the cause may pass), never quarantined.
 */
export function readProblem(relPath: string, e: NodeJS.ErrnoException): WorkspaceProblem {
  const hint = e.code === 'EACCES' || e.code === 'EPERM' ? 'access' : e.code === 'ENOTDIR' ? 'notdir' : 'disk'
  return {
    file: relPath,
    kind: 'unreadable',
    ...worded('errStorage:couldReadLeftUntouched', { relPath, value: e.code ?? 'error', reason: e.message, hint }),
  }
}
