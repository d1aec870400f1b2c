import { describe, expect, it } from 'vitest'
import type { WorkspaceProblem } from '@shared/domain'
import { ProblemLog } from '@main/storage/problemLog'

const p: WorkspaceProblem = { file: 'a.json', kind: 'invalid', message: 'm' }

describe('ProblemLog', () => {
  it('reports a problem once: the same file, kind and message are not repeated', () => {
    const log = new ProblemLog()
    log.report(p)
    log.report({ ...p })
    expect(log.all()).toEqual([p])
    for (const other of [
      { ...p, file: 'b.json' },
      { ...p, kind: 'unreadable' as const },
      { ...p, message: 'n' },
    ]) {
      log.report(other)
      expect(log.all().at(-1)).toBe(other)
    }
    expect(log.all()).toHaveLength(4)
    // A copy: what a caller does with the list does not change the log.
    log.all().pop()
    expect(log.all()).toHaveLength(4)
  })

  it('drops one problem, or every problem of a file', () => {
    const log = new ProblemLog()
    const q = { ...p, kind: 'missing' as const }
    log.report(p)
    log.report(q)
    log.report({ ...p, file: 'b.json' })
    log.drop({ ...q }) // an equal problem is not the one recorded
    expect(log.all()).toHaveLength(3)
    log.drop(q)
    expect(log.all().map((x) => x.kind)).toEqual(['invalid', 'invalid'])
    log.clear('a.json')
    expect(log.all().map((x) => x.file)).toEqual(['b.json'])
  })

  it('only a file that failed to load may be put back from a backup; set-aside places are found, away ones on request', () => {
    const log = new ProblemLog()
    log.report({ file: 'n.json', kind: 'newer-version', message: 'n' })
    log.report({ file: 'i.json', kind: 'inconsistent', message: 'i' })
    log.report({ file: 'c/x.json', kind: 'quarantined', message: 'q', quarantinedTo: 'quarantine/x' })
    expect(['n.json', 'i.json', 'c/x.json', 'none.json'].map((f) => log.failedToLoad(f))).toEqual([
      false,
      false,
      true,
      false,
    ])
    expect(log.setAsideAs('c/x.json')).toBe('quarantine/x')
    log.setAwayUnder('c')
    expect(log.setAsideAs('c/x.json')).toBeUndefined()
    expect(log.setAsideAs('c/x.json', { away: true })).toBe('quarantine/x')
    log.reportAway({ file: 'c/y.json', kind: 'quarantined', message: 'y', quarantinedTo: 'quarantine/y' })
    log.reportAway({ file: 'c/y.json', kind: 'quarantined', message: 'y', quarantinedTo: 'quarantine/y' })
    expect(log.failedToLoad('c/x.json')).toBe(false)
    log.bringBackUnder('c')
    expect(
      log
        .all()
        .filter((x) => x.file.startsWith('c/'))
        .map((x) => x.file),
    ).toEqual(['c/y.json', 'c/x.json'])
  })
})
