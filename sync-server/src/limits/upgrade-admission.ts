/**
 * Wires AddressAdmission into the HTTP server's 'upgrade' handler: a refused upgrade is answered with
 * its HTTP status and a JSON body naming the limit (the API's error shape), before any WebSocket
 * handshake; an admitted one is counted as open until its TCP socket closes, however it ends.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from '../logger.ts'
import type { AddressAdmission } from './address-admission.ts'
import { clientAddress } from './client-address.ts'

const STATUS_TEXT = { 429: 'Too Many Requests', 503: 'Service Unavailable' } as const

/** Answers true when the upgrade may go on; otherwise it has been refused and the socket ended. */
export function admitUpgrade(options: {
  admission: AddressAdmission
  request: IncomingMessage
  socket: Duplex
  board: string | null
  trustProxy: number
  logger: Logger
}): boolean {
  const { socket } = options
  const address = clientAddress(options.request, options.trustProxy)
  const admission = options.admission.admit(address, options.board)
  if (admission.ok) {
    socket.once('close', admission.release)
    return true
  }
  if (admission.firstOfRun) {
    options.logger.warn(
      { event: 'limit', limit: admission.error, address, board: options.board },
      admission.message,
    )
  }
  const body = JSON.stringify({ error: admission.error, message: admission.message })
  const headers = [
    `HTTP/1.1 ${admission.status} ${STATUS_TEXT[admission.status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(admission.retryAfterSeconds === null ? [] : [`Retry-After: ${admission.retryAfterSeconds}`]),
    'Connection: close',
  ]
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`)
  return false
}
