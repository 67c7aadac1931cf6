/**
 * The refusal protocol, server side (docs/architecture.md, step 8).
 *
 * A refused update must never reach the live document, yet the sender's provider keeps it and would
 * send it again forever. So the server (1) tells the sender why, in a stateless message the client
 * understands, and (2) closes that sender's connection to the board, which is the only way a Hocuspocus
 * `beforeHandleMessage` hook can stop the message: it throws, and Hocuspocus closes with the thrown
 * `{ code, reason }` (the provider sees code 1000 but keeps the reason). The client then resets its doc
 * from the server state. The message, its codes and its parser are @flowmap/shared's (protocol/refusal.ts),
 * read by both ends; this module holds only the close that follows it.
 */
import type { Refusal } from '@flowmap/shared'
import type { CloseEvent } from '@hocuspocus/common'
import { FLOWMAP_CLOSE } from './close-codes.ts'

/** The close that follows a refusal (protocol/close-codes.ts holds every close code). */
export const UpdateRefused: CloseEvent = FLOWMAP_CLOSE.updateRefused

/** The error a hook throws to make Hocuspocus close the sender's connection (the only way it offers). */
export class RefusedUpdateError extends Error {
  readonly code = UpdateRefused.code
  readonly reason: string
  readonly refusal: Refusal

  constructor(refusal: Refusal) {
    // No message on purpose: Hocuspocus's hook runner prints `error.message` once per extension left in
    // the chain. The refusal is logged once, by the refuser, with board and user.
    super()
    this.refusal = refusal
    this.reason = `${UpdateRefused.reason}: ${refusal.code}`
  }
}
