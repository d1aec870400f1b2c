import { stringifyDeep } from '@shared/domain/json'

export { stringifyIteratively } from '@shared/domain/json'

/** A stored file's JSON text at any depth (see stringifyDeep); pretty with one-space indents. */
export const stringifyStored = (value: unknown, pretty: boolean): string => stringifyDeep(value, { pretty })
