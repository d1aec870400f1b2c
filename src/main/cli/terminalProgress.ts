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
      // Cut to the terminal's width: a wrapped line could not be rewritten in place.
      const fits =
        stream.columns > 1
          ? Array.from(text)
              .slice(0, stream.columns - 1)
              .join('')
          : text
      // \x1b[K: a shorter line leaves nothing of the longer one before it.
      stream.write(`\r${fits}\x1b[K`)
      shown = true
    },
    end(): void {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
