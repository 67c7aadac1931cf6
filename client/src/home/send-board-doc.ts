/**
 * Sends what a board's doc holds to the server over a short-lived connection, then closes it: the home
 * page renames a board in its doc (the title is the board's, for everyone) and, when the server can be
 * reached, this makes the rename reach everyone now rather than the next time the board is opened.
 *
 * The connection is the board page's own (board-connection.ts), so the handshake rules hold. It ends at
 * the first of: the server has acknowledged every change (sent), a refusal or a turned-down token (not
 * sent, with the reason: the board page will meet it and reset when it next opens the board), the
 * timeout (offline or slow: the doc keeps the change and syncs later).
 */
import type * as Y from 'yjs'
import { connectBoard } from '../sync/board-connection.ts'

/** `refused`: the server turned the change or the link down (it will never take it), not merely unreachable. */
export type SendResult = { sent: true } | { sent: false; refused: boolean; reason: string }

export interface SendBoardDocOptions {
  url: string
  boardId: string
  token: string | null
  doc: Y.Doc
  /** Before the doc is sent: e.g. write the rename once the server's state has arrived. */
  afterHandshake?(doc: Y.Doc): void
  timeoutMs?: number
}

/** A send in progress: `done` settles once the connection is closed; `cancel` closes it early. */
export interface BoardDocSend {
  done: Promise<SendResult>
  cancel(): void
}

export function sendBoardDoc(options: SendBoardDocOptions): BoardDocSend {
  let finish: (result: SendResult) => void = () => {}
  const done = new Promise<SendResult>((resolve) => {
    finish = resolve
  })
  let settled = false
  let handshakeDone = false
  const end = (result: SendResult) => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    connection.destroy()
    finish(result)
  }
  const connection = connectBoard({
    url: options.url,
    boardId: options.boardId,
    token: options.token,
    doc: options.doc,
    onStatus: () => {},
    onRefusal: (message) => end({ sent: false, refused: true, reason: message.reason }),
    onUnreadableRefusal: (reason) => end({ sent: false, refused: true, reason }),
    onAuthenticationFailed: (reason) => end({ sent: false, refused: true, reason }),
    onAllAcknowledged: () => {
      if (!handshakeDone) {
        handshakeDone = true
        options.afterHandshake?.(options.doc)
        // Nothing written after the handshake: every change the doc had went out with it.
        if (!connection.provider.hasUnsyncedChanges) end({ sent: true })
        return
      }
      end({ sent: true })
    },
  })
  const timer = setTimeout(
    () => end({ sent: false, refused: false, reason: 'the server did not answer in time' }),
    options.timeoutMs ?? 10_000,
  )
  return { done, cancel: () => end({ sent: false, refused: false, reason: 'cancelled' }) }
}
