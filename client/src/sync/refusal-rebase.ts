/**
 * Steps 2 and 3 of the refusal reset (board-session.ts runs all four; refusal-reset.ts says what is
 * re-applied, and why): the server's state in a fresh doc, then our kept changes re-applied onto it.
 */
import { REFUSAL_CODES, type RefusalMessage } from '@flowmap/shared'
import * as Y from 'yjs'
import type { RefusalNotice } from './refusal-notice.ts'
import { applyResetPlan, planRefusalReset } from './refusal-reset.ts'
import { fetchServerState, type ResetConnections } from './reset-connections.ts'
import { type PartsSent, sendInParts } from './send-in-parts.ts'

export interface ServerStateAfterRefusal {
  /** A fresh doc with the server's state (after sending in parts, every part it acknowledged). */
  readonly serverDoc: Y.Doc
  /** The refusal to act on: the board's own, or the one the parts met when they were refused. */
  readonly refusal: RefusalMessage
  /** Set when the changes were refused for their size alone and the server took them in parts. */
  readonly sent: PartsSent | null
}

/** 2. Fetch the server's state (a refusal for size alone first sends the changes again in parts). */
export async function fetchStateAfterRefusal(
  connections: ResetConnections,
  refusal: RefusalMessage,
): Promise<ServerStateAfterRefusal> {
  if (refusal.code === REFUSAL_CODES.tooLarge) {
    const outcome = await sendInParts(connections, refusal.limit)
    if (!('refusal' in outcome)) {
      const { serverDoc, parts, oversized } = outcome
      return { serverDoc, refusal, sent: { parts, oversized } }
    }
    await fetchServerState(connections, outcome.serverDoc)
    return { serverDoc: outcome.serverDoc, refusal: outcome.refusal, sent: null }
  }
  const serverDoc = new Y.Doc()
  await fetchServerState(connections, serverDoc)
  return { serverDoc, refusal, sent: null }
}

/** 3. Plan from our doc vs the server's state; apply the kept changes to the server's doc. */
export function rebaseOnServerState(ours: Y.Doc, state: ServerStateAfterRefusal): RefusalNotice {
  const { serverDoc, refusal, sent } = state
  // Changes refused for their size alone are never dropped: they stay, to be sent again.
  const plan = planRefusalReset(
    ours,
    serverDoc,
    sent !== null
      ? { recordId: null, tooLarge: true, exclude: new Set(sent.oversized) }
      : { recordId: refusal.recordId, tooLarge: refusal.code === REFUSAL_CODES.tooLarge },
  )
  applyResetPlan(serverDoc, plan)
  return {
    reason: refusal.reason,
    recordId: refusal.recordId,
    rolledBack: plan.rolledBack,
    ...(sent === null ? {} : { resentInParts: sent.parts }),
  }
}
