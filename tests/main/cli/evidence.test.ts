import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const REF = 'ECU-USA-2026-001'

describe('casefile evidence', () => {
  it('adds a file and a URL, shows hash, status and custody, verifies, and catches a flipped byte', async () => {
    const ws = await tempDir()
    // A case of our own on a fresh folder, not the demo (which ships files of its own).
    expect(
      (await runMain(['case', 'new', '--title', 'Door incident', '--reference', REF, '--workspace', ws])).code,
    ).toBe(0)
    const src = join(await tempDir(), 'door video.mp4')
    await writeFile(src, randomBytes(700_000))
    const sha = execFileSync('sha256sum', [src], { encoding: 'utf8' }).split(' ')[0]

    const add = await runMain([
      'evidence',
      'add',
      REF,
      '--file',
      src,
      '--title',
      'Door video',
      '--workspace',
      ws,
      '--json',
    ])
    expect(add.code).toBe(0)
    const item = JSON.parse(add.stdout)
    expect(item).toMatchObject({ kind: 'video', file: { sha256: sha, size: 700_000, originalName: 'door video.mp4' } })

    const url = await runMain([
      'evidence',
      'add',
      REF,
      '--url',
      'https://example.org/post/1',
      '--title',
      'Post',
      '--kind',
      'social post',
      '--workspace',
      ws,
    ])
    expect(url.code).toBe(0)
    expect(url.stdout).toMatch(/Added evidence .* \[social post\]: Post/)

    const show = JSON.parse((await runMain(['show', REF, '--workspace', ws, '--json'])).stdout)
    const shown = show.evidence.find((e: { id: string }) => e.id === item.id)
    expect(shown.file.sha256).toBe(sha)
    expect(shown.verification.status).toBe('unverified')
    expect(shown.custody.map((c: { action: string }) => c.action)).toEqual(['imported', 'hashed'])

    const ok = await runMain(['evidence', 'verify', '--workspace', ws])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/The blob matches; audit log intact/)
    const okCase = await runMain(['evidence', 'verify', REF, '--workspace', ws, '--json'])
    expect(okCase.code).toBe(0)
    expect(JSON.parse(okCase.stdout)).toMatchObject({ ok: true, checked: 1, recorded: true })

    const blob = join(ws, 'blobs', sha)
    await chmod(blob, 0o644)
    execFileSync('sh', ['-c', `printf '\\377' | dd of="${blob}" bs=1 seek=1000 conv=notrunc 2>/dev/null`])
    const bad = await runMain(['evidence', 'verify', '--workspace', ws])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(new RegExp(`MISMATCH .*${item.id}.*"Door video".*expected ${sha} actual [0-9a-f]{64}`))
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/1 of 1 blob does not match its recorded SHA-256/)

    const custody = JSON.parse((await runMain(['show', REF, '--workspace', ws, '--json'])).stdout).evidence.find(
      (e: { id: string }) => e.id === item.id,
    ).custody
    expect(custody.map((c: { action: string }) => c.action)).toEqual([
      'imported',
      'hashed',
      'hash verified',
      'hash verified',
      'hash mismatch',
    ])
  })

  it('verify and check fail on a custody entry missing from the audit log, and say which', async () => {
    const ws = await tempDir()
    expect((await runMain(['demo', '--workspace', ws])).code).toBe(0)
    const file = join(ws, 'cases', 'case_ecu_mpls_2026', 'case.json')
    const data = JSON.parse(await readFile(file, 'utf8'))
    const item = data.evidence[0]
    item.custody.push({ ...item.custody[0], at: '2026-02-01T10:00:00.000Z', action: 'exported' })
    await writeFile(file, JSON.stringify(data))

    const verify = await runMain(['evidence', 'verify', '--workspace', ws])
    expect(verify.code).toBe(1)
    expect(verify.stdout).toContain(`NOT LOGGED case_ecu_mpls_2026/${item.id}`)
    expect(verify.stderr).toMatch(/1 custody entry is missing from the audit log/)
    const check = await runMain(['check', '--workspace', ws])
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/INCONSISTENT: Custody entry "exported" of 2026-02-01T10:00:00.000Z/)
  })

  it('exits 2 on bad usage and 1 on failures', async () => {
    const ws = await tempDir()
    expect((await runMain(['demo', '--workspace', ws])).code).toBe(0)
    const usage = [
      ['evidence', 'add', REF, '--title', 'No source'],
      ['evidence', 'add', REF, '--file', '/x', '--url', 'https://e.org', '--title', 'Both'],
      ['evidence', 'add', REF, '--url', 'https://e.org', '--title', 'T', '--kind', 'hologram'],
      ['evidence', 'add', '--url', 'https://e.org', '--title', 'T', '--kind', 'note'],
      ['evidence', 'verify', 'a', 'b'],
      ['evidence', 'verify', '--bogus'],
    ]
    for (const args of usage) {
      const r = await runMain([...args, '--workspace', ws])
      expect(r.code, args.join(' ')).toBe(2)
    }
    const missing = await runMain([
      'evidence',
      'add',
      REF,
      '--file',
      join(ws, 'nope.mp4'),
      '--title',
      'T',
      '--workspace',
      ws,
    ])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no such file/)
    const noCase = await runMain(['evidence', 'verify', 'NO-SUCH-CASE', '--workspace', ws])
    expect(noCase.code).toBe(1)
    expect(noCase.stderr).toMatch(/No case/)
  })
})
