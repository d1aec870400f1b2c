import { describe, expect, it } from 'vitest'
import { runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('casefile search', () => {
  it('finds accented text from a plain query, prints JSON hits, and [] with exit 0 when nothing matches', async () => {
    const ws = await tempDir()
    expect((await runMain(['demo', '--workspace', ws])).code).toBe(0)

    const found = await runMain(['search', 'cancilleria', '--workspace', ws, '--json'])
    expect(found.stderr).toBe('')
    expect(found.code).toBe(0)
    const hits = JSON.parse(found.stdout) as {
      kind: string
      caseReference: string
      id: string
      snippet: { text: string }
    }[]
    expect(hits.length).toBeGreaterThanOrEqual(3)
    expect(hits.map((h) => h.id)).toContain('actor_mfa_ecuador')
    expect(hits.every((h) => h.caseReference === 'ECU-USA-2026-001')).toBe(true)

    const table = await runMain(['search', 'embasy', '--workspace', ws])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^KIND\s+CASE\s+ID\s+MATCH/)
    expect(table.stdout).toMatch(/actor\s+ECU-USA-2026-001\s+actor_us_embassy_quito\s+U\.S\. Embassy in Quito/)

    const none = await runMain(['search', 'qwertyuiop', '--workspace', ws, '--json'])
    expect(none.code).toBe(0)
    expect(JSON.parse(none.stdout)).toEqual([])
    const noneText = await runMain(['search', 'qwertyuiop', '--workspace', ws])
    expect(noneText.code).toBe(0)
    expect(noneText.stdout).toBe('')

    const bad = await runMain(['search', 'x', '--kind', 'planet', '--workspace', ws])
    expect(bad.code).toBe(2)
  }, 90_000)
})
