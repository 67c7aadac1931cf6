/**
 * The import worker's thread: converts one file at a time with `importBoardFile` (parsing, checks and,
 * for a file without geometry, the elkjs layout: seconds for thousands of steps) off the server's event
 * loop, so sockets, acknowledgements and other requests go on meanwhile. It holds no state between files.
 * Messages: in `ConversionJob`, out `ConversionDone` (import-converter.ts).
 */
import { parentPort } from 'node:worker_threads'
import { importBoardFile } from '@flowmap/shared'
import type { ConversionDone, ConversionJob } from './import-converter.ts'

const port = parentPort
if (port === null) throw new Error('import-worker.ts runs as a worker thread, not on its own')

port.on('message', async (job: ConversionJob) => {
  let done: ConversionDone
  try {
    const result = await importBoardFile(job.file, job.format === undefined ? {} : { format: job.format })
    done = { id: job.id, result }
  } catch (error) {
    // importBoardFile answers refusals as values; a throw is a converter bug, reported as the file's.
    const reason = error instanceof Error ? error.message : String(error)
    done = { id: job.id, result: { ok: false, reason: `the file could not be converted: ${reason}` } }
  }
  port.postMessage(done)
})
