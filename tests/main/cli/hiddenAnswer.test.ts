/**
 * The hidden answer's line editing, in process over a stream (no terminal: the keys as bytes). The
 * terminal itself (raw mode, Ctrl+C, Ctrl+Z, signals) is tested on a pseudo-terminal in passphrasePrompt.test.ts.
 */
import { PassThrough } from 'node:stream'
import type { ReadStream } from 'node:tty'
import { describe, expect, it } from 'vitest'
import { askHidden } from '@main/cli/hiddenAnswer'

function terminal() {
  const input = new PassThrough() as unknown as ReadStream & PassThrough
  const output = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough
  let shown = ''
  output.on('data', (d: Buffer) => (shown += d.toString('utf8')))
  return { input, output, shown: () => shown }
}

describe('askHidden', () => {
  it('edits as a terminal line does and shows only the question', async () => {
    const t = terminal()
    const asked = askHidden('Q: ', t.input, t.output)
    // Backspace over a character of two UTF-16 units, Ctrl+W over a word, Ctrl+U over the line, an arrow key,
    // bracketed-paste marks and a bell: none of them is part of the answer.
    t.input.write('wrong start\x15two words\x17mañana 😀\x7f\x7f \x1b[D\x1b[200~pegado\x1b[201~\x07\r')
    expect(await asked).toBe('two mañana pegado')
    expect(t.shown()).toBe('Q: \n')
  })

  it('keeps what was typed past the answer for the next question, and a UTF-8 character split across reads', async () => {
    const t = terminal()
    const first = askHidden('1: ', t.input, t.output)
    t.input.write(Buffer.from('uno\r\ndos ñ\rtres'))
    expect(await first).toBe('uno')
    expect(await askHidden('2: ', t.input, t.output)).toBe('dos ñ')
    const third = askHidden('3: ', t.input, t.output)
    const n = Buffer.from('ñ\n')
    t.input.write(n.subarray(0, 1))
    t.input.write(n.subarray(1))
    expect(await third).toBe('tresñ')
  })

  it('Ctrl+D on an empty line and a closed input are no answer; Ctrl+D after text is ignored', async () => {
    const t = terminal()
    const listeners = process.listenerCount('SIGTERM')
    const a = askHidden('Q: ', t.input, t.output)
    t.input.write('ab\x04\x7f\x7f\x04')
    expect(await a).toBeNull()
    const b = askHidden('Q: ', t.input, t.output)
    t.input.end()
    expect(await b).toBeNull()
    // Nothing left listening once answered.
    expect(process.listenerCount('SIGTERM')).toBe(listeners)
    expect(process.listenerCount('SIGCONT')).toBe(0)
  })
})
