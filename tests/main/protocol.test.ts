/**
 * protocol.ts against the Electron stand-in: the schemes it registers, the
 * app:// handler serving the built renderer (CSP on every answer, nothing from
 * outside the renderer folder, links included) and the blob handler serving
 * evidence only from the open workspace's own blobs folder.
 */
import { createHash } from 'node:crypto'
import { mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron } from '../helpers/fakeElectron'
import { useTempDirs } from '../helpers/tmp'
import { contentSecurityPolicy } from '@main/csp'
import { handleProtocols, registerSchemes, rendererFile } from '@main/protocol'
import { AppSession } from '@main/session'

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electron)

const tempDir = useTempDirs()
beforeEach(() => resetFakeElectron())

async function setup() {
  const base = await tempDir()
  const renderer = join(base, 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Casefile</title>')
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  const secret = join(base, 'secret.txt')
  await writeFile(secret, 'SECRET outside the renderer')
  const session = new AppSession(join(base, 'userData'))
  const workspace = join(base, 'ws')
  await session.open(workspace)
  handleProtocols(renderer, session)
  return { base, renderer, secret, session, workspace }
}

const text = async (r: Response) => Buffer.from(await r.arrayBuffer()).toString()

describe('the app schemes', () => {
  it('are registered privileged and secure, the blob one streaming', () => {
    registerSchemes()
    const by = Object.fromEntries(fake.protocol.privileged.map((s) => [s.scheme, s.privileges]))
    expect(by['app']).toEqual({ standard: true, secure: true, supportFetchAPI: true })
    expect(by['casefile-blob']).toEqual({ standard: true, secure: true, supportFetchAPI: true, stream: true })
    // Neither may bypass the CSP or reach service workers.
    for (const p of Object.values(by)) {
      expect(p.bypassCSP).toBeFalsy()
      expect(p.allowServiceWorkers).toBeFalsy()
    }
  })
})

describe('app://', () => {
  it('serves the renderer with the CSP on every response, a miss included', async () => {
    const { renderer, session } = await setup()
    try {
      const index = await fake.protocol.request('app://casefile/index.html')
      expect(index.status).toBe(200)
      expect(await text(index)).toContain('<title>Casefile</title>')
      for (const url of [
        'app://casefile/index.html',
        'app://casefile/assets/app.js',
        'app://casefile/missing.html',
        'app://casefile/%E0%A4%A',
        'app://other/index.html',
      ]) {
        const r = await fake.protocol.request(url)
        expect(r.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy())
        expect(r.headers.get('x-content-type-options'), url).toBe('nosniff')
      }
      expect((await fake.protocol.request('app://casefile/assets/app.js')).status).toBe(200)
      const missing = await fake.protocol.request('app://casefile/missing.html')
      expect(missing.status).toBe(404)
      expect(await text(missing)).toBe('Not found')
      expect(await rendererFile(renderer, 'app://casefile/%E0%A4%A')).toBeNull()
      expect(await rendererFile(renderer, 'app://casefile/index.html')).toBe(
        join(await realpath(renderer), 'index.html'),
      )
      // A malformed escape is a miss, not an exception out of the handler.
      expect((await fake.protocol.request('app://casefile/%E0%A4%A')).status).toBe(404)
      expect((await fake.protocol.request('app://other/index.html')).status).toBe(404)
      expect((await fake.protocol.request('app://casefile/assets')).status).toBe(404) // a folder
    } finally {
      await session.close()
    }
  })

  it('never serves a file from outside the renderer folder, through traversal or a link', async () => {
    const { renderer, secret, session } = await setup()
    try {
      await symlink(secret, join(renderer, 'linked.html'))
      await symlink(join(secret, '..'), join(renderer, 'up'))
      for (const url of [
        'app://casefile/../secret.txt',
        'app://casefile/%2e%2e/secret.txt',
        'app://casefile/%2e%2e%2fsecret.txt',
        'app://casefile/assets/..%2f..%2fsecret.txt',
        'app://casefile/..%5csecret.txt',
        'app://casefile/linked.html',
        'app://casefile/up/secret.txt',
        `app://casefile/${encodeURIComponent(secret)}`,
      ]) {
        const r = await fake.protocol.request(url)
        expect(r.status, url).toBe(404)
        expect(await text(r), url).not.toContain('SECRET')
      }
    } finally {
      await session.close()
    }
  })
})

describe('casefile-blob://', () => {
  it('serves a stored blob and nothing that leads outside the blobs folder', async () => {
    const { base, secret, session, workspace } = await setup()
    try {
      const bytes = Buffer.from('evidence bytes')
      const sha = createHash('sha256').update(bytes).digest('hex')
      await mkdir(join(workspace, 'blobs'), { recursive: true })
      await writeFile(join(workspace, 'blobs', sha), bytes)
      const ok = await fake.protocol.request(`casefile-blob://blob/${sha}`, { headers: { Range: 'bytes=0-7' } })
      expect(ok.status).toBe(206)
      expect(await text(ok)).toBe('evidence')

      const planted = 'e'.repeat(64)
      await symlink(secret, join(workspace, 'blobs', planted))
      for (const path of [planted, '../workspace.json', '%2e%2e%2fworkspace.json', 'A'.repeat(64)]) {
        const r = await fake.protocol.request(`casefile-blob://blob/${path}`)
        expect([403, 404], path).toContain(r.status)
        expect(await text(r), path).not.toContain('SECRET')
      }

      // The whole blobs folder swapped for a link to elsewhere: refused, even for a name found there.
      const elsewhere = join(base, 'elsewhere')
      await mkdir(elsewhere)
      await writeFile(join(elsewhere, sha), 'SECRET in a folder outside')
      await rm(join(workspace, 'blobs'), { recursive: true })
      await symlink(elsewhere, join(workspace, 'blobs'))
      const swapped = await fake.protocol.request(`casefile-blob://blob/${sha}`)
      expect([403, 404]).toContain(swapped.status)
      expect(await text(swapped)).not.toContain('SECRET')
    } finally {
      await session.close()
    }
  })
})
