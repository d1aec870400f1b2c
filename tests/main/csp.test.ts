import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isTrustedSender } from '@main/csp'

describe('renderer security', () => {
  it('serves a strict Content-Security-Policy in production', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain('media-src')
  })

  it('answers IPC only from the top frame of the app origin', () => {
    const origin = 'app://casefile'
    expect(isTrustedSender({ url: 'app://casefile/index.html', isTopFrame: true }, origin)).toBe(true)
    expect(isTrustedSender({ url: 'app://casefile/index.html', isTopFrame: false }, origin)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true }, origin)).toBe(false)
    expect(isTrustedSender({ url: 'file:///etc/passwd', isTopFrame: true }, origin)).toBe(false)
    expect(isTrustedSender({ url: 'not a url', isTopFrame: true }, origin)).toBe(false)
    expect(isTrustedSender(null, origin)).toBe(false)
  })
})

describe('originOf', () => {
  it('gives scheme and host for custom schemes that Node calls "null"', async () => {
    const { originOf } = await import('@main/csp')
    expect(originOf('app://casefile/index.html#/case/x')).toBe('app://casefile')
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173')
    expect(originOf('file:///tmp/x.html')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
  })
})

/** The policy as directive -> sources, so a dropped or widened directive shows by name. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/)
      return [name, sources.join(' ')]
    }),
  )

describe('the exact policy', () => {
  it('in production: nothing beyond our own files and the blob scheme for media', () => {
    expect(directives(contentSecurityPolicy())).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: casefile-blob:",
      'media-src': "'self' casefile-blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    })
  })

  it('in development: the dev server preamble and its websocket, nothing more', () => {
    expect(directives(contentSecurityPolicy({ dev: true }))).toEqual({
      ...directives(contentSecurityPolicy()),
      'script-src': "'self' 'unsafe-inline'",
      'connect-src': "'self' ws:",
    })
  })

  it('names no origin for what is not a URL', async () => {
    const { originOf } = await import('@main/csp')
    expect(originOf('not a url')).toBeNull()
    expect(originOf('')).toBeNull()
  })
})
