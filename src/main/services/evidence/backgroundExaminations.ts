import type { EvidenceItem, FileAnalysis } from '@shared/domain'

/**
 * Files larger than this are examined after their import returns, not before:
 * the copy of a large video already keeps both cores busy, and its keyframes
 * would otherwise hold the new item back by as long again (bench/RESULTS.md,
 * "Import with file examination"). Smaller files are examined before the item
 * is shown, so a photo arrives with its metadata.
 */
export const EXAMINE_INLINE_UP_TO = 256 * 1024 * 1024

/** The file an import copied from, read instead of the stored blob while it has not changed. */
export interface ExaminationSource {
  path: string
  unchanged: (storedSize: number) => Promise<boolean>
}

interface Deps {
  /** Examines a file (the stored blob when `path` is not given); undefined when nothing examines files. */
  examine(caseId: string, item: EvidenceItem, signal: AbortSignal, path?: string): Promise<FileAnalysis | undefined>
  /** Keeps the analysis with the item as it stands then (its technical check, the audit log). */
  keep(caseId: string, evidenceId: string, analysis: FileAnalysis): Promise<void>
  /** Told when the item's examination is over, recorded or not (the window stops saying it is under way). */
  over(caseId: string, evidenceId: string): void
}

/**
 * Examinations that run after the import that asked for them has returned.
 * Each is recorded as a re-reading is (its own audit entry); closing the
 * workspace waits for them, so a command-line import still records its
 * examination before the process ends (a lock stops them instead). One that
 * fails leaves the item unexamined, as an old import is, for the person to re-read.
 */
export function createBackgroundExaminations(deps: Deps) {
  const running = new Map<string, Promise<void>>()
  // One at a time: a batch of long videos must not start an ffmpeg each on two cores.
  let tail: Promise<void> = Promise.resolve()
  let closing = false
  const stop = new AbortController()
  const keyOf = (caseId: string, evidenceId: string) => `${caseId}/${evidenceId}`

  async function examineNow(caseId: string, item: EvidenceItem, source?: ExaminationSource) {
    const file = item.file
    if (!file) return
    let analysis: FileAnalysis | undefined
    if (source) {
      analysis = await deps.examine(caseId, item, stop.signal, source.path)
      if (analysis && !(await source.unchanged(file.size))) analysis = undefined
    }
    analysis ??= await deps.examine(caseId, item, stop.signal)
    if (analysis && !stop.signal.aborted) await deps.keep(caseId, item.id, analysis)
  }

  return {
    /** Starts examining the item's file; the item must hold one. */
    schedule(caseId: string, item: EvidenceItem, source?: ExaminationSource): void {
      if (closing) return
      const key = keyOf(caseId, item.id)
      const run: Promise<void> = tail
        .then(() => examineNow(caseId, item, source))
        // The item may have gone meanwhile (removed, its case moved out): nothing to record then.
        .catch(() => undefined)
        .finally(() => {
          if (running.get(key) === run) running.delete(key)
          deps.over(caseId, item.id)
        })
      tail = run
      running.set(key, run)
    },

    /** Whether the item's file is being examined now. */
    examining: (caseId: string, evidenceId: string) => running.has(keyOf(caseId, evidenceId)),

    /** Resolves once the item's examination (if one is running) has been recorded or has failed. */
    done: async (caseId: string, evidenceId: string): Promise<void> => {
      await running.get(keyOf(caseId, evidenceId))
    },

    /** Resolves once every examination started so far has been recorded (or has failed). */
    async settled(): Promise<void> {
      while (running.size) await Promise.all([...running.values()])
    },

    /**
     * No more examinations start (the workspace is closing). Those running are waited for, so the
     * command line's import records its examination; with `stop` (the app lock, which must not wait
     * on a long video) they are stopped, and their items stay unexamined.
     */
    async finish(opts: { stop?: boolean } = {}): Promise<void> {
      closing = true
      if (opts.stop) stop.abort()
      await this.settled()
    },
  }
}
