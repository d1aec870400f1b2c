/**
 * What the store tells a person about a file it could not use: one place for the
 * wording, so the banner, `check` and the command line say the same thing.
 */
import { worded } from '@shared/i18n/appError'
import type { WorkspaceProblem } from '@shared/domain'

/** A file that failed to parse or validate, set aside (or, for a reader, left) and what can be done. */
export function loadProblem(
  relPath: string,
  kind: 'unreadable' | 'invalid',
  why: string,
  quarantinedTo: string | undefined,
  backup: string | undefined,
): WorkspaceProblem {
  const message =
    `${relPath} could not be loaded: ${why}. ` +
    (quarantinedTo ? `The file was set aside unchanged as ${quarantinedTo}. ` : 'The file was left untouched. ') +
    (backup ? `A backup is available (${backup}).` : 'No backup of it exists yet.')
  return { file: relPath, kind, message, quarantinedTo, backupAvailable: backup }
}

/**
 * A file that exists but cannot be read (permissions, an I/O error, a parent that is not a
 * folder): reported and left where it is (the cause may pass), never quarantined.
 */
export function readProblem(relPath: string, e: NodeJS.ErrnoException): WorkspaceProblem {
  const hint =
    e.code === 'EACCES' || e.code === 'EPERM'
      ? 'Check the permissions of the file and its folder.'
      : e.code === 'ENOTDIR'
        ? 'A folder on its path is a file.'
        : 'Check the disk.'
  return {
    file: relPath,
    kind: 'unreadable',
    ...worded('errStorage:couldReadLeftUntouched', { relPath, value: e.code ?? 'error', reason: e.message, hint }),
  }
}

/** Records a problem in `list` once (the same file, kind and message are not repeated). */
export function reportOnce(list: WorkspaceProblem[], problem: WorkspaceProblem): void {
  if (!list.some((p) => p.file === problem.file && p.kind === problem.kind && p.message === problem.message))
    list.push(problem)
}

/** Why a sealed file of an encrypted workspace was refused: the same words for a change and a move. */
export const SEALED_WHY =
  "its sealed contents do not open with this workspace's key (it is damaged, or was moved here from another place)"
