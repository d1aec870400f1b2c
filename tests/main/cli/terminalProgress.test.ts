import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { terminalProgress } from '@main/cli/terminalProgress'

function stream(isTTY: boolean, columns?: number) {
  const s = Object.assign(new PassThrough(), { isTTY, columns }) as unknown as NodeJS.WriteStream & PassThrough
  let written = ''
  s.on('data', (d: Buffer) => (written += d.toString('utf8')))
  return { s, written: () => written }
}

describe('terminalProgress', () => {
  it('rewrites one line in place, cut to the width, and wipes it at the end', () => {
    const { s, written } = stream(true, 12)
    const line = terminalProgress(true, s)
    line.show('Sealing 1/9 files')
    line.show('Sealing 2/9')
    line.end()
    line.end()
    expect(written()).toBe('\rSealing 1/9\x1b[K\rSealing 2/9\x1b[K\r\x1b[K')
  })

  it('writes nothing to a pipe or a file, or when the command prints JSON', () => {
    for (const [tty, enabled] of [
      [false, true],
      [true, false],
    ]) {
      const { s, written } = stream(tty, 80)
      const line = terminalProgress(enabled, s)
      line.show('Sealing 1/9 files')
      line.end()
      expect(written()).toBe('')
    }
  })
})
