import { request as httpRequest } from 'node:http'
/** fetch with JSON in and out, for the HTTP route tests. */
export interface JsonResponse {
  status: number
  headers: Headers
  body: unknown
}

export async function requestJson(
  url: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {}
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON (metrics, static files): keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed }
}

/** Creates a board through POST /api/boards, as a facilitator's client would; answers its id. */
export async function createBoardOverApi(
  serverUrl: string,
  options: { title?: string; token?: string } = {},
): Promise<string> {
  const created = await requestJson(`${serverUrl}/api/boards`, {
    method: 'POST',
    ...(options.token === undefined || options.token === '' ? {} : { token: options.token }),
    ...(options.title === undefined ? {} : { body: { title: options.title } }),
  })
  if (created.status !== 201) throw new Error(`creating a board answered ${created.status}`)
  return (created.body as { id: string }).id
}

/**
 * A POST whose headers announce `declaredBytes` and that sends no body: how a route's size limit is
 * shown to refuse from the declared length, before reading (the answer comes without the body).
 */
export function postAnnouncingSize(
  url: string,
  token: string,
  declaredBytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(declaredBytes),
      },
    })
    request.on('response', (response) => {
      let body = ''
      response.on('data', (part) => {
        body += part
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    request.flushHeaders()
  })
}
