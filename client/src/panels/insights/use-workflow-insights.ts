import {
  analyzeWorkflow,
  type Role,
  readInsightsBody,
  toWorkflowGraph,
  type WorkflowGraph,
  type WorkflowInsights,
} from '@flowmap/shared'
import { useEffect, useState } from 'react'
import type { BoardModel } from '../../sync/board-model.ts'

/**
 * The analysis reruns this long after the last edit. It reads the whole board (a few hundred ms on
 * 5,000 shapes), which is fine once a pause in editing, not per keystroke.
 */
const SETTLE_MS = 400

/** The analysis, with the graph it read (sections name the shapes their findings are about). */
export type BoardInsights = { insights: WorkflowInsights; roles: readonly Role[]; graph: WorkflowGraph }

/**
 * `analyzeWorkflow` of the board, recomputed when edits settle, and only while the panel is
 * shown: a hidden panel costs nothing while people draw, and catches up when opened.
 */
export function useWorkflowInsights(
  model: BoardModel | null,
  contributors: number | undefined,
  shown: boolean,
): BoardInsights | null {
  const [result, setResult] = useState<BoardInsights | null>(null)
  useEffect(() => {
    if (model === null) {
      setResult(null)
      return
    }
    if (!shown) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const compute = () => {
      timer = null
      const roles = model.roles.get()
      const graph = toWorkflowGraph(model.records.get(), roles)
      setResult({
        insights: analyzeWorkflow(graph, contributors === undefined ? {} : { contributors }),
        roles,
        graph,
      })
    }
    const schedule = () => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(compute, SETTLE_MS)
    }
    timer = setTimeout(compute, 0)
    const stops = [model.records.subscribe(schedule), model.roles.subscribe(schedule)]
    return () => {
      for (const stop of stops) stop()
      if (timer !== null) clearTimeout(timer)
    }
  }, [model, contributors, shown])
  return result
}

/**
 * Distinct people who edited the board, from the server's history (GET /api/boards/:id/insights).
 * Undefined while offline or unknown: the scorecard then leaves that fact out rather than guess.
 */
export function useContributors(
  boardId: string | undefined,
  token: string | null | undefined,
): number | undefined {
  const [contributors, setContributors] = useState<number | undefined>(undefined)
  useEffect(() => {
    if (boardId === undefined) return
    const abort = new AbortController()
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
    fetch(`/api/boards/${encodeURIComponent(boardId)}/insights`, { headers, signal: abort.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const read = readInsightsBody(body)
        if (read.ok) setContributors(read.body.contributors)
      })
      .catch(() => {
        // Offline, or a board the server has not seen yet: the fact stays out of the scorecard.
      })
    return () => abort.abort()
  }, [boardId, token])
  return contributors
}
