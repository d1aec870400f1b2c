import { appError } from '@shared/i18n/appError'
import type { CaseFile } from '@shared/domain'

type RecordKey = 'actors' | 'events' | 'evidence' | 'notes' | 'issues'
type RecordOf<K extends RecordKey> = CaseFile[K][number]

/**
 * One kind of record kept inside case.json (actors, events, evidence, notes, issues),
 * reached by id. The cases service owns the file and hands each sibling service
 * the collection it owns: records go in and come out whole, the file never does.
 */
export interface CaseRecords<T extends { id: string }> {
  list(caseId: string): Promise<readonly T[]>
  /** NOT_FOUND when the case has no such record. */
  get(caseId: string, id: string): Promise<T>
  add(caseId: string, ...records: T[]): Promise<void>
  /** Replaces the record with what `fn` returns (in one durable write); returns it. */
  update(caseId: string, id: string, fn: (current: T) => T): Promise<T>
  remove(caseId: string, id: string): Promise<T>
}

export interface CaseFileAccess {
  read(caseId: string): Promise<CaseFile>
  write<R>(caseId: string, fn: (file: CaseFile) => R): Promise<R>
}

export function indexOfRecord<T extends { id: string }>(list: T[], id: string, what: string): number {
  const i = list.findIndex((x) => x.id === id)
  if (i < 0) throw appError('NOT_FOUND', 'errRecords:noIdCase', { what, id })
  return i
}

export function caseRecords<K extends RecordKey>(file: CaseFileAccess, key: K, what: string): CaseRecords<RecordOf<K>> {
  type T = RecordOf<K>
  const list = (f: CaseFile) => f[key] as T[]
  return {
    async list(caseId) {
      return list(await file.read(caseId))
    },
    async get(caseId, id) {
      const all = list(await file.read(caseId))
      return all[indexOfRecord(all, id, what)]
    },
    async add(caseId, ...records) {
      await file.write(caseId, (f) => {
        for (const r of records)
          if (list(f).some((x) => x.id === r.id))
            throw appError('CONFLICT', 'errRecords:idExistsCase', { what, id: r.id })
        list(f).push(...records)
      })
    },
    async update(caseId, id, fn) {
      return file.write(caseId, (f) => {
        const all = list(f)
        const i = indexOfRecord(all, id, what)
        const next = fn(all[i])
        if (next.id !== id) throw appError('VALIDATION', 'errRecords:cannotChangeId', { what })
        all[i] = next
        return next
      })
    },
    async remove(caseId, id) {
      return file.write(caseId, (f) => {
        const all = list(f)
        return all.splice(indexOfRecord(all, id, what), 1)[0]
      })
    },
  }
}
