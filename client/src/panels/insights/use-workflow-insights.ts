import {
  createIncrementalInsights,
  type IncrementalInsights,
  type Role,
  readContributorsBody,
  type WorkflowGraph,
  type WorkflowInsights,
} from '@flowmap/shared'
import { useEffect, useRef, useState } from 'react'
import type { BoardModel } from '../../sync/board-model.ts'

/**
 * The analysis reruns this long after the last edit. Each transaction only updates the incremental
 * graph; the parts an edit touched rerun once a pause in editing comes, not per keystroke.
 */
const SETTLE_MS = 400

/** The analysis, with the graph it read (sections name the shapes their findings are about). */
export type BoardInsights = { insights: WorkflowInsights; roles: readonly Role[]; graph: WorkflowGraph }

/**
 * `analyzeWorkflow` of the board, kept by `createIncrementalInsights` from each transaction's record
 * changes while the panel is shown, and read when edits settle. A hidden panel costs nothing while
 * people draw: it drops its incremental state and builds it again from the board when opened.
 */
export function useWorkflowInsights(
  model: BoardModel | null,
  contributors: number | undefined,
  shown: boolean,
): BoardInsights | null {
  const [result, setResult] = useState<BoardInsights | null>(null)
  const live = useRef<{ insights: IncrementalInsights; recompute: () => void } | null>(null)
  const contributorsNow = useRef(contributors)
  contributorsNow.current = contributors
  useEffect(() => {
    if (model === null) {
      setResult(null)
      return
    }
    if (!shown) return
    let roles = model.roles.get()
    const incremental = createIncrementalInsights({
      records: model.records.get(),
      roles,
      ...(contributorsNow.current === undefined ? {} : { contributors: contributorsNow.current }),
    })
    let timer: ReturnType<typeof setTimeout> | null = null
    const compute = () => {
      timer = null
      setResult({ insights: incremental.insights(), roles, graph: incremental.graph() })
    }
    const schedule = (delay = SETTLE_MS) => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(compute, delay)
    }
    live.current = { insights: incremental, recompute: () => schedule(0) }
    timer = setTimeout(compute, 0)
    const stops = [
      model.records.subscribe((change) => {
        incremental.applyRecords(change)
        schedule()
      }),
      model.roles.subscribe((next) => {
        roles = next
        incremental.setRoles(next)
        schedule()
      }),
    ]
    return () => {
      for (const stop of stops) stop()
      if (timer !== null) clearTimeout(timer)
      live.current = null
    }
  }, [model, shown])
  useEffect(() => {
    const current = live.current
    if (current === null) return
    current.insights.setContributors(contributors)
    current.recompute()
  }, [contributors])
  return result
}

/**
 * Distinct people who edited the board, from the server's history (GET /api/boards/:id/contributors:
 * two storage reads, where the whole insights would analyse the board).
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
    fetch(`/api/boards/${encodeURIComponent(boardId)}/contributors`, { headers, signal: abort.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const read = readContributorsBody(body)
        if (read.ok) setContributors(read.body.contributors)
      })
      .catch(() => {
        // Offline, or a board the server has not seen yet: the fact stays out of the scorecard.
      })
    return () => abort.abort()
  }, [boardId, token])
  return contributors
}
