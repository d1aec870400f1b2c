/** Where annotations live: cases/<id>/annotations/<evidenceId>.json and its chunks <evidenceId>.<n>.json. */
import { join } from 'node:path'
import { AnnotationsFile } from '@shared/domain'
import { jsonFilesIn } from '@main/storage/folders'
import { readStoredFile } from '@main/storage/storedJson'
import { caseDir } from '../cases/caseFiles'

export const annotationsDir = (caseId: string) => join(caseDir(caseId), 'annotations')
export const annotationFilePath = (caseId: string, evidenceId: string) =>
  join(annotationsDir(caseId), `${evidenceId}.json`)

/** Relative paths of every annotation file of a case, sorted. */
export async function annotationFilesOf(root: string, caseId: string): Promise<string[]> {
  return jsonFilesIn(root, annotationsDir(caseId))
}

/** One validated annotation file, or null when missing or damaged (the annotations service reports that). */
export const readAnnotationsFile = (root: string, rel: string) =>
  readStoredFile(join(root, rel), 'annotations', AnnotationsFile)
