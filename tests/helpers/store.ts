import { WorkspaceStore } from '@main/storage/store'

/** Opens a store on `root`, runs `fn` with it, and closes it whatever happens. */
export async function withStore<T>(
  root: string,
  fn: (s: WorkspaceStore) => Promise<T>,
  opts: Parameters<typeof WorkspaceStore.open>[1] = {},
): Promise<T> {
  const store = await WorkspaceStore.open(root, opts)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}
