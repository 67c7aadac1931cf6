/**
 * A bot joining a Flowmap board through the y-websocket endpoint (`/yjs/<board>?token=…`) with a stock
 * `y-websocket` provider, and adding a step once it has the board. The endpoint takes the token as the
 * `token` query parameter (the provider's `params`) and puts the bot through the same auth, validation
 * and history as a person's page: the records it writes are checked against @flowmap/shared's schema,
 * so it builds them with the package's record builders and writes them with its doc functions.
 *
 * The README quotes the lines between the two markers; yjs-bot.test.ts (sync-server/src/interop/) runs
 * this function against a real server, so the quoted example is proven to work.
 */
import { workflowShapeRecord, writeRecord } from '@flowmap/shared'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** `server`: ws(s)://host:port. `token`: an editor's share-link token (any string in local mode). */
export function joinBoardAsBot(server: string, board: string, token: string): WebsocketProvider {
  // README example: start
  const doc = new Y.Doc()
  const bot = new WebsocketProvider(`${server}/yjs`, board, doc, { params: { token } })
  bot.once('sync', () => {
    writeRecord(doc, workflowShapeRecord('step', { id: 'bot-1', props: { label: 'Checked by the bot' } }))
  })
  // README example: end
  return bot
}
