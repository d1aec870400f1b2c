/**
 * The packaging configuration flips Electron's fuses. Packaging cannot run on
 * the build machines (it downloads the Electron runtime), so the configuration
 * itself is what is checked: electron-builder hands `electronFuses` to @electron/fuses.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

/** The `key: value` lines of one top-level block of a YAML file (flat blocks only, which this one is). */
function yamlBlock(text: string, name: string): Record<string, string> | null {
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l === `${name}:`)
  if (start < 0) return null
  const block: Record<string, string> = {}
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line)) break
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line)
    if (m) block[m[1]] = m[2]
  }
  return block
}

describe('packaging', () => {
  it('flips the Electron fuses that close the runtime to outside code', async () => {
    const yml = await readFile('build/electron-builder.yml', 'utf8')
    expect(yamlBlock(yml, 'electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    })
    // onlyLoadAppFromAsar and integrity validation mean nothing without an asar.
    expect(yml).toMatch(/^asar: true$/m)
    // One configuration only: a "build" key in package.json would be a second, unchecked one.
    const pkg = JSON.parse(await readFile('package.json', 'utf8'))
    expect(pkg.build).toBeUndefined()
  })
})
