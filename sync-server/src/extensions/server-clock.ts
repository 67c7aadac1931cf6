/**
 * The server's clock, for the workshop timer: a page sends a `clock-request` on the stateless channel
 * and this answers that page alone with its id and the server's time now (@flowmap/shared's
 * protocol/clock-messages.ts). The page estimates its offset from the round trip, so a timer written in
 * server time reads the same on every page whatever its own clock says.
 *
 * Every authenticated person may ask (a viewer sees the timer too). Other stateless types are another
 * extension's; a malformed clock request is dropped (logged at debug): there is no request id to answer,
 * and the page simply asks again. The exchange is stateless: nothing is kept per connection.
 */
import { CLOCK_REQUEST_TYPE, clockAnswer, encodeStatelessMessage, parseClockRequest } from '@flowmap/shared'
import type { Extension, onStatelessPayload } from '@hocuspocus/server'
import type { Logger } from '../logger.ts'

export interface ServerClockOptions {
  logger: Logger
  /** @default Date.now (tests pass a clock of their own) */
  now?: () => number
}

export function serverClockExtension(options: ServerClockOptions): Extension {
  const now = options.now ?? Date.now
  return {
    extensionName: 'flowmap-server-clock',
    async onStateless({ connection, documentName, payload }: onStatelessPayload) {
      const request = parseClockRequest(payload)
      if (!request.ok) {
        if (request.type === CLOCK_REQUEST_TYPE) {
          options.logger.debug(
            { event: 'clock', board: documentName, reason: request.reason },
            'clock request dropped',
          )
        }
        return
      }
      connection.sendStateless(encodeStatelessMessage(clockAnswer(request.message.id, now())))
    },
  }
}
