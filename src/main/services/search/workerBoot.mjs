// Starts the search worker from TypeScript sources (tests, the CLI through tsx):
// a worker thread does not inherit the parent's tsx loader, so register it here.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
