/** Posting a file to the import routes, as a tool would: the file's bytes as the body. */
import { readBoardExportBody } from '@flowmap/shared'
import { type JsonResponse, requestJson } from './http-client.ts'

export async function postFile(
  url: string,
  text: string,
  options: { token?: string; contentType?: string } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/octet-stream',
  }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  const response = await fetch(url, { method: 'POST', headers, body: text })
  const answer = await response.text()
  let body: unknown = answer
  try {
    body = JSON.parse(answer)
  } catch {
    // a refusal is JSON too; anything else is kept as text for the assertion to show
  }
  return { status: response.status, headers: response.headers, body }
}

/** The board's export.json as the server writes it: the text a person downloads. */
export async function exportText(serverUrl: string, boardId: string, token?: string): Promise<string> {
  const answer = await requestJson(`${serverUrl}/api/boards/${boardId}/export.json`, token ? { token } : {})
  if (answer.status !== 200) throw new Error(`export answered ${answer.status}`)
  const read = readBoardExportBody(answer.body)
  if (!read.ok) throw new Error(read.reason)
  return JSON.stringify(read.body)
}
