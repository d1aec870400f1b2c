import { openWorkspace } from '@main/services/index'
const s = await openWorkspace('/tmp/child-ws')
console.log('READY')
await s.close()
