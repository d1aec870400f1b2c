/**
 * examinations.ts: what reading a stored file keeps. No analyser, no analysis (not a failed one); an
 * examination that runs after the import is kept with the item, noted in the audit log with what it
 * found, and the window told twice: when it is kept and when it is over.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Change } from '@main/services/changes'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { patternJpeg, withExif } from '../../../helpers/media'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function photo() {
  const path = join(await tempDir('casefile-media-'), 'door.jpg')
  await writeFile(path, withExif(await patternJpeg(5), { make: 'Door Cam' }))
  return path
}

describe('examinations', () => {
  it('a workspace opened with nothing to examine files keeps no analysis, not a failed one', async () => {
    const s = await openWorkspace(await tempDir(), { newId: sequentialIds(), analysis: false })
    try {
      const c = await s.cases.create({ title: 'No analyser' })
      const item = await s.evidence.importFile(c.id, await photo())
      expect(item.analysis).toBeUndefined()
      expect((await s.evidence.get(c.id, item.id)).analysis).toBeUndefined()
      expect((await s.audit.list({ target: `evidence:${c.id}/${item.id}` })).map((e) => e.action)).toEqual([
        'imported',
        'hashed',
      ])
    } finally {
      await s.close()
    }
  })

  it('an examination after the import is kept, noted with what it found, and the window told it is kept and over', async () => {
    const s = await openWorkspace(await tempDir(), { newId: sequentialIds(), examineInlineUpTo: 0 })
    try {
      const c = await s.cases.create({ title: 'Later' })
      const changes: Change[] = []
      s.ctx.changes.on((ch) => changes.push(ch))
      const item = await s.evidence.importFile(c.id, await photo())
      expect(item.analysis).toBeUndefined()
      const before = changes.length
      await s.evidence.examinationsSettled()
      // (The case's own change, its updated time in the list, comes too.)
      expect(changes.slice(before).filter((ch) => ch.kind === 'evidence')).toEqual([
        { kind: 'evidence', op: 'upsert', caseId: c.id, id: item.id },
        { kind: 'evidence', op: 'upsert', caseId: c.id, id: item.id },
      ])
      const kept = await s.evidence.get(c.id, item.id)
      expect(kept.analysis).toMatchObject({ sha256: item.file!.sha256, metadata: { status: 'found' } })
      const noted = (await s.audit.list({ target: `evidence:${c.id}/${item.id}` })).at(-1)!
      expect(noted).toMatchObject({
        action: 'examined',
        detail: {
          sha256: item.file!.sha256,
          metadata: 'found',
          facts: kept.analysis!.metadata.facts.length,
          fingerprint: 'image',
        },
      })
    } finally {
      await s.close()
    }
  })
})
