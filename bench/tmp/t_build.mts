import { Indexer } from '/work/main/src/main/services/search/indexer.ts'
const root = process.argv[2]
const t0 = performance.now()
const ix = new Indexer(root, { persist: true, persistDelayMs: 0 })
await ix.open()
console.log('open', Math.round(performance.now() - t0), 'ms', ix.status, 'rss', Math.round(process.memoryUsage().rss / 1e6), 'heap', Math.round(process.memoryUsage().heapUsed / 1e6))
const qs = ['cancilleria', 'embasy', 'embajada consulado', 'protest note', 'inviolab', 'verificacion fuente', 'minneapolis', 'tratado', 'zzzz', 'quito refugiado', 'cancilleira']
for (let round = 0; round < 3; round++) for (const q of qs) {
  const t = performance.now(); const r = await ix.query({ query: q, limit: 50 }); const dt = performance.now() - t
  if (round === 2) console.log(q.padEnd(22), r.total, dt.toFixed(2), 'ms')
}
global.gc?.()
console.log('rss', Math.round(process.memoryUsage().rss / 1e6), 'heap', Math.round(process.memoryUsage().heapUsed / 1e6))
const t1 = performance.now(); await ix.close(); console.log('save', Math.round(performance.now() - t1))
