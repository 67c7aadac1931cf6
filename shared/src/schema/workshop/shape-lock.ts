/**
 * A facilitator's lock on one shape (a step, a lane, a stage, a frame, a connector) and, through tldraw's
 * parentId, on everything inside it: only facilitators change, move, delete or add to it until one
 * unlocks it. It is not tldraw's `isLocked`, which any editor toggles and which stays as it is.
 *
 * Stored on the shape itself, as `meta.facilitatorLock` ({by, name, at}), rather than as one workshop
 * field listing the locked ids: a record's meta is merged per key (doc/doc-maps.ts), so two facilitators
 * locking two shapes at once both keep their lock, where a list stored as one whole workshop value would
 * keep only the last writer's; and a lock goes with its shape when the shape is deleted, undone or
 * replayed from history. The server's permission rule (sync-server/src/boards/permissions/shape-locks.ts)
 * and the client's editing guard both read it through these functions.
 */
import { type LockHolder, parseLockHolder } from './lock-holder.ts'

export const SHAPE_LOCK_META_KEY = 'facilitatorLock'

/** The fields of a record a lock check reads: where it sits and its meta. */
export interface LockableRecord {
  readonly parentId?: unknown
  readonly meta?: unknown
}

function metaOf(record: LockableRecord | null | undefined): Record<string, unknown> | null {
  const meta = record?.meta
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : null
}

/** The raw lock value a record carries (undefined: none); what a write is compared on. */
export function rawShapeLock(record: LockableRecord | null | undefined): unknown {
  return metaOf(record)?.[SHAPE_LOCK_META_KEY]
}

/**
 * The lock a record carries itself. A value the parser refuses still locks (the server refuses writing
 * one, but a lock is never read as "unlocked" by mistake), shown as locked by "a facilitator".
 */
export function shapeLockOf(record: LockableRecord | null | undefined): LockHolder | 'malformed' | null {
  const raw = rawShapeLock(record)
  if (raw === undefined) return null
  const parsed = parseLockHolder(raw)
  return parsed.ok ? parsed.value : 'malformed'
}

/** `meta` with the lock set (or removed, for null); other meta keys are kept. */
export function metaWithShapeLock(meta: unknown, holder: LockHolder | null): Record<string, unknown> {
  const next = { ...(metaOf({ meta }) ?? {}) }
  if (holder === null) delete next[SHAPE_LOCK_META_KEY]
  else next[SHAPE_LOCK_META_KEY] = holder
  return next
}

/** The lock that covers a record: its own, or the nearest one up its parent chain. */
export interface CoveringLock {
  /** the shape that carries the lock (the record itself, or the lane/stage/frame it sits in) */
  lockedId: string
  holder: LockHolder | null
}

/** Deeper than any honest board nests (page > pool > stage/lane > shape); also stops a parent cycle. */
const MAX_PARENT_DEPTH = 32

/**
 * The lock covering `id`, reading records through `read` (null: no such record). O(depth): it walks up
 * the parent chain, never down the board.
 */
export function coveringShapeLock(
  id: string,
  read: (id: string) => LockableRecord | null | undefined,
): CoveringLock | null {
  let current: string | null = id
  for (let depth = 0; current !== null && depth < MAX_PARENT_DEPTH; depth++) {
    const record = read(current)
    if (record === null || record === undefined) return null
    const lock = shapeLockOf(record)
    if (lock !== null) return { lockedId: current, holder: lock === 'malformed' ? null : lock }
    current =
      typeof record.parentId === 'string' && record.parentId.startsWith('shape:') ? record.parentId : null
  }
  return null
}
