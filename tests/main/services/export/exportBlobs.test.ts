import { chmod, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const CASE = 'case_ecu_mpls_2026'

describe('export and the stored files behind the exhibits', () => {
  it('names an exhibit whose stored file was altered or is missing, in the result and the workspace problems', async () => {
    const ws = await tempDir()
    const out = await tempDir()
    const s = await openWorkspace(ws, { newId: sequentialIds() })
    try {
      await s.demo.install()
      for (const name of ['one.txt', 'two.txt']) {
        const src = join(await tempDir(), name)
        await writeFile(src, `bytes of ${name}`)
        await s.evidence.importFile(CASE, src, { title: name })
      }
      const clean = await s.exports.toFile({ caseId: CASE, outPath: join(out, 'a.pdf'), deterministic: true })
      expect(clean.warnings).toBeUndefined()
      const [first, second] = (await readdir(join(ws, 'blobs'))).filter((n) => /^[0-9a-f]{64}$/.test(n)).sort()
      await chmod(join(ws, 'blobs', first), 0o644)
      await writeFile(join(ws, 'blobs', first), 'changed')
      await rm(join(ws, 'blobs', second), { force: true })
      const r = await s.exports.toFile({ caseId: CASE, outPath: join(out, 'b.pdf'), deterministic: true })
      expect(r.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/was altered: its SHA-256 is/),
          expect.stringMatching(/is missing from the blob store/),
        ]),
      )
      expect(
        s.workspace
          .problems()
          .map((p) => p.file)
          .sort(),
      ).toEqual([`blobs/${first}`, `blobs/${second}`])
    } finally {
      await s.close()
    }
  })
})
