import { Indexer } from '../../src/main/services/search/indexer.ts'
const m = () => { const u = process.memoryUsage(); return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, Math.round(v / 1e6)])) }
console.log('start', m())
const ix = new Indexer(process.argv[2], { persist: true })
await ix.open()
console.log('open', m(), ix.engine.terms.length)
await ix.query({ query: 'cancilleria' })
global.gc?.(); await new Promise((r) => setTimeout(r, 500)); global.gc?.()
console.log('gc', m())
