import type { BoardPreview } from '@flowmap/shared'

/** The boards the server holds that this link may open (GET /api/boards). */
export type ServerBoard = {
  readonly id: string
  readonly title: string
  readonly createdAt: number
  readonly updatedAt: number
}

export type ServerBoardsResult = { ok: true; boards: ServerBoard[] } | { ok: false; message: string }

export async function fetchServerBoards(options: {
  token: string | null
  fetch?: typeof fetch
  timeoutMs?: number
}): Promise<ServerBoardsResult> {
  const doFetch = options.fetch ?? fetch
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let response: Response
  try {
    response = await doFetch('/api/boards', {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
  } catch {
    return { ok: false, message: 'The server cannot be reached: showing the boards on this device.' }
  }
  if (!response.ok) {
    return {
      ok: false,
      message:
        response.status === 401 || response.status === 403
          ? 'The server lists its boards only for a facilitator link: showing the boards on this device.'
          : `The server answered ${response.status} to the board list: showing the boards on this device.`,
    }
  }
  const body = (await response.json().catch(() => null)) as { boards?: unknown } | null
  if (!body || !Array.isArray(body.boards))
    return { ok: false, message: 'The server answered without a board list.' }
  const boards: ServerBoard[] = []
  for (const item of body.boards as Record<string, unknown>[]) {
    if (typeof item?.id !== 'string') continue
    boards.push({
      id: item.id,
      title: typeof item.title === 'string' ? item.title : '',
      createdAt: Date.parse(String(item.createdAt)) || 0,
      updatedAt: Date.parse(String(item.updatedAt)) || 0,
    })
  }
  return { ok: true, boards }
}

/** A board's thumbnail from the server (GET /api/boards/:id/preview); null when it cannot be had. */
export async function fetchServerPreview(
  boardId: string,
  token: string | null,
): Promise<BoardPreview | null> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/preview`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(5000),
    })
    if (!response.ok) return null
    const body = (await response.json()) as { preview?: BoardPreview }
    return body.preview && Array.isArray(body.preview.boxes) ? body.preview : null
  } catch {
    return null // offline or slow: the card shows its placeholder
  }
}
