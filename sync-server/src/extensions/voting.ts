/**
 * Dot voting: reads the vote requests clients send on the stateless channel (the protocol is
 * @flowmap/shared's protocol/vote-messages.ts) and answers each to its sender alone. Unrevealed votes
 * live in storage beside the board, never in its doc, so no other client can receive them.
 *
 * A reveal is the one change this extension makes to a doc: in one transaction it writes the tally as
 * `workshop.voteResults` and removes `workshop.vote`, as a server-made change (origin 'tally'), which
 * the history extension appends to the log like any other. The server writes it rather than the
 * facilitator's page because only the server holds the ballots: no client can forge or skew a result,
 * and a connection's write of `voteResults` is refused outright (boards/permissions/vote-results-are-the-servers.ts).
 *
 * Hocuspocus rethrows an error from this hook as an unhandled rejection, so nothing here may throw.
 */
import {
  canFacilitateBoard,
  type DocOrigin,
  encodeStatelessMessage,
  FLOWMAP_PROTOCOL_VERSION,
  parseVoteRequest,
  readMalformedVoteId,
  type StatelessMessage,
  transactBoard,
  type VoteResults,
  voteField,
  voteResultsField,
  writeWorkshopField,
} from '@flowmap/shared'
import type { Document, Extension, onStatelessPayload } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { Logger } from '../logger.ts'
import type { BoardStorage } from '../storage/board-storage.ts'
import { decideVoteRequest, refusedMessage } from '../voting/ballot-box.ts'

export const TALLY_ORIGIN: DocOrigin = Object.freeze({ source: 'tally' })

export interface VotingOptions {
  storage: BoardStorage
  logger: Logger
}

export function votingExtension(options: VotingOptions): Extension {
  const { storage, logger } = options
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
        const decision = decideVoteRequest(parsed.message, {
          doc: document,
          boardId: documentName,
          user,
          storage,
          now: Date.now(),
        })
        if (decision.results !== null) writeResults(document, decision.results)
        send(decision.answer)
        if (decision.progress !== null) tellFacilitators(document, decision.progress)
      } catch (error) {
        logger.error({ event: 'error', board: documentName, err: error }, 'vote request failed')
        send(refusedMessage(null, 'the server could not handle this vote request; nothing changed'))
      }
    },
  }
}

function writeResults(document: Document, results: VoteResults): void {
  // One transaction (Yjs joins nested ones to the outer): one history entry, and no moment at which
  // the vote is closed without its result.
  transactBoard(document, TALLY_ORIGIN, () => {
    writeWorkshopField(document, voteResultsField, results, TALLY_ORIGIN)
    writeWorkshopField(document, voteField, null, TALLY_ORIGIN)
  })
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
