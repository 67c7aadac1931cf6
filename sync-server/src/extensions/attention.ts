/**
 * Attention (summon, follow me, take control): a facilitator's request, on the stateless channel, is
 * checked here and passed on to everyone else on the board. The protocol is @flowmap/shared's
 * (protocol/attention-messages.ts).
 *
 * 1. A stateless payload of another type is not this extension's: it is left to the others.
 * 2. A request that does not read, or comes from a connection whose role may not facilitate, is answered
 *    to its sender alone with `attention-refused` and the reason, logged, and goes no further.
 * 3. Otherwise everyone else on the board gets an `attention` message naming the leader by the name the
 *    server knows (the token's), never the one a request could claim.
 * 4. A board's take-control is remembered until released, so a connection that joins during it is sent
 *    it at once; it ends when the connection that took control closes, since participants must never be
 *    left held by a facilitator who has gone.
 */
import {
  ATTENTION_REQUEST_TYPE,
  type AttentionMessage,
  attentionMessage,
  attentionRefusedMessage,
  canFacilitateBoard,
  encodeStatelessMessage,
  parseAttentionRequest,
} from '@flowmap/shared'
import type {
  connectedPayload,
  Document,
  Extension,
  onDisconnectPayload,
  onStatelessPayload,
} from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { Logger } from '../logger.ts'

/** Who holds a board's take-control: their socket, and the message a joining connection is sent. */
/** What each action asks of everyone, for a refusal a person reads. */
const ASKS: Readonly<Record<AttentionMessage['action'], string>> = {
  summon: 'bring everyone to their view',
  follow: 'have everyone follow them',
  'take-control': "take control of everyone's view",
  release: "release everyone's view",
}

interface HeldControl {
  readonly socketId: string
  readonly message: AttentionMessage
}

export function attentionExtension(options: { logger: Logger }): Extension {
  const { logger } = options
  const control = new Map<string, HeldControl>()

  const release = (document: Document, held: HeldControl) => {
    control.delete(document.name)
    const released: AttentionMessage = { ...held.message, action: 'release', viewport: null }
    document.broadcastStateless(encodeStatelessMessage(released))
  }

  return {
    extensionName: 'flowmap-attention',

    async onStateless({ connection, document, documentName, payload }: onStatelessPayload) {
      const parsed = parseAttentionRequest(payload)
      if (!parsed.ok && parsed.type !== ATTENTION_REQUEST_TYPE) return
      const { user } = connection.context as FlowmapContext
      const refuse = (action: AttentionMessage['action'] | null, reason: string) => {
        logger.warn(
          { event: 'attention', board: documentName, user: user.id, socketId: connection.socketId },
          reason,
        )
        connection.sendStateless(encodeStatelessMessage(attentionRefusedMessage(action, reason)))
      }
      if (!parsed.ok) {
        refuse(null, parsed.reason)
        return
      }
      const request = parsed.message
      if (!canFacilitateBoard(user.role)) {
        refuse(
          request.action,
          `only a facilitator can ${ASKS[request.action]} on this board; your link makes you ${
            user.role === 'editor' ? 'an editor' : 'a viewer'
          }`,
        )
        return
      }
      const message = attentionMessage(request, user.name)
      if (request.action === 'take-control') {
        control.set(documentName, { socketId: connection.socketId, message })
      } else if (request.action === 'release') {
        control.delete(documentName)
      }
      logger.info(
        { event: 'attention', board: documentName, user: user.id },
        `${request.action} by ${user.name}`,
      )
      document.broadcastStateless(encodeStatelessMessage(message), (other) => other !== connection)
    },

    async connected({ connection, documentName, socketId }: connectedPayload) {
      const held = control.get(documentName)
      if (held !== undefined && held.socketId !== socketId) {
        connection.sendStateless(encodeStatelessMessage(held.message))
      }
    },

    async onDisconnect({ document, socketId }: onDisconnectPayload) {
      const held = control.get(document.name)
      if (held !== undefined && held.socketId === socketId) release(document, held)
    },

    async afterUnloadDocument({ documentName }: { documentName: string }) {
      control.delete(documentName)
    },
  }
}
