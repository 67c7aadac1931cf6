/**
 * Every stateless message the server sends a client, as one union on `type` (the envelope and its
 * version check are stateless-envelope.ts). The server encodes with `encodeStatelessMessage`, the client
 * reads with `parseStatelessMessage`; a switch over `message.type` ends in an exhaustiveness check, so a
 * new message type fails typecheck wherever it is not handled.
 *
 * The refusal of an update (refusal.ts); who is on the board, and a removal (people-messages.ts); dot
 * voting's answers (vote-messages.ts); attention, and its refusal (attention-messages.ts).
 */
import {
  ATTENTION_MESSAGE_TYPE,
  ATTENTION_REFUSED_TYPE,
  type AttentionMessage,
  type AttentionRefusedMessage,
  readAttentionMessage,
  readAttentionRefusedMessage,
} from './attention-messages.ts'
import { CLOCK_ANSWER_TYPE, type ClockAnswer, readClockAnswer } from './clock-messages.ts'
import {
  PEOPLE_MESSAGE_TYPE,
  type PeopleMessage,
  REMOVED_MESSAGE_TYPE,
  type RemovedMessage,
  readPeopleMessage,
  readRemovedMessage,
} from './people-messages.ts'
import {
  PRIVATE_REVEAL_ANSWER_TYPE,
  type PrivateRevealAnswer,
  readPrivateRevealAnswer,
} from './private-reveal-messages.ts'
import { REFUSAL_MESSAGE_TYPE, type RefusalMessage, readRefusalMessage } from './refusal.ts'
import {
  readStatelessEnvelope,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'
import {
  readVoteBallotMessage,
  readVoteProgressMessage,
  readVoteRefusedMessage,
  type VoteBallotMessage,
  type VoteProgressMessage,
  type VoteRefusedMessage,
} from './vote-messages.ts'

export type StatelessMessage =
  | RefusalMessage
  | PeopleMessage
  | RemovedMessage
  | VoteBallotMessage
  | VoteProgressMessage
  | VoteRefusedMessage
  | AttentionMessage
  | AttentionRefusedMessage
  | ClockAnswer
  | PrivateRevealAnswer

export type StatelessMessageType = StatelessMessage['type']

type MessageReader<Type extends StatelessMessageType> = (
  envelope: StatelessEnvelope,
) => StatelessParse<Extract<StatelessMessage, { type: Type }>>

/** One reader per message type: a type added to the union fails typecheck here until it is read. */
const READERS: { readonly [Type in StatelessMessageType]: MessageReader<Type> } = {
  [REFUSAL_MESSAGE_TYPE]: readRefusalMessage,
  [PEOPLE_MESSAGE_TYPE]: readPeopleMessage,
  [REMOVED_MESSAGE_TYPE]: readRemovedMessage,
  'vote-ballot': readVoteBallotMessage,
  'vote-progress': readVoteProgressMessage,
  'vote-refused': readVoteRefusedMessage,
  [ATTENTION_MESSAGE_TYPE]: readAttentionMessage,
  [ATTENTION_REFUSED_TYPE]: readAttentionRefusedMessage,
  [CLOCK_ANSWER_TYPE]: readClockAnswer,
  [PRIVATE_REVEAL_ANSWER_TYPE]: readPrivateRevealAnswer,
}

export const STATELESS_MESSAGE_TYPES = Object.keys(READERS) as readonly StatelessMessageType[]

export function encodeStatelessMessage(message: StatelessMessage): string {
  return JSON.stringify(message)
}

export function parseStatelessMessage(text: string): StatelessParse<StatelessMessage> {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return envelope
  const { type } = envelope.message
  if (!isStatelessMessageType(type)) {
    return statelessProblem(
      type,
      `stateless message type must be one of ${STATELESS_MESSAGE_TYPES.join('|')}, got "${type}"`,
    )
  }
  return READERS[type](envelope.message)
}

function isStatelessMessageType(type: string): type is StatelessMessageType {
  return Object.hasOwn(READERS, type)
}
