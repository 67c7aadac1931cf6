/**
 * Reads a file into board content through the one import entry (`importBoardFile`), in a Web Worker
 * so that a big file does not freeze the page. Where there is no Worker (unit tests) it runs here.
 */
import { type ImportFile, type ImportFormat, type ImportResult, importBoardFile } from '@flowmap/shared'
import type { ImportRequest } from './import-worker.ts'

function failed(error: unknown): ImportResult {
  return {
    ok: false,
    reason: `the import stopped on an error (${error instanceof Error ? error.message : String(error)})`,
  }
}

export function readImportFile(file: ImportFile, format?: ImportFormat): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return importBoardFile(file, format ? { format } : {}).catch(failed)
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })
  return new Promise<ImportResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportResult>) => resolve(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      resolve(failed(event.message || 'the import worker could not start'))
    }
    const request: ImportRequest = format ? { file, format } : { file }
    worker.postMessage(request)
  }).finally(() => worker.terminate())
}
