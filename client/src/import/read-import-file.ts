/**
 * Reads a file into board content through the one import entry (`importBoardFile`), in a Web Worker
 * so that a big file does not freeze the page. Where there is no Worker (unit tests), or the worker's
 * script cannot be loaded (offline, before the service worker has cached it), it runs on the page:
 * slower for a big file, but the import still works.
 */
import type { ImportFile, ImportFormat, ImportResult } from '@flowmap/shared'
import { loadFileConverters } from '../app/lazy-parts.ts'
import type { ImportRequest } from './import-worker.ts'

function failed(error: unknown): ImportResult {
  return {
    ok: false,
    reason: `the import stopped on an error (${error instanceof Error ? error.message : String(error)})`,
  }
}

/** On the page: the converters are their own chunk, not part of opening a board. */
function importHere(file: ImportFile, format?: ImportFormat): Promise<ImportResult> {
  return loadFileConverters()
    .then(({ importBoardFile }) => importBoardFile(file, format ? { format } : {}))
    .catch(failed)
}

export function readImportFile(file: ImportFile, format?: ImportFormat): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return importHere(file, format)
  let worker: Worker
  try {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return importHere(file, format)
  }
  return new Promise<ImportResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportResult>) => resolve(event.data)
    // The worker answers every request, errors included (import-worker.ts): an error event here is
    // its script failing to load or start.
    worker.onerror = (event) => {
      event.preventDefault()
      resolve(importHere(file, format))
    }
    const request: ImportRequest = format ? { file, format } : { file }
    worker.postMessage(request)
  }).finally(() => worker.terminate())
}
