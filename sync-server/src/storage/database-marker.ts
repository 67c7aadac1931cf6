/**
 * The marker file beside the database: it holds the database's id (a random id also stored in the
 * database's own `meta` table), so a start can tell "first start, nothing here yet" from "the database
 * that was here is gone". Without it, a deleted or emptied flowmap.db would be recreated silently and
 * every board would come back empty while clients still hold edits the server once acknowledged.
 *
 * 1. Before opening: a marker without its database refuses the start.
 * 2. After opening: a database without an id gets one (first start, or a database from before the
 *    marker existed) unless a marker names another database; a marker naming a different id refuses.
 * 3. The marker is (re)written to name the opened database.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/** Why the server will not open the database; the message says which files and what to do. */
export class DatabaseMarkerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseMarkerError'
  }
}

export function markerPathOf(databasePath: string): string {
  return `${databasePath}.marker`
}

interface MarkerContent {
  databaseId: string
}

/** Step 1: throws when the marker names a database that is not there. */
export function checkMarkerBeforeOpen(databasePath: string): void {
  const marker = readMarker(databasePath)
  if (marker === null || existsSync(databasePath)) return
  throw new DatabaseMarkerError(
    `the database ${databasePath} is missing, but ${markerPathOf(databasePath)} says database ` +
      `${marker.databaseId} was there: starting would create an empty one and lose every board. ` +
      `Restore ${databasePath} from a backup, or delete ${markerPathOf(databasePath)} to start empty on purpose.`,
  )
}

/**
 * Steps 2 and 3. `storedId` is the id in the opened database's meta table (null if none); a new id is
 * handed to `storeId` before the marker names it, so a marker never names an id the database lacks.
 */
export function reconcileMarker(
  databasePath: string,
  storedId: string | null,
  storeId: (id: string) => void,
): string {
  const marker = readMarker(databasePath)
  if (marker !== null && marker.databaseId !== storedId) {
    const found =
      storedId === null ? 'a database with no id (an empty or foreign file)' : `database ${storedId}`
    throw new DatabaseMarkerError(
      `${markerPathOf(databasePath)} names database ${marker.databaseId}, but ${databasePath} is ${found}: ` +
        `the database was replaced. Put the right file back at ${databasePath}, or delete ` +
        `${markerPathOf(databasePath)} to use this file as it is.`,
    )
  }
  const id = storedId ?? randomUUID()
  if (storedId === null) storeId(id)
  if (marker === null) writeMarker(databasePath, { databaseId: id })
  return id
}

function readMarker(databasePath: string): MarkerContent | null {
  const path = markerPathOf(databasePath)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const value = JSON.parse(text) as Partial<MarkerContent>
    if (typeof value.databaseId === 'string' && value.databaseId !== '')
      return { databaseId: value.databaseId }
  } catch {
    // reported below
  }
  throw new DatabaseMarkerError(
    `${path} is not a Flowmap database marker (expected {"databaseId": "…"}); fix it or delete it`,
  )
}

function writeMarker(databasePath: string, content: MarkerContent): void {
  const path = markerPathOf(databasePath)
  const body = `${JSON.stringify(
    {
      ...content,
      about:
        'Written by Flowmap beside its database. If the database goes missing the server refuses to start instead of creating an empty one; delete this file to start empty on purpose.',
    },
    null,
    2,
  )}\n`
  // Written whole or not at all: a torn marker would block the next start.
  writeFileSync(`${path}.tmp`, body)
  renameSync(`${path}.tmp`, path)
}
