import { loadIndex } from '../../src/main/services/search/persist.ts'
import { allSources, fingerprint, pool } from '../../src/main/services/search/sources.ts'
const root = process.argv[2]
let t = performance.now()
const l = await loadIndex(root + '/cache/search-index.json')
console.log('load', Math.round(performance.now() - t), !!l, 'rss', Math.round(process.memoryUsage().rss / 1e6))
t = performance.now()
const refs = await allSources(root)
console.log('list', Math.round(performance.now() - t), refs.length)
t = performance.now()
const fps = await pool(refs, 64, (r) => fingerprint(root, r.key))
console.log('stat', Math.round(performance.now() - t))
