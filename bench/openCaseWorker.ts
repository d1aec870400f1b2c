/**
 * Cold opens of one case, in a process of its own, printed as one JSON line.
 *
 *   node --import tsx bench/openCaseWorker.ts ROOT CASE_ID RUNS [WARMUP_CASE_ID]
 *
 * Each run opens the workspace afresh (a new store: the case file is read, checked
 * and validated again) and times the window's first read of the case,
 * `caseDetail.get`. Runs alternate between the zone-validity cache emptied (as a
 * running app meets the case for the first time) and the cache off (the code as it
 * was: an Intl.DateTimeFormat per event), so load that comes and goes falls on both.
 * The first run of each kind in a fresh process also pays V8's warm-up; it is
 * reported apart ("first"). With WARMUP_CASE_ID, one open of that (small) case comes
 * first, as the app opens the workspace and a case before a large one.
 */
import { setTimeZoneCacheLimit } from '@shared/domain'
import { openWorkspace } from '@main/services/index'

const [root, caseId, runsArg, warmupCase] = process.argv.slice(2)
const runs = Number(runsArg)

async function open(id: string): Promise<{ ms: number; events: number }> {
  const s = await openWorkspace(root, { readOnly: true })
  try {
    const t = performance.now()
    const detail = await s.caseDetail.get(id)
    return { ms: performance.now() - t, events: detail.events.length }
  } finally {
    await s.close()
  }
}

const out = { cached: [] as number[], uncached: [] as number[], events: 0 }
if (warmupCase) await open(warmupCase)
for (let i = 0; i < 2 * runs; i++) {
  const mode = i % 2 === 0 ? 'cached' : 'uncached'
  setTimeZoneCacheLimit(mode === 'cached' ? 1_000 : 0) // also empties the cache
  const r = await open(caseId)
  out[mode].push(r.ms)
  out.events = r.events
}
setTimeZoneCacheLimit(1_000)
console.log(JSON.stringify(out))
