import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { editCaseFileOnDisk } from '../../../helpers/storedFiles'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function demoWorkspace() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const caseId = await s.demo.install()
  return { root, s, caseId }
}

describe('workspace check', () => {
  it('finds nothing wrong with a workspace the app wrote', async () => {
    const { s } = await demoWorkspace()
    try {
      const report = await s.check.run()
      expect(report.problems).toEqual([])
      expect(report.filesChecked).toBeGreaterThan(3)
    } finally {
      await s.close()
    }
  })

  it('reports a custody entry that never reached the audit log', async () => {
    const { root, s: first, caseId } = await demoWorkspace()
    const item = (await first.caseDetail.get(caseId)).evidence[0]
    await first.close()
    // What a stop between the case write and the audit append leaves behind.
    await editCaseFileOnDisk(root, caseId, (file) => {
      file.evidence[0].custody.push({ ...item.custody[0], at: '2026-02-01T10:00:00.000Z', action: 'exported' })
    })
    const s = await openWorkspace(root)
    try {
      const report = await s.check.run()
      expect(report.problems).toEqual([
        expect.objectContaining({
          kind: 'inconsistent',
          file: `cases/${caseId}/case.json`,
          message: expect.stringContaining(`"exported" of 2026-02-01T10:00:00.000Z on evidence "${item.title}"`),
        }),
      ])
    } finally {
      await s.close()
    }
  })

  it('reports a damaged case file once', async () => {
    const { root, s, caseId } = await demoWorkspace()
    await s.close()
    await writeFile(join(root, 'cases', caseId, 'case.json'), '{ "schemaVersion": 1, "case": { broken')
    const again = await openWorkspace(root, { readOnly: true })
    try {
      const report = await again.check.run()
      expect(report.problems).toHaveLength(1)
      expect(report.problems[0]).toMatchObject({ file: `cases/${caseId}/case.json` })
    } finally {
      await again.close()
    }
  })

  it('reports an audit log whose hash chain was broken', async () => {
    const { root, s } = await demoWorkspace()
    await s.close()
    const log = join(root, 'audit.log.jsonl')
    const lines = (await readFile(log, 'utf8')).split('\n')
    lines[1] = lines[1].replace(/"actor":"[^"]*"/, '"actor":"someone else"')
    await writeFile(log, lines.join('\n'))
    const again = await openWorkspace(root, { readOnly: true })
    try {
      const report = await again.check.run()
      expect(report.problems).toEqual([
        expect.objectContaining({
          kind: 'invalid',
          file: 'audit.log.jsonl',
          message: expect.stringMatching(/hash chain is broken: entry 1/),
        }),
      ])
    } finally {
      await again.close()
    }
  })
})
