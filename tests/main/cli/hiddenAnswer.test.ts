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

  it('checks an answer before taking it: a wrong one is said and asked again, typing meanwhile is the next try', async () => {
    const t = terminal()
    const checked: string[] = []
    let firstDone: () => void = () => undefined
    const asked = askHidden('Q: ', t.input, t.output, async (answer) => {
      checked.push(answer)
      if (checked.length === 1) await new Promise<void>((r) => (firstDone = r))
      return answer === 'good' ? true : 'Wrong, again.'
    })
    t.input.write('bad\r')
    await expect.poll(() => checked).toEqual(['bad'])
    // Typed while the first answer is being checked: held, then taken as the second answer.
    t.input.write('go')
    t.input.write('od\rnext')
    firstDone()
    expect(await asked).toBe('good')
    expect(checked).toEqual(['bad', 'good'])
    expect(t.shown()).toBe('Q: \nWrong, again.\nQ: \n')
    // What followed the held answer is the next question's.
    const second = askHidden('2: ', t.input, t.output, async () => true)
    t.input.write('\r')
    expect(await second).toBe('next')
  })

  it('a check that fails ends the asking with its error; a wrong answer as the input closes is no answer', async () => {
    const t = terminal()
    const refused = askHidden('Q: ', t.input, t.output, () => Promise.reject(new Error('keys damaged')))
    t.input.write('x\r')
    await expect(refused).rejects.toThrow('keys damaged')
    expect(process.listenerCount('SIGCONT')).toBe(0)
    const closing = askHidden('Q: ', t.input, t.output, async () => 'Wrong.')
    t.input.write('y\r')
    t.input.end()
    expect(await closing).toBeNull()
    expect(process.listenerCount('SIGCONT')).toBe(0)
  })

  it('does not check an empty answer, and drops what was typed while a right answer was checked', async () => {
    const t = terminal()
    const checked: string[] = []
    let release: () => void = () => undefined
    const asked = askHidden('Q: ', t.input, t.output, async (answer) => {
      checked.push(answer)
      await new Promise<void>((r) => (release = r))
      return true
    })
    // An Enter on its own, then the answer with the next one pasted in the same read.
    t.input.write('\r')
    t.input.write('right\rpasted')
    await expect.poll(() => checked).toEqual(['right'])
    // A stray Enter while it is checked: it must not answer the next question.
    t.input.write('\r')
    release()
    expect(await asked).toBe('right')
    expect(t.shown()).toBe('Q: \nQ: \n')
    const next = askHidden('2: ', t.input, t.output)
    t.input.write(' too\r')
    expect(await next).toBe('pasted too')
  })
})
