import { openWorkspace } from '../../src/main/services/index.ts'
const root = process.argv[2]
const t0 = performance.now()
const s = await openWorkspace(root, { readOnly: true })
const list = await s.cases.list()
console.log('list', list.length, Math.round(performance.now() - t0))
await s.search.start()
console.log('search ready', Math.round(performance.now() - t0), s.search.mode, s.search.status())
for (const q of ['cancilleria', 'embasy', 'protest note']) { const r = await s.search.query({ query: q }); console.log(q, r.total, r.tookMs) }
await new Promise((r) => setTimeout(r, 3000))
console.log('rss', Math.round(process.memoryUsage().rss / 1e6), 'heap main', Math.round(process.memoryUsage().heapUsed / 1e6))
await s.close()
