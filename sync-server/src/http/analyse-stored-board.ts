/**
 * The analysis of a board as storage holds it, for the insights and export routes: loaded and run on a
 * miss, taken from the kept versions (stored-analysis.ts) on a hit.
 */
import { analyzeWorkflow, readRecords, readRoles, toWorkflowGraph, type WorkflowGraph } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardRecord } from '../storage/board-storage.ts'
import { insightsSimulation } from './simulation-summary.ts'
import { analyseAndKeep, keptAnalysis, type StoredAnalysis, type StoredVersion } from './stored-analysis.ts'

/** The analysis of a loaded version's graph: the kept one, else run now and kept. */
export function analysisOfLoaded(
  storage: AsyncBoardStorage,
  board: BoardRecord,
  version: StoredVersion,
  graph: WorkflowGraph,
): StoredAnalysis {
  return (
    keptAnalysis(storage, board, version) ??
    analyseAndKeep(storage, board, version, () => ({
      insights: analyzeWorkflow(graph, { contributors: version.contributors }),
      simulation: insightsSimulation(graph),
    }))
  )
}

/** Loads the board and analyses the version it loaded (which may be newer than one read just before). */
export async function analyseStoredBoard(
  storage: AsyncBoardStorage,
  board: BoardRecord,
): Promise<StoredVersion & { analysis: StoredAnalysis }> {
  const { doc, seq } = await loadBoardDoc(storage, board.id)
  try {
    const contributors = await storage.contributorCount(board.id)
    const graph = toWorkflowGraph(readRecords(doc), readRoles(doc))
    const version = { seq, contributors }
    return { ...version, analysis: analysisOfLoaded(storage, board, version, graph) }
  } finally {
    doc.destroy()
  }
}
