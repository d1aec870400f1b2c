/**
 * The file an examination reads: a source file on disk, or a stored blob, sealed
 * or not. The readers that run in this process read its original bytes through
 * `read` and `all`; the external tools (ffprobe, ffmpeg) are given `toolInput`,
 * the file's path or, for a blob sealed in an encrypted workspace, a loopback URL
 * lent while the examination runs. So a sealed file is examined as a plain one is,
 * and its original bytes never reach a file in the clear.
 */
export interface FileSource {
  /** Size of the original bytes. */
  readonly size: number
  /** A plain file on disk, where there is one: readers that take a path then read only what they need. */
  readonly path?: string
  /** What an external tool reads: the path, or a URL that is a secret while it lives (never in a message). */
  readonly toolInput: string
  /** Original bytes from `pos`, `len` of them or fewer at the end. */
  read(pos: number, len: number): Promise<Buffer>
  /** The whole file in memory: for readers that parse it whole (images, PDFs, Content Credentials). Refused past WHOLE_READ_LIMIT. */
  all(): Promise<Buffer>
}

/** The most a reader is given in memory at once: a larger file is not read whole (the reason is kept). */
export const WHOLE_READ_LIMIT = 512 * 1024 * 1024

/** A reader's input: the path where there is a plain file, else the bytes. */
export const pathOrBytes = async (src: FileSource): Promise<string | Buffer> => src.path ?? (await src.all())
