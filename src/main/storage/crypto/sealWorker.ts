/**
 * A blob's segments sealed in a worker thread, so that on an import the main
 * thread hashes the next chunk while this thread seals the last (on one thread
 * the cipher and the SHA-256 took turns). The work is in sealServer.ts, where
 * tests reach it: code that runs only in a worker thread is out of reach of the
 * mutation tests' switching.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serveSeals } from './sealServer'

serveSeals(parentPort, workerData)
