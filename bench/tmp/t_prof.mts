import { Indexer } from '../../src/main/services/search/indexer.ts'
import { topK, toHits } from '../../src/main/services/search/results.ts'
import { fold } from '../../src/main/services/search/text.ts'
const ix = new Indexer(process.argv[2], { persist: false })
await ix.open()
const e = ix.engine
const WORDS = ['cancillería', 'embajada', 'embassy', 'consulate', 'consulado', 'inviolability', 'protesta', 'protest', 'vídeo', 'footage', 'witness', 'detención', 'passport', 'asylum', 'bogotá', 'quito', 'minneapolis', 'tratado', 'convention', 'jurisdicción', 'sovereignty', 'refugiado', 'verificación', 'boletín', 'negociación']
const typo = (w: string, i: number) => (i % 2 ? w.slice(0, 2) + w.slice(3) : w.slice(0, 3) + w[4] + w[3] + w.slice(5))
const queries: [number, string][] = []
for (let i = 0; i < 200; i++) {
  const w = WORDS[i % WORDS.length]; const v = WORDS[(i * 7 + 3) % WORDS.length]; const kind = i % 5
  queries.push([kind, kind === 0 ? fold(w) : kind === 1 ? w.slice(0, 5) : kind === 2 ? typo(fold(w), i) : kind === 3 ? `${w} ${v}` : `${fold(v).slice(0, 4)} ${w}`])
}
const agg: Record<number, number[][]> = {}
for (let round = 0; round < 2; round++) for (const [k, q] of queries) {
  const toks = fold(q).match(/[\p{L}\p{N}]+/gu)!
  const t1 = performance.now(); const { hits, expansions } = e.match(toks, undefined); const t2 = performance.now()
  const top = topK(hits, 50); const t3 = performance.now(); toHits(e, top, expansions); const t4 = performance.now()
  if (round === 1) (agg[k] ??= []).push([t2 - t1, t3 - t2, t4 - t3, hits.count, expansions.reduce((s, x) => s + x.length, 0)])
}
for (const [k, rows] of Object.entries(agg)) {
  const avg = (i: number) => (rows.reduce((s, r) => s + r[i], 0) / rows.length).toFixed(2)
  const max = (i: number) => Math.max(...rows.map((r) => r[i])).toFixed(2)
  console.log('kind', k, 'match', avg(0), 'max', max(0), 'topK', avg(1), 'hits', avg(2), 'max', max(2), 'count', avg(3), 'exp', avg(4))
}
