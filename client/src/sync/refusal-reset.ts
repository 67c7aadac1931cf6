/**
 * The client half of the refusal protocol (docs/architecture.md, step 8): after the server refused one of our
 * updates, we start over from the server's state in a fresh doc and re-apply, as new changes, our own
 * changes the server has not acknowledged, except the refused record and anything that no longer
 * validates. This module works out what to re-apply; board-session.ts runs the reset around it.
 *
 * Which changes are unacknowledged is read from the docs themselves, not from counters: the server's
 * state vector says exactly which of our operations it holds, so everything our doc has beyond it is
 * unacknowledged (the refused update, later ones stuck behind it, edits made offline before a reload).
 *
 * 1. `missing` = our doc's operations beyond the server's state vector.
 * 2. A shadow of the server's state takes `missing`: the records, roles and board fields it touches are
 *    the unacknowledged changes, already merged with the server's concurrent ones by Yjs's own rules.
 * 3. Each touched record is kept if it validates and is not the refused one; the rest are rolled back.
 * 4. Kept changes are written into the fresh doc key by key, so only what we changed is re-applied.
 */
import {
  type BoardMeta,
  type DocOrigin,
  deleteRecords,
  deleteRole,
  observeRecords,
  type Role,
  readBoard,
  readRecord,
  readRoles,
  transactBoard,
  validateRecord,
  validateRole,
  writeBoard,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import { isEqual, type TLRecord } from 'tldraw'
import * as Y from 'yjs'

export const resetOrigin: DocOrigin = Object.freeze({ source: 'reset' })

export interface ResetPlan {
  /** Records to write again (as our merged, validated version). */
  readonly records: TLRecord[]
  /** Records we deleted that the server still has. */
  readonly removedRecords: string[]
  readonly roles: Role[]
  readonly removedRoles: string[]
  readonly board: Partial<BoardMeta>
  /** Ids whose local change is dropped: the refused record and any that no longer validate. */
  readonly rolledBack: string[]
}

export interface RefusedChange {
  /** The refused record; null when the whole update was refused (too large, read-only, malformed). */
  readonly recordId: string | null
  /**
   * The update was refused only for its size: nothing in it is wrong, so every change that validates
   * is kept (to be sent again in parts, see splitResetPlan) instead of all being dropped.
   */
  readonly tooLarge?: boolean
  /** Ids rolled back whatever else holds (a record too large to send even alone). */
  readonly exclude?: ReadonlySet<string>
}

export function planRefusalReset(ours: Y.Doc, server: Y.Doc, refused: RefusedChange): ResetPlan {
  // 1. Our operations the server does not hold.
  const missing = Y.encodeStateAsUpdate(ours, Y.encodeStateVector(server))
  // 2. Replay them on a shadow of the server's state and see what they touch.
  const shadow = new Y.Doc()
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(server))
  const touched = new Set<string>()
  const stop = observeRecords(shadow, (change) => {
    for (const record of change.upserted) touched.add(record.id)
    for (const id of change.removed) touched.add(id)
  })
  Y.applyUpdate(shadow, missing)
  stop()

  const serverRoles = new Map(readRoles(server).map((role) => [role.id, role]))
  const shadowRoles = new Map(readRoles(shadow).map((role) => [role.id, role]))
  const changedRoles = [...shadowRoles.values()].filter((role) => !isEqual(serverRoles.get(role.id), role))
  const removedRoles = [...serverRoles.keys()].filter((id) => !shadowRoles.has(id))

  // A refusal that names nothing we touched cannot be pinned down: drop all our changes rather than
  // send the same refused update again.
  const touchedIds = new Set([...touched, ...changedRoles.map((role) => role.id), ...removedRoles])
  const dropAll = !refused.tooLarge && (refused.recordId === null || !touchedIds.has(refused.recordId))
  const excluded = (id: string) => id === refused.recordId || (refused.exclude?.has(id) ?? false)
  const schema = readBoard(shadow).schema
  const records: TLRecord[] = []
  const removedRecords: string[] = []
  const rolledBack: string[] = []
  // 3. Keep what validates, roll back the rest.
  for (const id of [...touched].sort()) {
    if (dropAll || excluded(id)) {
      rolledBack.push(id)
      continue
    }
    const merged = readRecord(shadow, id)
    if (!merged) {
      if (readRecord(server, id)) removedRecords.push(id)
      continue
    }
    const validation = validateRecord(merged, { schema })
    if (validation.ok) records.push(merged)
    else rolledBack.push(id)
  }

  const roles: Role[] = []
  for (const role of changedRoles) {
    if (dropAll || excluded(role.id) || !validateRole(role).ok) rolledBack.push(role.id)
    else roles.push(role)
  }

  const serverBoard = readBoard(server)
  const shadowBoard = readBoard(shadow)
  const board: Partial<BoardMeta> = {}
  if (!dropAll && shadowBoard.title !== serverBoard.title) board.title = shadowBoard.title
  if (!dropAll && !isEqual(shadowBoard.disabledLintRules, serverBoard.disabledLintRules)) {
    board.disabledLintRules = shadowBoard.disabledLintRules
  }
  if (!dropAll && serverBoard.schema === null && shadowBoard.schema !== null)
    board.schema = shadowBoard.schema
  if (dropAll) rolledBack.push(...removedRoles)
  shadow.destroy()
  return { records, removedRecords, roles, removedRoles: dropAll ? [] : removedRoles, board, rolledBack }
}

/** 4. Writes the kept changes into `doc` (the fresh copy of the server's state), in one transaction. */
export function applyResetPlan(doc: Y.Doc, plan: ResetPlan, origin: DocOrigin = resetOrigin): void {
  transactBoard(doc, origin, () => {
    if (plan.records.length > 0) writeRecords(doc, plan.records, origin)
    if (plan.removedRecords.length > 0) deleteRecords(doc, plan.removedRecords, origin)
    for (const role of plan.roles) writeRole(doc, role, origin)
    for (const id of plan.removedRoles) deleteRole(doc, id, origin)
    if (Object.keys(plan.board).length > 0) writeBoard(doc, plan.board, origin)
  })
}

/**
 * A plan cut into parts whose messages each fit under the server's `limit` (bytes), for changes that
 * were refused only for being too large together (a long offline session, a big paste). Records are
 * sized by their JSON, which a Yjs update does not exceed by much; a part aims at a quarter of the
 * limit (at most 1 MiB) to leave room. Removals, roles and board fields go with the first part.
 * `oversized`: records that do not fit even alone; they cannot be sent and are rolled back.
 */
export function splitResetPlan(plan: ResetPlan, limit: number): { parts: ResetPlan[]; oversized: string[] } {
  const budget = Math.min(limit / 4, 1024 * 1024)
  const alone = limit * 0.9
  const oversized: string[] = []
  const batches: TLRecord[][] = []
  let batch: TLRecord[] = []
  let size = 0
  for (const record of plan.records) {
    const bytes = new TextEncoder().encode(JSON.stringify(record)).byteLength
    if (bytes > alone) {
      oversized.push(record.id)
      continue
    }
    if (batch.length > 0 && size + bytes > budget) {
      batches.push(batch)
      batch = []
      size = 0
    }
    batch.push(record)
    size += bytes
  }
  if (batch.length > 0) batches.push(batch)
  const first: ResetPlan = {
    ...plan,
    records: batches[0] ?? [],
    rolledBack: [...plan.rolledBack, ...oversized],
  }
  const rest = batches.slice(1).map(
    (records): ResetPlan => ({
      records,
      removedRecords: [],
      roles: [],
      removedRoles: [],
      board: {},
      rolledBack: [],
    }),
  )
  return { parts: [first, ...rest], oversized }
}
