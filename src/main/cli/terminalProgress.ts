/**
 * A progress line for long commands, on stderr and only on a terminal (a pipe or a log gets no carriage
 * returns): rewritten in place, and wiped before what the command prints next, so that starts at the line's
 * beginning on the same screen.
 */
export function terminalProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
  const on = enabled && !!stream.isTTY
  let shown = false
  return {
    show(text: string): void {
      if (!on) return
      // \x1b[K: a shorter line leaves nothing of the longer one before it.
      stream.write(`\r${text}\x1b[K`)
      shown = true
    },
    end(): void {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
