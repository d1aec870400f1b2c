/**
 * The baseline for "save one annotation edit": the same workspace in ONE lowdb
 * file, as a naive design would keep it. Loads every stored file into one
 * object, writes it with lowdb's own JSONFile adapter, then times edits of one
 * annotation of the large case, each followed by db.write(). Prints JSON.
 * Run as a child process so its gigabyte of objects never sits in the bench.
 */
import { readdir, readFile, rm, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'

const [root, out, bigCaseId, bigEvidenceId, runsArg] = process.argv.slice(2)
const runs = Number(runsArg ?? 3)
const readJson = async (p: string) => JSON.parse(await readFile(p, 'utf8'))

type Db = {
  workspace: unknown
  statutes: unknown
  cases: Record<
    string,
    { file: unknown; annotations: Record<string, { annotations: { text: string }[] }[]>; briefings: unknown[] }
  >
}
const data: Db = {
  workspace: await readJson(join(root, 'workspace.json')),
  statutes: await readJson(join(root, 'statutes.json')),
  cases: {},
}
for (const id of await readdir(join(root, 'cases'))) {
  const dir = join(root, 'cases', id)
  const annotations: Db['cases'][string]['annotations'] = {}
  for (const n of await readdir(join(dir, 'annotations'))) {
    const f = await readJson(join(dir, 'annotations', n))
    ;(annotations[f.evidenceId] ??= []).push(f)
  }
  const briefings = await Promise.all(
    (await readdir(join(dir, 'briefings'))).map((n) => readJson(join(dir, 'briefings', n))),
  )
  data.cases[id] = { file: await readJson(join(dir, 'case.json')), annotations, briefings }
}
await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })
const db = new Low<Db>(new JSONFile<Db>(join(out, 'db.json')), data)
await db.write()
const target = data.cases[bigCaseId].annotations[bigEvidenceId][0].annotations[0]
const times: number[] = []
for (let i = 0; i < runs; i++) {
  target.text = `edited ${i}`
  const t = performance.now()
  await db.write()
  times.push(performance.now() - t)
}
const { size } = await import('node:fs/promises').then((fs) => fs.stat(join(out, 'db.json')))
await rm(out, { recursive: true, force: true })
console.log(JSON.stringify({ times, bytes: size }))
