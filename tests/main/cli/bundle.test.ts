/**
 * The command line as a user runs it: bin/casefile.mjs with the bundle that
 * `npm install` and `npm run build` make (scripts/build-cli.mjs). Built fresh
 * here, so the bundle under test is the code under test. The only test file
 * that touches dist/cli; every other CLI test runs the sources.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { rename, utimes, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { SEAL_IN_THREAD_FROM } from '@main/storage/crypto/sealThread'
import { runCli } from '../../helpers/cli'
import { hasFfmpeg, makeVideo } from '../../helpers/media'
import { useTempDirs } from '../../helpers/tmp'

const ROOT = resolve(__dirname, '../../..')
const DIST = join(ROOT, 'dist', 'cli')
const tempDir = useTempDirs()

describe('the built command line', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
  }, 120_000)

  it('is one ESM file with its workers beside it, and git ignores it', () => {
    expect(existsSync(join(DIST, 'casefile.mjs'))).toBe(true)
    expect(existsSync(join(DIST, 'searchWorker.js'))).toBe(true)
    expect(existsSync(join(DIST, 'sealWorker.js'))).toBe(true)
    const bundle = readFileSync(join(DIST, 'casefile.mjs'), 'utf8')
    // Every package is inside but pdfkit and i18next, which are required on first use, not at start.
    expect(bundle).not.toMatch(/from\s*"(zod|lowdb|proper-lockfile|write-file-atomic|pdfkit|i18next|i18next-icu)"/)
    for (const lazy of ['pdfkit', 'i18next', 'i18next-icu']) expect(bundle).toContain(`("${lazy}")`)
    const ignored = execFileSync('git', ['check-ignore', join(DIST, 'casefile.mjs')], { cwd: ROOT, encoding: 'utf8' })
    expect(ignored.trim()).toBe(join(DIST, 'casefile.mjs'))
  })

  it('runs every kind of command from bin/casefile.mjs on a fresh folder, search in its worker, export with its fonts', async () => {
    const ws = join(await tempDir(), 'ws')
    const elsewhere = await tempDir() // not the repository: fonts and the worker must be found from the bundle itself
    const cf = (...args: string[]) => runCli([...args, '--workspace', ws], { bin: true, cwd: elsewhere })

    const version = await cf('--version')
    expect(version.stdout.trim()).toMatch(/^casefile \d+\.\d+\.\d+ \(bundle\)$/)

    expect((await cf('case', 'new', '--title', 'Consulate door incident', '--reference', 'R-1')).code).toBe(0)
    const at = await cf('event', 'add', 'R-1', '--at', '2026-01-27T11:00', '--tz', 'America/Chicago', '--text', 'Door')
    expect(at.stdout).toMatch(/27 Jan 2026, 11:00 \(America\/Chicago, UTC-06:00\)/)
    const doc = join(elsewhere, 'nota de protesta.txt')
    await writeFile(doc, 'Los locales consulares serán inviolables.\n')
    const item = JSON.parse((await cf('evidence', 'add', 'R-1', '--file', doc, '--json')).stdout)
    expect(item).toMatchObject({ title: 'nota de protesta.txt', kind: 'document' })
    expect((await cf('briefing', 'new', 'R-1')).code).toBe(0)

    const search = await runCli(['search', 'protesta', '--workspace', ws, '--json'], {
      bin: true,
      cwd: elsewhere,
      env: { NODE_DEBUG: 'worker' },
    })
    expect(search.code).toBe(0)
    expect(search.stderr).toContain(join(DIST, 'searchWorker.js'))
    expect(JSON.parse(search.stdout.slice(search.stdout.indexOf('[')))).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'evidence', id: item.id })]),
    )

    const pdf = join(elsewhere, 'memo.pdf')
    const out = await cf('export', 'R-1', '--out', pdf)
    expect(out.code, out.stderr).toBe(0)
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/DejaVuSans/)

    const check = await cf('check')
    expect(check.code).toBe(0)

    // The demo's sample files are found from the bundle's own place, not the working folder.
    const demo = join(elsewhere, 'demo')
    expect((await runCli(['demo', '--workspace', demo], { bin: true, cwd: elsewhere })).code).toBe(0)
    const items = JSON.parse(
      (
        await runCli(['evidence', 'list', 'ECU-USA-2026-001', '--workspace', demo, '--json'], {
          bin: true,
          cwd: elsewhere,
        })
      ).stdout,
    ) as { file?: { sha256: string } }[]
    expect(items.filter((e) => e.file).length).toBeGreaterThanOrEqual(2)
    const bad = await cf('actor', 'add', 'R-1')
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  }, 120_000)

  it.skipIf(!hasFfmpeg)(
    'reads a video without ffprobe through mediainfo.js and its WebAssembly',
    async () => {
      const ws = join(await tempDir(), 'ws')
      const elsewhere = await tempDir()
      const clip = join(elsewhere, 'clip.mp4')
      makeVideo(clip, { seconds: 2, creationTime: '2026-01-27T17:00:00Z' })
      const noTools = await tempDir() // PATH holds neither ffprobe nor ffmpeg
      const cf = (...args: string[]) =>
        runCli([...args, '--workspace', ws], { bin: true, cwd: elsewhere, env: { PATH: noTools } })
      expect((await cf('case', 'new', '--title', 'Without ffprobe', '--reference', 'R-2')).code).toBe(0)
      const added = await cf('evidence', 'add', 'R-2', '--file', clip, '--json')
      expect(added.code, added.stderr).toBe(0)
      const item = JSON.parse(added.stdout) as { analysis: { metadata: { readers: string[]; facts: unknown[] } } }
      expect(item.analysis.metadata.readers).toEqual(['mediainfo.js 0.3.8 (ffprobe not found on PATH)'])
      expect(item.analysis.metadata.facts).toContainEqual({
        name: 'captureTime',
        value: '2026-01-27T17:00:00Z',
        source: { reader: 'mediainfo.js', field: 'General.Encoded_Date' },
      })
    },
    120_000,
  )

  it('seals a large file in its worker in an encrypted workspace, and verifies it', async () => {
    const ws = join(await tempDir(), 'ws')
    const elsewhere = await tempDir()
    const env = { CASEFILE_NEW_PASSPHRASE: 'bundle passphrase', CASEFILE_PASSPHRASE: 'bundle passphrase' }
    const cf = (args: string[], extra: Record<string, string> = {}) =>
      runCli([...args, '--workspace', ws], { bin: true, cwd: elsewhere, env: { ...env, ...extra } })
    expect((await cf(['case', 'new', '--title', 'Large', '--reference', 'L-1'])).code).toBe(0)
    expect((await cf(['encrypt'])).code).toBe(0)
    const big = join(elsewhere, 'recording.bin')
    await writeFile(big, randomBytes(SEAL_IN_THREAD_FROM + 1))
    const add = await cf(['evidence', 'add', 'L-1', '--file', big], { NODE_DEBUG: 'worker' })
    expect(add.code, add.stderr).toBe(0)
    expect(add.stderr).toContain(join(DIST, 'sealWorker.js'))
    const verify = await cf(['evidence', 'verify'])
    expect(verify.code, verify.stdout + verify.stderr).toBe(0)
    expect(verify.stdout).toMatch(/The blob matches; audit log intact/)
  }, 120_000)

  it('runs the sources, saying nothing, when one of them changed after the bundle was built', async () => {
    const bundle = join(DIST, 'casefile.mjs')
    // The bundle made long ago, not a source touched: the checkout is left as it was.
    await utimes(bundle, new Date('2001-01-01'), new Date('2001-01-01'))
    try {
      const r = await runCli(['--version'], { bin: true })
      expect(r).toEqual({ code: 0, stdout: 'casefile (from sources)\n', stderr: '' })
    } finally {
      await utimes(bundle, new Date(), new Date())
    }
    expect((await runCli(['--version'], { bin: true })).stdout).toMatch(/\(bundle\)/)
  }, 60_000)

  it('falls back to the sources, saying nothing, when the bundle is missing', async () => {
    const away = `${DIST}.away-${process.pid}`
    await rename(DIST, away)
    try {
      const r = await runCli(['--version'], { bin: true })
      expect(r).toEqual({ code: 0, stdout: 'casefile (from sources)\n', stderr: '' })
    } finally {
      await rename(away, DIST)
    }
  }, 60_000)
})
