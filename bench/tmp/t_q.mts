import { Indexer } from '../../src/main/services/search/indexer.ts'
import { topK, toHits } from '../../src/main/services/search/results.ts'
const root = process.argv[2]
const t0 = performance.now()
const ix = new Indexer(root, { persist: true })
await ix.open()
console.log('open', Math.round(performance.now() - t0), 'ms', ix.status.loadedFromCache, ix.status.documents, 'rss', Math.round(process.memoryUsage().rss / 1e6), 'heap', Math.round(process.memoryUsage().heapUsed / 1e6))
const qs = ['cancilleria', 'embasy', 'embajada consulado', 'protest note', 'inviolab', 'verificacion fuente', 'minneapolis', 'tratado', 'zzzz', 'quito refugiado', 'cancilleira']
const e = ix.engine
for (let round = 0; round < 4; round++) for (const q of qs) {
  const toks = q.split(' ')
  const t1 = performance.now(); const { hits, expansions } = e.match(toks, undefined); const t2 = performance.now()
  const top = topK(hits, 50); const t3 = performance.now(); toHits(e, top, expansions); const t4 = performance.now()
  if (round === 3) console.log(q.padEnd(22), hits.count, (t2 - t1).toFixed(2), (t3 - t2).toFixed(2), (t4 - t3).toFixed(2))
}
global.gc?.()
console.log('rss', Math.round(process.memoryUsage().rss / 1e6), 'heap', Math.round(process.memoryUsage().heapUsed / 1e6))
