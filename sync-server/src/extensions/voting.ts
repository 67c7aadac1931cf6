/**
 * Dot voting: reads the vote requests clients send on the stateless channel (the protocol is
 * @flowmap/shared's protocol/vote-messages.ts) and answers each to its sender alone. Unrevealed votes
 * live in storage beside the board, never in its doc, so no other client can receive them.
 *
 * A reveal is the one change this extension makes to a doc: in one transaction it writes the tally as
 * `workshop.voteResults` and removes `workshop.vote`, as a server-made change stored in history before
 * any page receives it (boards/server-write.ts). The server writes it rather than the
 * facilitator's page because only the server holds the ballots: no client can forge or skew a result,
 * and a connection's write of `voteResults` is refused outright (boards/permissions/vote-results-are-the-servers.ts).
 *
 * Hocuspocus rethrows an error from this hook as an unhandled rejection, so nothing here may throw.
 */
import {
  canFacilitateBoard,
  encodeStatelessMessage,
  FLOWMAP_PROTOCOL_VERSION,
  parseVoteRequest,
  readMalformedVoteId,
  type StatelessMessage,
  type VoteResults,
  voteField,
  voteResultsField,
  writeWorkshopField,
} from '@flowmap/shared'
import type { Document, Extension, onStatelessPayload } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { BoardShadows } from '../boards/board-shadows.ts'
import { BoardTurns } from '../boards/board-turns.ts'
import { SERVER_WRITE_ORIGIN, type ServerWriteParts, writeOnServer } from '../boards/server-write.ts'
import type { Logger } from '../logger.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import { decideVoteRequest, refusedMessage } from '../voting/ballot-box.ts'
import type { History } from './history.ts'

export interface VotingOptions {
  storage: AsyncBoardStorage
  history: History
  shadows: BoardShadows
  turns: BoardTurns
  logger: Logger
}

export function votingExtension(options: VotingOptions): Extension {
  const { storage, logger } = options
  // One board's vote requests are decided one after another, each with the result it writes: a cast
  // cannot slip between a reveal's count and its tally (a turn of its own, not the board's content
  // turn, which the tally's write takes).
  const votingTurns = new BoardTurns()
  return {
    extensionName: 'flowmap-voting',

    async onStateless({ connection, document, documentName, payload }: onStatelessPayload) {
      const send = (message: StatelessMessage) => connection.sendStateless(encodeStatelessMessage(message))
      try {
        const parsed = parseVoteRequest(payload)
        if (parsed === null) return
        if (!parsed.ok) {
          send(refusedMessage(readMalformedVoteId(payload), parsed.reason))
          return
        }
        const user = (connection.context as FlowmapContext).user
        const request = parsed.message
        await votingTurns.run(documentName, async () => {
          const decision = await decideVoteRequest(request, {
            doc: document,
            boardId: documentName,
            user,
            storage,
            now: Date.now(),
          })
          if (decision.results !== null) {
            const { history, shadows, turns } = options
            const written = await writeResults(
              { history, shadows, turns, document, documentName },
              decision.results,
            )
            if (!written.ok) {
              send(refusedMessage(decision.results.id, written.reason))
              return
            }
          }
          send(decision.answer)
          if (decision.progress !== null) tellFacilitators(document, decision.progress)
        })
      } catch (error) {
        logger.error({ event: 'error', board: documentName, err: error }, 'vote request failed')
        send(refusedMessage(null, 'the server could not handle this vote request; nothing changed'))
      }
    },
  }
}

function writeResults(parts: ServerWriteParts, results: VoteResults): ReturnType<typeof writeOnServer> {
  // One update: one history entry, and no moment at which the vote is closed without its result.
  return writeOnServer(parts, 'the vote result', (scratch) =>
    scratch.transact(() => {
      writeWorkshopField(scratch, voteResultsField, results, SERVER_WRITE_ORIGIN)
      writeWorkshopField(scratch, voteField, null, SERVER_WRITE_ORIGIN)
    }, SERVER_WRITE_ORIGIN),
  )
}

/** How many have voted, never where: facilitators only. */
function tellFacilitators(document: Document, progress: { voteId: string; voters: number }): void {
  const message = encodeStatelessMessage({
    type: 'vote-progress',
    version: FLOWMAP_PROTOCOL_VERSION,
    ...progress,
  })
  for (const connection of document.getConnections()) {
    const role = (connection.context as FlowmapContext | undefined)?.user?.role
    if (role !== undefined && canFacilitateBoard(role)) connection.sendStateless(message)
  }
}
