/**
 * A facilitator's "Move pasted images to the asset store": POST /api/boards/:id/assets/move-inline. The
 * server stores the board's inline (data URL) images and rewrites their records in one edit, which
 * reaches this tab over the socket like any other; this only says what happened, in a sentence
 * (@flowmap/shared http-move-inline-body.ts).
 */
import { moveInlineSentence, readMoveInlineBody, refusalMessageOf } from '@flowmap/shared'

export type MoveInlineImagesResult = { ok: true; sentence: string } | { ok: false; message: string }

export async function moveInlineImages(options: {
  boardId: string
  token: string | null
  /** '' (the page's own origin) in the app; a test server's URL in tests. */
  serverUrl?: string
}): Promise<MoveInlineImagesResult> {
  const url = `${options.serverUrl ?? ''}/api/boards/${encodeURIComponent(options.boardId)}/assets/move-inline`
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The server could not be reached (${reason}); nothing was moved.` }
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = refusalMessageOf(body) ?? `${response.status} ${response.statusText}`
    return { ok: false, message: `The images were not moved: ${message}.` }
  }
  const read = readMoveInlineBody(body)
  if (!read.ok)
    return { ok: false, message: `The server moved the images but answered oddly: ${read.reason}.` }
  return { ok: true, sentence: moveInlineSentence(read.body) }
}
