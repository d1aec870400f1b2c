/**
 * Run as its own process by the search bench: opens a workspace the way the app
 * does (case list, then the search index in its worker), runs some queries, and
 * prints the process's RSS as JSON. Separate so nothing else the bench holds counts.
 */
import { openWorkspace } from '@main/services/index'

const root = process.argv[2]
const s = await openWorkspace(root, { readOnly: true })
await s.cases.list()
await s.search.start()
for (const q of ['cancilleria', 'embasy', 'protest note', 'inviolab', 'quito refugiado'])
  await s.search.query({ query: q })
// Let the worker settle as an idle app would before sampling.
await new Promise((r) => setTimeout(r, 3_000))
const rss = process.memoryUsage().rss
const status = s.search.status()
await s.close()
console.log(JSON.stringify({ rss, documents: status.documents, loadedFromCache: status.loadedFromCache }))
