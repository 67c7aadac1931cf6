/**
 * A request body of at most `maxBytes`, read as it arrives: refused when the declared size is over the
 * limit, before a byte of it is read, and as soon as the received size passes it, so an endless or
 * huge body is never buffered. The refusal asks for the connection to close: the rest of an oversized
 * body is not read (Node would otherwise drain it to keep the connection alive).
 */
import type { IncomingMessage } from 'node:http'
import type { ApiError } from './json-response.ts'

export type BodyBytes = { ok: true; bytes: Buffer } | { ok: false; problem: ApiError }

/** `tooLarge` words the 413 for the route: it gets "17000000 bytes" or "over 16777216 bytes". */
export async function readBodyBytes(
  request: IncomingMessage,
  maxBytes: number,
  tooLarge: (size: string) => ApiError,
): Promise<BodyBytes> {
  const refuse = (size: string): BodyBytes => {
    const problem = tooLarge(size)
    return { ok: false, problem: { ...problem, headers: { ...problem.headers, Connection: 'close' } } }
  }
  const declared = Number(request.headers['content-length'] ?? Number.NaN)
  if (declared > maxBytes) return refuse(`${declared} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > maxBytes) return refuse(`over ${maxBytes} bytes`)
    chunks.push(chunk as Buffer)
  }
  return { ok: true, bytes: Buffer.concat(chunks) }
}
