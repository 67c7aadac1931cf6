/**
 * Child-process entry of the flood benchmark: Flowmap's server as production runs it (real SQLite in a
 * temp DATA_DIR, local mode), alone in its process so that its RSS is its own. Prints `ready <socket url>`.
 *
 * Commands on stdin, one per line, each answered by one JSON line on stdout:
 *   `memory`          → `memory {"heapUsed":…,"heapTotal":…,"external":…,"arrayBuffers":…,"boards":…}`
 *   `memory-after-gc` → the same after a full GC, when node runs with --expose-gc (else no GC)
 *   `snapshot <path>` → writes a V8 heap snapshot there, answers `snapshot <path>` (investigations only)
 * RSS is read by the parent from /proc/<pid>/status, so asking for it never allocates in here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { writeHeapSnapshot } from 'node:v8'
import { startFlowmapServer } from '@flowmap/sync-server'

const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-flood-'))
const server = await startFlowmapServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  clientDir: null,
  logLevel: 'warn',
})

let closing = false
process.on('SIGTERM', () => {
  if (closing) return
  closing = true
  server
    .close()
    .then(() => rmSync(dataDir, { recursive: true, force: true }))
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('closing the server failed:', error)
        process.exit(1)
      },
    )
})

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'memory' || line === 'memory-after-gc') {
    if (line === 'memory-after-gc') (globalThis as { gc?: () => void }).gc?.()
    const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
    const boards = server.hocuspocus.getDocumentsCount()
    console.log(`memory ${JSON.stringify({ heapUsed, heapTotal, external, arrayBuffers, boards })}`)
  } else if (line.startsWith('snapshot ')) {
    const path = line.slice('snapshot '.length)
    writeHeapSnapshot(path)
    console.log(`snapshot ${path}`)
  }
})
console.log(`ready ${server.url.replace(/^http/, 'ws')}/collab`)
