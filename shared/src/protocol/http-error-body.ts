/**
 * The body of every refusal the HTTP API sends (4xx, 5xx): a code for programs and a sentence for the
 * person, e.g. `{ "error": "board-not-found", "message": "there is no board \"x\"" }`.
 */
export type ApiErrorBody = { error: string; message: string }

/** The server's sentence from a refusal's body, or null when the body carries none. */
export function refusalMessageOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null
  const message = (json as { message?: unknown }).message
  return typeof message === 'string' ? message : null
}
