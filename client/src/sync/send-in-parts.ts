/**
 * Step 2 of the refusal reset for a refusal of size alone (a long offline session, a big paste):
 * nothing in the changes is wrong, they are only more than one message may carry. Over a connection of
 * its own, a fresh doc takes the server's state, then our changes part by part (splitResetPlan), each
 * acknowledged before the next, so that the server has them all when the board reconnects. A part
 * refused for size again (the limit was not said, or was smaller than assumed) starts over with smaller
 * parts, from the server's state, which holds the parts acknowledged so far. The stored doc keeps every
 * change until the reset replaces it: a tab closed midway loses nothing (its next open does this
 * again). Records too large to send even alone are named, to be rolled back.
 */
import { REFUSAL_CODES, type RefusalMessage } from '@flowmap/shared'
import * as Y from 'yjs'
import { applyResetPlan, planRefusalReset, splitResetPlan } from './refusal-reset.ts'
import type { ResetConnections } from './reset-connections.ts'

/**
 * The message limit assumed when the server cut a message off without saying its limit: parts are cut
 * to a quarter of it (1 MiB), well under the server's default of 8 MiB; a smaller limit is said in the
 * next refusal, and the parts shrink to it.
 */
const ASSUMED_MESSAGE_LIMIT = 4 * 1024 * 1024
/** Rounds of ever smaller parts before a refusal for size is treated like any other refusal. */
const MAX_PART_ATTEMPTS = 6

export interface PartsSent {
  readonly parts: number
  /** Records too large to send even alone: they are rolled back. */
  readonly oversized: string[]
}

/**
 * `serverDoc` holds the server's state with every part it acknowledged. With `refusal`, the parts were
 * refused for what they hold (or sizes could not be found): the caller resets as for any refusal, from
 * a fresh `serverDoc` it fills itself.
 */
export type SendInPartsOutcome =
  | ({ readonly serverDoc: Y.Doc } & PartsSent)
  | { readonly serverDoc: Y.Doc; readonly refusal: RefusalMessage }

/** `saidLimit`: the largest message the server takes, as its refusal said it (undefined when not said). */
export async function sendInParts(
  connections: ResetConnections,
  saidLimit: number | undefined,
): Promise<SendInPartsOutcome> {
  let limit = saidLimit ?? ASSUMED_MESSAGE_LIMIT
  for (let attempt = 1; ; attempt++) {
    const serverDoc = new Y.Doc()
    const outcome = await sendPartsOnce(connections, serverDoc, limit)
    if (!('refusal' in outcome)) return { serverDoc, ...outcome }
    const { refusal } = outcome
    if (refusal.code !== REFUSAL_CODES.tooLarge || attempt >= MAX_PART_ATTEMPTS) {
      // Refused for what it holds (or sizes cannot be found): reset from the server as for any refusal.
      serverDoc.destroy()
      return { serverDoc: new Y.Doc(), refusal }
    }
    serverDoc.destroy()
    limit = Math.min(refusal.limit ?? limit / 4, limit / 2)
  }
}

async function sendPartsOnce(
  connections: ResetConnections,
  serverDoc: Y.Doc,
  limit: number,
): Promise<PartsSent | { refusal: RefusalMessage }> {
  let acknowledged: (() => void) | null = null
  let refused: RefusalMessage | null = null
  const sending = connections.connect(serverDoc, {
    onRefusal: (message) => {
      refused = message
      acknowledged?.()
    },
    onAllAcknowledged: () => acknowledged?.(),
  })
  // Closing the board meanwhile ends the sending (the stored doc still holds every change).
  let synced: (() => void) | null = null
  connections.onClose(() => {
    sending.destroy()
    synced?.()
    acknowledged?.()
  })
  try {
    await new Promise<void>((resolve) => {
      synced = resolve
      if (sending.provider.synced) resolve()
      else sending.provider.on('synced', () => resolve())
    })
    const oldDoc = connections.currentDoc()
    if (connections.isClosed() || !oldDoc) return { parts: 0, oversized: [] }
    const plan = planRefusalReset(oldDoc, serverDoc, { recordId: null, tooLarge: true })
    const { parts, oversized } = splitResetPlan(plan, limit)
    for (const part of parts) {
      const sent = new Promise<void>((resolve) => {
        acknowledged = resolve
      })
      applyResetPlan(serverDoc, part)
      if (sending.provider.unsyncedChanges > 0) await sent
      if (refused !== null) return { refusal: refused }
      if (connections.isClosed()) break
    }
    return { parts: parts.length, oversized }
  } finally {
    acknowledged = null
    sending.destroy()
  }
}
