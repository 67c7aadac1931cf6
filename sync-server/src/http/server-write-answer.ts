/**
 * How a route answers a server-side write (`writeBoardAs`) that did not happen: storage down is a 503
 * (nothing was written; try again), a permission refusal a 403, any other refusal of the pipeline
 * (validation, a lock) a 422, each with the pipeline's own sentence after the route's `failed` words.
 */
import { REFUSAL_CODES } from '@flowmap/shared'
import type { ServerWriteResult } from '../boards/server-write.ts'
import { problem } from './json-response.ts'

export function unwrittenAnswer(
  written: Extract<ServerWriteResult, { ok: false }>,
  refusedCode: string,
  failed: string,
): ReturnType<typeof problem> {
  const refusal = written.refusal
  if (refusal === undefined) return problem(503, 'storage-unavailable', written.reason)
  const permitted = refusal.code !== REFUSAL_CODES.notPermitted
  return problem(
    permitted ? 422 : 403,
    permitted ? refusedCode : 'not-permitted',
    `${failed}: ${refusal.reason}`,
  )
}
