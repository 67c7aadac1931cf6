/**
 * The one `beforeHandleMessage` hook: runs the per-message stages of metrics, auth, validation and
 * history in that order, synchronously, on a message decoded once.
 *
 * Why one hook and not one per extension: Hocuspocus chains every extension's hook through its own
 * promise steps (`then` + `catch` per extension, plus the adoption of each async hook's promise), and
 * every stage decoded the message again. The stages are all synchronous (the history append included:
 * node:sqlite), so running them back to back in one plain function keeps their order and semantics while
 * the message reaches Hocuspocus's apply-and-broadcast sooner. A stage refuses by throwing (the refusal
 * protocol, boards/refuse-update.ts), which stops the later stages exactly as before.
 */
import type { afterHandleMessagePayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server'
import { type IncomingMessage, readIncomingMessage } from '../protocol/incoming-update.ts'

/** One extension's per-message work; `incoming` is the message decoded by readIncomingMessage. */
export type MessageStage = (payload: beforeHandleMessagePayload, incoming: IncomingMessage) => void

/** Runs once Hocuspocus has applied (or failed to apply) the message. */
export type AfterMessageStage = (payload: afterHandleMessagePayload) => void

export interface MessagePipelineOptions {
  /** in the order they run */
  stages: readonly MessageStage[]
  after: readonly AfterMessageStage[]
}

export function messagePipelineExtension(options: MessagePipelineOptions): Extension {
  const { stages, after } = options
  return {
    extensionName: 'flowmap-message-pipeline',
    priority: 900,

    // Not async on purpose: a plain return lets Hocuspocus's chain continue without adopting a promise.
    beforeHandleMessage(payload: beforeHandleMessagePayload) {
      const incoming = readIncomingMessage(payload.update)
      for (const stage of stages) stage(payload, incoming)
    },

    afterHandleMessage(payload: afterHandleMessagePayload) {
      for (const stage of after) stage(payload)
    },
    // Hocuspocus types these hooks as returning a promise; its chain accepts any value.
  } as unknown as Extension
}
