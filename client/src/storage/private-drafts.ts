/**
 * The device's private-mode drafts: sticky notes a person wrote during a private brainstorm, which
 * never enter the board's doc (so never reach the server or anyone else) until the facilitator ends it.
 * A Dexie database of their own, apart from the boards' y-dexie database: a draft is not a Yjs update
 * and must never be mistaken for one that y-dexie would sync.
 */
import { Dexie, type EntityTable } from 'dexie'

export interface PrivateDraftRow {
  /** the draft's shape id in this page's store */
  id: string
  boardId: string
  /** the private-mode session it was written in (its `since`) */
  session: number
  /**
   * The id the note gets when revealed: fresh, so the shape id others may have seen in this page's
   * presence (a selection) never names the revealed note; kept, so a resend reveals it only once.
   */
  revealId: string
  /** the tldraw note record, as the store holds it */
  record: unknown
}

export type PrivateDraftDatabase = Dexie & { drafts: EntityTable<PrivateDraftRow, 'id'> }

export const PRIVATE_DRAFTS_DATABASE = 'flowmap-private-drafts'

export function openPrivateDrafts(name = PRIVATE_DRAFTS_DATABASE): PrivateDraftDatabase {
  const db = new Dexie(name) as PrivateDraftDatabase
  db.version(1).stores({ drafts: 'id, boardId' })
  return db
}

/**
 * Saves a draft's latest record. The reveal id of the first save is kept for good: a draft revealed
 * twice (a resend, two tabs) must reach the board under one id, or it would appear twice.
 */
export async function saveDraft(db: PrivateDraftDatabase, row: PrivateDraftRow): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const stored = await db.drafts.get(row.id)
    await db.drafts.put({ ...row, revealId: stored?.revealId ?? row.revealId })
  })
}

export async function forgetDrafts(db: PrivateDraftDatabase, ids: readonly string[]): Promise<void> {
  await db.drafts.bulkDelete([...ids])
}

/** A board's drafts as stored; rows that are not drafts (another build, a damaged store) are skipped. */
export async function draftsOfBoard(db: PrivateDraftDatabase, boardId: string): Promise<PrivateDraftRow[]> {
  const rows = await db.drafts.where('boardId').equals(boardId).toArray()
  return rows.filter(isDraftRow)
}

function isDraftRow(row: unknown): row is PrivateDraftRow {
  if (typeof row !== 'object' || row === null) return false
  const { id, boardId, session, revealId, record } = row as Record<string, unknown>
  return (
    typeof id === 'string' &&
    typeof boardId === 'string' &&
    typeof session === 'number' &&
    typeof revealId === 'string' &&
    typeof record === 'object' &&
    record !== null &&
    (record as { id?: unknown; type?: unknown }).id === id &&
    (record as { type?: unknown }).type === 'note'
  )
}
