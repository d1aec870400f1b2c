// Starts a worker thread from TypeScript sources (tests, the CLI through tsx):
// a worker thread does not inherit the parent's tsx loader, so register it here,
// with the checkout's tsconfig for the path aliases, whatever the working folder.
import { fileURLToPath } from 'node:url'
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) })
await import(workerData.entry)
