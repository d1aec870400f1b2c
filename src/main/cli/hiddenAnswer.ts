/**
 * An answer typed at the terminal and never shown (a passphrase). Node's readline is not used: after
 * Ctrl+Z and `fg` it stays paused for good (the command then ends with exit 0, asking nothing), and it
 * leaves the terminal raw when a signal ends the process. Here the terminal is raw only while the
 * question waits, and every way out gives it back:
 * - Enter answers (a paste of several lines answers this question and the next ones);
 * - Ctrl+C and Ctrl+\ do what the terminal would have done with echo on: SIGINT to the foreground
 *   process group, so a shell loop running the command stops too (Ctrl+\ is not a SIGQUIT here: a core
 *   file would hold what was typed);
 * - Ctrl+Z stops the group as the terminal would, and `fg` asks again, what was typed kept;
 * - Ctrl+D on an empty line, or the input closing, is no answer (null);
 * - SIGINT, SIGTERM, SIGHUP or SIGQUIT sent meanwhile: the terminal given back, then the signal ends the
 *   process as it would have.
 * Backspace, Ctrl+U (the line) and Ctrl+W (a word) edit; other control keys and escape sequences (arrows,
 * bracketed-paste marks) are not part of the answer.
 *
 * An answer can be checked before the terminal is given back (`check`, a passphrase against its workspace):
 * what is typed meanwhile is not echoed, nor left for the shell to run after a wrong answer ends the command;
 * a wrong answer is said and asked again (what was typed meanwhile is the next try), a right one drops what
 * was typed meanwhile (a stray Enter must not answer the next question), an empty one is not checked, and
 * Ctrl+C and Ctrl+Z act at once, even in the same read as the Enter.
 */
import os from 'node:os'
import { StringDecoder } from 'node:string_decoder'
import type { ReadStream } from 'node:tty'

/** What was typed past the last answer (the second line of a paste): the next question's. */
let ahead = ''

/** Sent from outside while the terminal is raw (`kill`, `timeout`, a closed window): it is given back first. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const
/** No job control there: Ctrl+Z is not a stop. */
const WINDOWS = process.platform === 'win32'

/**
 * Whether an answer will do: true, or what to say before asking again. A throw ends the asking (it
 * rejects, the terminal given back first).
 */
export type AnswerCheck = (answer: string) => Promise<true | string>

export function askHidden(
  question: string,
  input: ReadStream = process.stdin as ReadStream,
  output: NodeJS.WriteStream = process.stderr,
  check?: AnswerCheck,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8')
    let typed = ''
    let settled = false
    /**
     * While an answer is checked: what came in the same read as its Enter (a paste: the next answers) and what
     * was typed since; both taken if the check says to ask again, only the first if the answer is right.
     */
    let held: { pasted: string; since: string } | null = null
    /** The input closed while an answer was checked: a wrong one ends the asking with no answer. */
    let ended = false
    const raw = (on: boolean) => input.isTTY && input.setRawMode(on)

    const release = () => {
      settled = true
      input.off('data', onData)
      input.off('end', onEnd)
      for (const s of ENDING_SIGNALS) process.off(s, onEndingSignal)
      process.off('SIGCONT', onContinue)
      raw(false)
      input.pause()
      output.write('\n')
    }
    const answer = (text: string | null) => {
      release()
      resolve(text)
    }
    /** Ends the process by `signal` with the terminal cooked again; no listener (signal-exit's) may swallow it. */
    const die = (signal: NodeJS.Signals, group: boolean) => {
      release()
      // Windows has no process groups nor signals to send: the status a shell would report.
      if (WINDOWS) process.exit(128 + (os.constants.signals[signal] ?? 15))
      process.removeAllListeners(signal)
      process.kill(group ? 0 : process.pid, signal)
    }
    const onEndingSignal = (signal: NodeJS.Signals) => die(signal, false)
    const onContinue = () => {
      // Stopped from outside (kill -TSTP), the shell put echo back while Node still thinks the terminal is raw,
      // and setRawMode(true) alone would do nothing: set it again for real.
      raw(false)
      raw(true)
      if (held === null) output.write(question)
    }
    const onEnd = () => {
      ended = true
      if (held === null) answer(null)
    }
    const onData = (chunk: Buffer) => {
      const text = decoder.write(chunk)
      if (held === null) take(text)
      else hold(text, 'since')
    }
    /** Checking: only the keys that stop or interrupt act now; the rest waits for the check's verdict. */
    const hold = (text: string, part: 'pasted' | 'since') => {
      for (const c of text) {
        if (settled || held === null) return
        if (c === '\x03' || c === '\x1c') return die('SIGINT', true)
        if (c === '\x1a') suspend()
        else held[part] += c
      }
    }
    const suspend = () => {
      if (WINDOWS) return
      raw(false)
      process.kill(0, 'SIGTSTP')
      // Running again (`fg`, or a group no shell would stop): SIGCONT's listener asks again.
      raw(true)
    }
    /** Enter: the answer, unless a check says to ask again. */
    const entered = (answerText: string, rest: string) => {
      if (!check) {
        ahead = rest
        return answer(answerText)
      }
      // Nothing to check (Enter on an empty line, or a second Enter): asked again, no try spent.
      if (answerText === '') {
        output.write(`\n${question}`)
        return take(rest)
      }
      held = { pasted: '', since: '' }
      hold(rest, 'pasted')
      if (settled) return
      check(answerText).then(
        (verdict) => {
          if (settled || held === null) return
          const { pasted, since } = held
          held = null
          if (verdict === true) {
            ahead = pasted
            return answer(answerText)
          }
          typed = ''
          output.write(`\n${verdict}\n${question}`)
          take(pasted + since)
          // Closed during the check, and what it left held no other answer to check: no answer.
          if (ended && !settled && held === null) answer(null)
        },
        (e: unknown) => {
          if (settled) return
          release()
          reject(e)
        },
      )
    }

    function take(text: string): void {
      for (let i = 0; i < text.length && !settled; i++) {
        const c = text[i]
        if (c === '\r' || c === '\n')
          return entered(typed, text.slice(c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1))
        if (c === '\x03' || c === '\x1c') return die('SIGINT', true)
        if (c === '\x1a') suspend()
        else if (c === '\x04') {
          if (typed === '') return answer(null)
        } else if (c === '\x7f' || c === '\b') typed = Array.from(typed).slice(0, -1).join('')
        else if (c === '\x15') typed = ''
        else if (c === '\x17') typed = typed.replace(/\S+\s*$|\s+$/u, '')
        else if (c === '\x1b') i = escapeEnd(text, i)
        else if (c >= ' ') typed += c
      }
    }

    raw(true)
    input.on('data', onData)
    input.once('end', onEnd)
    for (const s of ENDING_SIGNALS) process.on(s, onEndingSignal)
    process.on('SIGCONT', onContinue)
    input.resume()
    output.write(question)
    const before = ahead
    ahead = ''
    if (before) take(before)
  })
}

/** The index of the last character of the escape sequence that starts at `at` (CSI `ESC [ … final`, SS3 `ESC O x`). */
function escapeEnd(text: string, at: number): number {
  const kind = text[at + 1]
  if (kind === 'O') return Math.min(at + 2, text.length - 1)
  if (kind !== '[') return at
  let i = at + 2
  while (i < text.length && !(text[i] >= '@' && text[i] <= '~')) i++
  return i
}
