/**
 * The problems a store met with its files this session (and those set aside in an
 * earlier one), each said once, and those waiting with a folder that is out of the
 * workspace (a case in the trash) until it is back: what `check`, the banner and
 * the command line list, and what decides whether a file may be put back from a backup.
 */
import { sep } from 'node:path'
import type { WorkspaceProblem } from '@shared/domain'

const sameProblem = (a: WorkspaceProblem, b: WorkspaceProblem) =>
  a.file === b.file && a.kind === b.kind && a.message === b.message

export class ProblemLog {
  private readonly here: WorkspaceProblem[] = []
  /** Problems of files whose folder is out of the workspace: reported again once it is back. */
  private readonly away: WorkspaceProblem[] = []
  private readonly awayDirs = new Set<string>()

  /** Every problem recorded, oldest first (a copy). */
  all(): WorkspaceProblem[] {
    return [...this.here]
  }

  /** Records a problem once (the same file, kind and message are not repeated). */
  report(problem: WorkspaceProblem): void {
    if (!this.here.some((p) => sameProblem(p, problem))) this.here.push(problem)
  }

  /** Records a problem of a file whose folder is away: it waits with the folder (`bringBackUnder`). */
  reportAway(problem: WorkspaceProblem): void {
    if (!this.away.some((p) => sameProblem(p, problem))) this.away.push(problem)
  }

  /** Drops one recorded problem (it was dealt with, and said so elsewhere). */
  drop(problem: WorkspaceProblem): void {
    const i = this.here.indexOf(problem)
    if (i >= 0) this.here.splice(i, 1)
  }

  /** Drops the recorded problems of a file (it was restored or rebuilt). */
  clear(relPath: string): void {
    for (let i = this.here.length - 1; i >= 0; i--) if (this.here[i].file === relPath) this.here.splice(i, 1)
  }

  /**
   * A folder left the workspace (a case to the trash): nothing there can be repaired, so its files' problems wait.
   * Until it is back (`bringBackUnder`), whatever appears at its place is not it (`isAway`).
   */
  setAwayUnder(relDir: string): void {
    this.awayDirs.add(relDir)
    const under = (p: WorkspaceProblem) => p.file.startsWith(relDir + sep)
    this.away.push(...this.here.filter(under))
    for (let i = this.here.length - 1; i >= 0; i--) if (under(this.here[i])) this.here.splice(i, 1)
  }

  /** Whether relDir's folder is away (in the trash): a folder at its place now is something else, left by hand. */
  isAway(relDir: string): boolean {
    return this.awayDirs.has(relDir)
  }

  /** The folder will not come back (its trash entry was dropped): what is at its place now is taken as it is. */
  noLongerAway(relDir: string): void {
    this.awayDirs.delete(relDir)
  }

  /** The folder is back: so are its files' problems. */
  bringBackUnder(relDir: string): void {
    this.awayDirs.delete(relDir)
    for (let i = this.away.length - 1; i >= 0; i--)
      if (this.away[i].file.startsWith(relDir + sep)) this.report(this.away.splice(i, 1)[0])
  }

  /**
   * Where relPath was set aside as damaged, this session or an earlier one; undefined when it was not.
   * `away`: also while its folder is out of the workspace.
   */
  setAsideAs(relPath: string, opts: { away?: boolean } = {}): string | undefined {
    const list = opts.away ? [...this.here, ...this.away] : this.here
    return list.find((p) => p.file === relPath && p.quarantinedTo)?.quarantinedTo
  }

  /** Whether relPath failed to load (not merely newer or inconsistent): only such a file may be put back from a backup. */
  failedToLoad(relPath: string): boolean {
    return this.here.some((p) => p.file === relPath && p.kind !== 'newer-version' && p.kind !== 'inconsistent')
  }
}
