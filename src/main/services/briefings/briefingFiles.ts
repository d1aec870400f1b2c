/** Where briefings live: cases/<id>/briefings/<briefingId>.json, one file each so autosave rewrites only it. */
import { join } from 'node:path'
import { BriefingFile } from '@shared/domain'
import { jsonFilesIn } from '@main/storage/folders'
import { SAFE_ID } from '@main/storage/layout'
import { readStoredFile } from '@main/storage/storedJson'
import { caseDir } from '../cases/caseFiles'

export const briefingsDir = (caseId: string) => join(caseDir(caseId), 'briefings')
export const briefingFilePath = (caseId: string, briefingId: string) => join(briefingsDir(caseId), `${briefingId}.json`)

/** Relative paths of every briefing file of a case, sorted. */
export const briefingFilesOf = (root: string, caseId: string) => jsonFilesIn(root, briefingsDir(caseId))

/**
 * The ids of a case's briefings. A stray file ("memo copy.json") is not a
 * briefing: it is skipped rather than failing the whole case.
 */
export async function briefingIdsOf(root: string, caseId: string): Promise<string[]> {
  return (await briefingFilesOf(root, caseId))
    .map((rel) => rel.slice(rel.lastIndexOf('/') + 1, -'.json'.length))
    .filter((id) => SAFE_ID.test(id))
}

/** One validated briefing file read without the store (the search worker); null when missing or damaged. */
export const readBriefingFile = (root: string, rel: string) => readStoredFile(join(root, rel), 'briefing', BriefingFile)
