import type { ImportResult } from '../import-result.ts'

/** Reads a file `GET /api/boards/:id/export.json` wrote (any version, migrated), or says what is wrong with it. */
export function jsonToContent(_text: string): ImportResult {
  throw new Error('JSON import is not built yet')
}
