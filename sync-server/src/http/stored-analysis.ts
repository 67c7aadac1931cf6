/**
 * The analysis of a stored board version (`analyzeWorkflow` and the lead-time summary), kept so that a
 * repeated GET /api/boards/:id/insights or export does not run it again: on a 5,000-node map one run
 * holds the server's event loop for a few hundred milliseconds.
 *
 * A version is named by what storage says of it: the board's id, its `createdAt` (a board deleted,
 * purged and created again under the same id starts its history, and so its seq, from 1 again: the
 * creation time tells the two apart), the last history seq, and the contributor count. The cache is per
 * storage object (two servers in one process, or a restart, never share entries), bounded by count and
 * dropping the least recently used.
 */
import type { WorkflowInsights } from '@flowmap/shared'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardRecord } from '../storage/board-storage.ts'
import type { Simulated } from './simulation-summary.ts'

export type StoredAnalysis = { insights: WorkflowInsights; simulation: Simulated }

/** What storage says of a version before it is loaded (two cheap reads). */
export type StoredVersion = { seq: number; contributors: number }

/** Board versions kept per storage: a few boards' latest, each a few MB at 5,000 nodes at most. */
export const ANALYSES_KEPT = 32

type Kept = { entries: Map<string, StoredAnalysis>; runs: number }
// Keyed by the storage object so that the cache goes with it; routes get storage, not a cache, in their
// context, and the simulation summary was already kept this way.
const kept = new WeakMap<object, Kept>()

function keptFor(storage: AsyncBoardStorage): Kept {
  let entry = kept.get(storage)
  if (entry === undefined) {
    entry = { entries: new Map(), runs: 0 }
    kept.set(storage, entry)
  }
  return entry
}

function keyOf(board: BoardRecord, version: StoredVersion): string {
  return JSON.stringify([board.id, board.createdAt, version.seq, version.contributors])
}

/** The version storage holds now. */
export async function storedVersion(storage: AsyncBoardStorage, boardId: string): Promise<StoredVersion> {
  const [seq, contributors] = await Promise.all([storage.lastSeq(boardId), storage.contributorCount(boardId)])
  return { seq, contributors }
}

/** The kept analysis of a version, or undefined; a hit counts as recently used. */
export function keptAnalysis(
  storage: AsyncBoardStorage,
  board: BoardRecord,
  version: StoredVersion,
): StoredAnalysis | undefined {
  const { entries } = keptFor(storage)
  const key = keyOf(board, version)
  const known = entries.get(key)
  if (known === undefined) return undefined
  entries.delete(key)
  entries.set(key, known)
  return known
}

/** Runs `analyse` for a version and keeps the answer, dropping the least recently used past ANALYSES_KEPT. */
export function analyseAndKeep(
  storage: AsyncBoardStorage,
  board: BoardRecord,
  version: StoredVersion,
  analyse: () => StoredAnalysis,
): StoredAnalysis {
  const cache = keptFor(storage)
  const analysis = analyse()
  cache.runs++
  const key = keyOf(board, version)
  cache.entries.delete(key)
  cache.entries.set(key, analysis)
  while (cache.entries.size > ANALYSES_KEPT) cache.entries.delete(cache.entries.keys().next().value!)
  return analysis
}

/** How many analyses ran for a storage: what tests read to see that a repeated request reused one. */
export function analysisRuns(storage: AsyncBoardStorage): number {
  return kept.get(storage)?.runs ?? 0
}

/** How many versions are kept for a storage (at most ANALYSES_KEPT). */
export function keptAnalysisCount(storage: AsyncBoardStorage): number {
  return kept.get(storage)?.entries.size ?? 0
}
