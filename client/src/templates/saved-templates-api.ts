/**
 * The server's saved board templates: GET /api/templates lists them for the new-board picker, POST
 * /api/boards/:id/templates saves a board as one (a facilitator's). Both answers are read with
 * @flowmap/shared's validators (protocol/http-template-bodies.ts); a failure is a sentence to show.
 */
import {
  type BoardTemplate,
  readSavedTemplateBody,
  readTemplateListBody,
  refusalMessageOf,
  type SaveTemplateRequest,
} from '@flowmap/shared'

export type SavedTemplatesResult = { ok: true; templates: BoardTemplate[] } | { ok: false; message: string }
export type SaveTemplateResult = { ok: true; template: BoardTemplate } | { ok: false; message: string }

function headersFor(token: string | null, json: boolean): Record<string, string> {
  const headers: Record<string, string> = json ? { 'content-type': 'application/json' } : {}
  if (token) headers.authorization = `Bearer ${token}`
  return headers
}

export async function fetchSavedTemplates(options: {
  token: string | null
  fetch?: typeof fetch
  timeoutMs?: number
}): Promise<SavedTemplatesResult> {
  const doFetch = options.fetch ?? fetch
  let response: Response
  try {
    response = await doFetch('/api/templates', {
      headers: headersFor(options.token, false),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
  } catch {
    return { ok: false, message: 'The server cannot be reached: only the built-in templates are offered.' }
  }
  if (!response.ok) {
    const message = refusalMessageOf(await response.json().catch(() => null))
    return {
      ok: false,
      message: `The server did not list its saved templates (${message ?? response.status}): only the built-in templates are offered.`,
    }
  }
  const read = readTemplateListBody(await response.json().catch(() => null))
  if (!read.ok)
    return { ok: false, message: `The server's saved templates could not be read: ${read.reason}.` }
  return { ok: true, templates: read.body.templates }
}

export async function saveBoardAsTemplate(options: {
  boardId: string
  token: string | null
  request: SaveTemplateRequest
  fetch?: typeof fetch
}): Promise<SaveTemplateResult> {
  const doFetch = options.fetch ?? fetch
  let response: Response
  try {
    response = await doFetch(`/api/boards/${encodeURIComponent(options.boardId)}/templates`, {
      method: 'POST',
      headers: headersFor(options.token, true),
      body: JSON.stringify(options.request),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The server could not be reached (${reason}); templates are saved online.` }
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = refusalMessageOf(body) ?? `${response.status} ${response.statusText}`
    return { ok: false, message: `The template was not saved: ${message}.` }
  }
  const read = readSavedTemplateBody(body)
  if (!read.ok) return { ok: false, message: `The server saved it but answered oddly: ${read.reason}.` }
  return { ok: true, template: read.body }
}
