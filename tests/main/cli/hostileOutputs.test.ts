/**
 * What a hostile-user review of the command line found after the encryption
 * and bundle merges: outputs renamed over special files, a mistyped workspace
 * "encrypted", and bundles between encrypted workspaces that did not open.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync } from 'node:fs'
import { readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runMain } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const env = { ...process.env }
afterEach(() => {
  process.env = { ...env }
})

async function cf(ws: string, ...args: string[]) {
  const r = await runMain([...args, '--workspace', ws])
  if (r.code !== 0) throw new Error(`casefile ${args.join(' ')}: ${r.stderr}`)
  return r
}

describe('outputs and encryption under hostile use', () => {
  it('never renames an export over a FIFO; the FIFO stays one', async () => {
    const dir = await tempDir()
    const ws = join(dir, 'ws')
    await cf(ws, 'case', 'new', '--title', 'T', '--reference', 'R-1')
    const fifo = join(dir, 'out.pdf')
    execFileSync('mkfifo', [fifo])
    const r = await runMain(['export', 'R-1', '--out', fifo, '--workspace', ws])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/out\.pdf is a FIFO \(named pipe\), not a regular file; name a file to write\./)
    const es = await runMain(['export', 'R-1', '--out', fifo, '--lang', 'es', '--workspace', ws])
    expect(es.stderr).toContain('es una FIFO (tubería con nombre), no un archivo normal; indique un archivo')
    expect(lstatSync(fifo).isFIFO()).toBe(true)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('writes no memo, bundle or transcript into the workspace folder, however it is named', async () => {
    const dir = await tempDir()
    const ws = join(dir, 'ws')
    await cf(ws, 'case', 'new', '--title', 'T', '--reference', 'R-1')
    await cf(ws, 'evidence', 'add', 'R-1', '--url', 'https://example.org/clip', '--title', 'Clip')
    const [item] = JSON.parse((await cf(ws, 'evidence', 'list', 'R-1', '--json')).stdout) as { id: string }[]
    const [c] = JSON.parse((await cf(ws, 'case', 'list', '--json')).stdout) as { id: string }[]
    await symlink(ws, join(dir, 'link'))
    const caseFile = join(ws, 'cases', c.id, 'case.json')
    const files = () =>
      (readdirSync(ws, { recursive: true }) as string[]).filter((n) => !n.startsWith('.casefile.lock')).sort()
    const before = await readFile(caseFile)
    const held = files()
    const tries = [
      ['export', 'R-1', '--out', join(ws, 'cases', c.id, 'memo.pdf')],
      ['export', 'R-1', '--out', join(dir, 'link', 'backups', 'memo.pdf')],
      ['bundle', 'export', 'R-1', '--out', join(ws, 'cases', 'r1.casefile')],
      ['annotation', 'export', item.id, '--out', join(dir, 'link', 'sub', 'clip.vtt')],
    ]
    for (const args of tries) {
      const r = await runMain([...args, '--workspace', ws])
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stderr).toContain('is inside the workspace folder')
      expect(r.stdout).toBe('')
    }
    const es = await runMain(['export', 'R-1', '--out', join(ws, 'cases', 'm.pdf'), '--lang', 'es', '--workspace', ws])
    expect(es.stderr).toContain('está dentro de la carpeta del espacio de trabajo')
    expect(await readFile(caseFile)).toEqual(before)
    expect(files()).toEqual(held)
    // A memo at the top of a plain workspace, beside its files, is the person's to keep there.
    await cf(ws, 'export', 'R-1', '--out', join(ws, 'memo.pdf'))
    await cf(ws, 'check')
    await cf(ws, 'check')
  })

  it('refuses to encrypt a folder that holds no workspace, creating nothing', async () => {
    const dir = await tempDir()
    process.env.CASEFILE_NEW_PASSPHRASE = 'correct horse battery'
    const r = await runMain(['encrypt', '--workspace', join(dir, 'typo')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/no Casefile workspace/)
    expect(existsSync(join(dir, 'typo'))).toBe(false)
  })

  it('carries a case with evidence from one encrypted workspace to another, which opens and checks it', async () => {
    const dir = await tempDir()
    const [from, to] = [join(dir, 'mission'), join(dir, 'ministry')]
    const file = join(dir, 'note.txt')
    await writeFile(file, 'The premises of the consulate shall be inviolable.\n')
    await cf(from, 'case', 'new', '--title', 'Sealed case', '--reference', 'S-1')
    await cf(from, 'evidence', 'add', 'S-1', '--file', file, '--title', 'Protest note')
    await cf(to, 'case', 'new', '--title', 'Other', '--reference', 'O-1')
    process.env.CASEFILE_NEW_PASSPHRASE = 'correct horse battery'
    await cf(from, 'encrypt')
    await cf(to, 'encrypt')
    process.env.CASEFILE_PASSPHRASE = 'correct horse battery'
    const bundle = join(dir, 's.casefile')
    await cf(from, 'bundle', 'export', 'S-1', '--out', bundle)
    await cf(to, 'bundle', 'import', bundle)
    const items = JSON.parse((await cf(to, 'evidence', 'list', 'S-1', '--json')).stdout) as { title: string }[]
    expect(items.map((i) => i.title)).toEqual(['Protest note'])
    await cf(to, 'check')
    await cf(to, 'evidence', 'verify')
  })
})

describe('text that hides characters', () => {
  it('prints terminal escapes and direction overrides as visible \\u escapes; --json still decodes to the stored title', async () => {
    const ws = join(await tempDir(), 'ws')
    const title = 'Protest \u001b[2J note \u202EetoN\u202C\r over'
    await cf(ws, 'case', 'new', '--title', title, '--reference', 'H-1')
    const text = (await cf(ws, 'case', 'list')).stdout
    expect(text).toContain('Protest \\u001B[2J note \\u202EetoN\\u202C\\u000D over')
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u001b\u202e\u202c\r]/)
    const json = JSON.parse((await cf(ws, 'case', 'list', '--json')).stdout)
    expect(json.map((c: { title: string }) => c.title)).toEqual([title])
  })

  it('a newline in a bundle sender’s name or a case title cannot print a line of its own', async () => {
    const dir = await tempDir()
    const [from, to] = [join(dir, 'from'), join(dir, 'to')]
    const forged = 'Ministry\n  Trust:       known (trusted here before)'
    await cf(from, 'settings', 'set', 'workspace-name', forged)
    await cf(from, 'case', 'new', '--title', 'Line one\nSigned by: Ministry', '--reference', 'N-1')
    const out = join(dir, 'n1.casefile')
    await cf(from, 'bundle', 'export', 'N-1', '--out', out)
    await cf(to, 'case', 'new', '--title', 'Here', '--reference', 'H-1')
    const shown = (await cf(to, 'bundle', 'inspect', out)).stdout
    expect(shown.split('\n').filter((l) => /^\s*Trust:/.test(l))).toEqual([
      '  Trust:       NEW: not trusted here yet; compare the fingerprint with the sender before relying on it',
    ])
    expect(shown).toContain('Ministry\\u000A  Trust:       known')
    expect((await cf(from, 'case', 'list')).stdout).toContain('Line one\\u000ASigned by: Ministry')
    const json = JSON.parse((await cf(to, 'bundle', 'inspect', out, '--json')).stdout)
    expect(json.signer.workspace).toBe(forged)
  })

  it('a newline in an imported file’s name prints no line of its own when the item is added', async () => {
    const dir = await tempDir()
    const ws = join(dir, 'ws')
    await cf(ws, 'case', 'new', '--title', 'T', '--reference', 'F-1')
    const file = join(dir, 'note\nSHA-256: forged.txt')
    await writeFile(file, 'text\n')
    const lines = (await cf(ws, 'evidence', 'add', 'F-1', '--file', file)).stdout.split('\n')
    expect(lines.filter((l) => l.startsWith('SHA-256: forged'))).toEqual([])
    expect(lines.filter((l) => l.includes('note\\u000ASHA-256: forged.txt'))).toHaveLength(2)
    const [item] = JSON.parse((await cf(ws, 'evidence', 'list', 'F-1', '--json')).stdout) as {
      id: string
      title: string
    }[]
    expect(item.title).toBe('note\nSHA-256: forged.txt')
    const shown = (await cf(ws, 'evidence', 'show', item.id)).stdout.split('\n')
    expect(shown.filter((l) => l.startsWith('SHA-256: forged'))).toEqual([])
    expect(shown[0]).toBe('note\\u000ASHA-256: forged.txt')
    // A memo written to a path with a newline says where on one line.
    const out = join(dir, 'memo\nSHA-256: forged.pdf')
    const wrote = (await cf(ws, 'export', 'F-1', '--out', out)).stdout.split('\n')
    expect(wrote.filter((l) => l.startsWith('SHA-256: forged'))).toEqual([])
    expect(wrote.some((l) => l.includes('memo\\u000ASHA-256: forged.pdf'))).toBe(true)
  })
})
