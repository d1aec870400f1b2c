import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Every folder, file and link under `root` (links not followed): type, mode,
 * size and SHA-256 of files. Two snapshots equal means nothing was added,
 * removed or changed there.
 */
export async function snapshotTree(root: string, skip: (rel: string) => boolean = () => false) {
  const out = new Map<string, string>()
  async function walk(rel: string) {
    const abs = join(root, rel)
    const st = await lstat(abs).catch(() => null)
    if (!st) return
    if (rel && skip(rel)) return
    if (st.isSymbolicLink()) out.set(rel, `link -> ${await readlink(abs)}`)
    else if (st.isDirectory()) {
      out.set(rel || '.', `dir ${(st.mode & 0o777).toString(8)}`)
      for (const name of (await readdir(abs)).sort()) await walk(rel ? join(rel, name) : name)
    } else if (st.isFile()) {
      const sha = createHash('sha256')
        .update(await readFile(abs))
        .digest('hex')
      out.set(rel, `file ${(st.mode & 0o777).toString(8)} ${st.size} ${sha}`)
    } else out.set(rel, `special ${st.mode.toString(8)}`)
  }
  await walk('')
  return out
}

/** The differences between two snapshots, as lines a failing test can show. */
export function diffTrees(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = []
  for (const [k, v] of before) if (after.get(k) !== v) lines.push(`${after.has(k) ? 'changed' : 'removed'} ${k}`)
  for (const k of after.keys()) if (!before.has(k)) lines.push(`added ${k}`)
  return lines
}
