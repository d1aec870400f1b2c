import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const REF = 'ECU-USA-2026-001'

describe('casefile bundle and keys', () => {
  it('a stranger carries a case from one fresh workspace to another, trusts the key, and is refused a damaged bundle', async () => {
    const root = await tempDir()
    const A = join(root, 'sender')
    const B = join(root, 'receiver')
    const file = join(root, 'media', 'consulate.casefile')
    expect((await runCli(['demo', '--workspace', A])).code).toBe(0)

    const ex = await runCli(['bundle', 'export', REF, '--out', file, '--workspace', A, '--json'])
    expect(ex.code, ex.stderr).toBe(0)
    const exported = JSON.parse(ex.stdout)
    expect(exported).toMatchObject({
      path: file,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      evidence: 5,
      blobs: 2,
    })

    const im = await runCli(['bundle', 'import', file, '--workspace', B])
    expect(im.code, im.stderr).toBe(0)
    expect(im.stdout).toMatch(/Imported case case_ecu_mpls_2026/)
    expect(im.stdout).toMatch(/Trust: +NEW/)
    expect(im.stdout).toContain(`casefile --workspace=${B} keys trust ${exported.fingerprint}`)
    expect(im.stdout).toContain(exported.sha256)

    const check = await runCli(['check', '--workspace', B])
    expect(check.code, check.stdout + check.stderr).toBe(0)
    const verify = await runCli(['evidence', 'verify', '--workspace', B])
    expect(verify.code, verify.stdout + verify.stderr).toBe(0)

    const trust = await runCli(['keys', 'trust', exported.fingerprint.replace(/(.{4})/g, '$1:'), '--workspace', B])
    expect(trust.code, trust.stderr).toBe(0)
    const inspect = await runCli(['bundle', 'inspect', file, '--workspace', B])
    expect(inspect.code, inspect.stderr).toBe(0)
    expect(inspect.stdout).toMatch(/Trust: +known/)
    expect(inspect.stdout).toMatch(/Clash: +this workspace has case case_ecu_mpls_2026/)

    const again = await runCli(['bundle', 'import', file, '--workspace', B])
    expect(again.code).toBe(1)
    expect(again.stderr.trim().split('\n')).toHaveLength(1)
    expect(again.stderr).toMatch(/already has case case_ecu_mpls_2026/)
    const both = await runCli(['bundle', 'import', file, '--workspace', B, '--on-clash', 'keep-both', '--json'])
    expect(both.code, both.stderr).toBe(0)
    expect(JSON.parse(both.stdout)).toMatchObject({ clash: 'keep-both', signer: { trust: 'known' } })
    expect((await runCli(['bundle', 'import', file, '--workspace', B, '--on-clash', 'merge'])).code).toBe(2)

    const cut = join(root, 'media', 'cut.casefile')
    await writeFile(cut, (await readFile(file)).subarray(0, 20_000))
    const bad = await runCli(['bundle', 'import', cut, '--workspace', B])
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/The bundle was refused: it is not a readable zip archive/)

    const keys = JSON.parse((await runCli(['keys', 'list', '--workspace', B, '--json'])).stdout)
    expect(keys.keys).toEqual([expect.objectContaining({ fingerprint: exported.fingerprint, trusted: true })])
    expect((await runCli(['keys', 'remove', exported.fingerprint, '--workspace', B])).code).toBe(0)
    expect((await runCli(['keys', 'trust', 'abc', '--workspace', B])).code).toBe(1)
  }, 300_000)

  it('export --leave-out names what it leaves out', async () => {
    const root = await tempDir()
    const A = join(root, 'sender')
    expect((await runCli(['demo', '--workspace', A])).code).toBe(0)
    const file = join(root, 'part.casefile')
    const r = await runCli([
      'bundle',
      'export',
      REF,
      '--out',
      file,
      '--leave-out',
      'evidence_sample_clip',
      '--leave-out',
      'evidence_video',
      '--workspace',
      A,
    ])
    expect(r.code, r.stderr).toBe(0)
    // In the case's order.
    expect(r.stdout).toMatch(/Left out +evidence_video, evidence_sample_clip/)
    const inspect = await runCli(['bundle', 'inspect', file, '--workspace', A, '--json'])
    expect(JSON.parse(inspect.stdout)).toMatchObject({
      signer: { own: true, trust: 'known' },
      leftOut: [{ evidenceId: 'evidence_video' }, { evidenceId: 'evidence_sample_clip' }],
    })
    expect((await runCli(['bundle', 'export', REF, '--out', join(root, 'x.zip'), '--workspace', A])).code).toBe(2)
  }, 120_000)
})
