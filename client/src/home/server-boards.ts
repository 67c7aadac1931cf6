import { type BoardPreview, readBoardListBody, readBoardPreviewBody } from '@flowmap/shared'

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
  const read = readBoardListBody(await response.json().catch(() => null))
  if (!read.ok) return { ok: false, message: `The server answered without a board list: ${read.reason}.` }
  const boards = read.body.boards.map((board) => ({
    id: board.id,
    title: board.title,
    createdAt: Date.parse(board.createdAt) || 0,
    updatedAt: Date.parse(board.updatedAt) || 0,
  }))
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
    const read = readBoardPreviewBody(await response.json())
    return read.ok ? read.body.preview : null
  } catch {
    return null // offline or slow: the card shows its placeholder
  }
}
