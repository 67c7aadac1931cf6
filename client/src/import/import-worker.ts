/**
 * Runs an import off the page's thread: parsing and laying out a file of thousands of elements takes
 * long enough to freeze the page if it ran there. The worker answers one request and is ended.
 */
import { type ImportFile, type ImportFormat, type ImportResult, importBoardFile } from '@flowmap/shared'

export type ImportRequest = { readonly file: ImportFile; readonly format?: ImportFormat }

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null
  postMessage(answer: ImportResult): void
}

scope.onmessage = (event) => {
  const { file, format } = event.data
  // A converter that throws is a bug, not a bad file: the person still gets a sentence, nothing written.
  importBoardFile(file, format ? { format } : {})
    .catch(
      (error: unknown): ImportResult => ({
        ok: false,
        reason: `the import stopped on an error (${error instanceof Error ? error.message : String(error)})`,
      }),
    )
    .then((answer) => scope.postMessage(answer))
}
