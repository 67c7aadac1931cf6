/**
 * Every stateless message the server sends a client, as one union on `type` (the envelope and its
 * version check are stateless-envelope.ts). The server encodes with `encodeStatelessMessage`, the client
 * reads with `parseStatelessMessage`; a switch over `message.type` ends in an exhaustiveness check, so a
 * new message type fails typecheck wherever it is not handled.
 *
 * Today there is one: the refusal of an update (refusal.ts).
 */
import { REFUSAL_MESSAGE_TYPE, type RefusalMessage, readRefusalMessage } from './refusal.ts'
import { readStatelessEnvelope, type StatelessParse, statelessProblem } from './stateless-envelope.ts'

export type StatelessMessage = RefusalMessage

export type StatelessMessageType = StatelessMessage['type']

export const STATELESS_MESSAGE_TYPES: readonly StatelessMessageType[] = [REFUSAL_MESSAGE_TYPE]

export function encodeStatelessMessage(message: StatelessMessage): string {
  return JSON.stringify(message)
}

export function parseStatelessMessage(text: string): StatelessParse<StatelessMessage> {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return envelope
  const { type } = envelope.message
  if (type === REFUSAL_MESSAGE_TYPE) return readRefusalMessage(envelope.message)
  return statelessProblem(
    type,
    `stateless message type must be one of ${STATELESS_MESSAGE_TYPES.join('|')}, got "${type}"`,
  )
}
