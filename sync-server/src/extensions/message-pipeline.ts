/**
 * The one `beforeHandleMessage` hook: runs the per-message stages of metrics, auth, validation and
 * history in that order, on a message decoded once.
 *
 * Why one hook and not one per extension: Hocuspocus chains every extension's hook through its own
 * promise steps (`then` + `catch` per extension, plus the adoption of each async hook's promise), and
 * every stage decoded the message again. A stage refuses by throwing (the refusal protocol,
 * boards/refuse-update.ts), which stops the later stages.
 *
 * A message that carries a Yjs update first takes its board's turn (boards/board-turns.ts) and holds it
 * until Hocuspocus has applied it (`afterHandleMessage`), so the history stage may wait for its commit
 * (Postgres) while no other change to the board is validated or applied. Other messages run at once.
 */
import type { afterHandleMessagePayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server'
import type { BoardTurns } from '../boards/board-turns.ts'
import { type IncomingMessage, readIncomingMessage } from '../protocol/incoming-update.ts'

/**
 * One extension's per-message work; `incoming` is the message decoded by readIncomingMessage. A stage
 * that answers a promise (a storage commit) is waited for before the next stage runs.
 */
export type MessageStage = (
  payload: beforeHandleMessagePayload,
  incoming: IncomingMessage,
) => void | Promise<void>

/** Runs once Hocuspocus has applied (or failed to apply) the message. */
export type AfterMessageStage = (payload: afterHandleMessagePayload) => void

export interface MessagePipelineOptions {
  /** in the order they run */
  stages: readonly MessageStage[]
  after: readonly AfterMessageStage[]
  turns: BoardTurns
}

export function messagePipelineExtension(options: MessagePipelineOptions): Extension {
  const { stages, after, turns } = options
  /** The turn each connection holds for the update it is handling (one message at a time per connection). */
  const heldTurns = new WeakMap<object, () => void>()

  /** Runs the stages in order; only a stage that answers a promise (a commit) is waited for. */
  async function runStages(payload: beforeHandleMessagePayload, incoming: IncomingMessage): Promise<void> {
    for (const stage of stages) {
      const running = stage(payload, incoming)
      if (running !== undefined) await running
    }
  }

  return {
    extensionName: 'flowmap-message-pipeline',
    priority: 900,

    async beforeHandleMessage(payload: beforeHandleMessagePayload) {
      const incoming = readIncomingMessage(payload.update)
      if (incoming.kind !== 'update') return runStages(payload, incoming)
      const end = await turns.take(payload.documentName)
      heldTurns.set(payload.connection, end)
      try {
        await runStages(payload, incoming)
      } catch (error) {
        // Refused or failed: Hocuspocus will not apply it (nor call afterHandleMessage).
        heldTurns.delete(payload.connection)
        end()
        throw error
      }
    },

    afterHandleMessage(payload: afterHandleMessagePayload) {
      try {
        for (const stage of after) stage(payload)
      } finally {
        heldTurns.get(payload.connection)?.()
        heldTurns.delete(payload.connection)
      }
    },
    // Hocuspocus types these hooks as returning a promise; its chain accepts any value.
  } as unknown as Extension
}
