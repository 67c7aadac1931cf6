import type { WorkflowGraph } from '../graph/workflow-graph.ts'
import { type AutomationInsights, automationInsights } from './automation.ts'
import { type BottleneckInsights, bottleneckInsights } from './bottlenecks.ts'
import { type CriticalPath, criticalPath } from './critical-path.ts'
import {
  type GovernanceInsights,
  governanceInsights,
  type UnreviewedReach,
  unreviewedReachOf,
} from './governance.ts'
import { type HandoffInsights, handoffInsights } from './handoffs.ts'
import { type MaturityScore, maturityScorecard } from './maturity.ts'
import { type OwnershipInsights, ownershipInsights } from './ownership.ts'
import { type RaciMatrix, raciMatrix } from './raci.ts'
import { type ValueStreamMetrics, valueStream } from './value-stream.ts'

export type WorkflowInsights = {
  ownership: OwnershipInsights
  handoffs: HandoffInsights
  bottlenecks: BottleneckInsights
  criticalPath: CriticalPath
  automation: AutomationInsights
  maturity: MaturityScore[]
  /** Step timing, per stage and along the longest lead-time path (value-stream mapping). */
  valueStream: ValueStreamMetrics
  /** Roles × steps and decisions, derived from owners and the RACI props. */
  raci: RaciMatrix
  /** Automation share per lane and path, unreviewed AI outputs, where automation could go next. */
  governance: GovernanceInsights
}

export type AnalyzeOptions = {
  /** Distinct people who edited the board, from its history. */
  contributors?: number
}

/** Every analysis of a workflow graph: what the Insights panel and `GET /api/boards/:id/insights` show. */
export function analyzeWorkflow(graph: WorkflowGraph, options: AnalyzeOptions = {}): WorkflowInsights {
  const handoffs = handoffInsights(graph)
  // Automation and governance both ask where each AI step's output goes: one walk per step serves both.
  const reachOf = memoisedReach(unreviewedReachOf(graph))
  return {
    ownership: ownershipInsights(graph),
    handoffs,
    bottlenecks: bottleneckInsights(graph),
    criticalPath: criticalPath(graph),
    automation: automationInsights(graph, reachOf),
    maturity: maturityScorecard(graph, {
      handoffs,
      ...(options.contributors === undefined ? {} : { contributors: options.contributors }),
    }),
    valueStream: valueStream(graph),
    raci: raciMatrix(graph),
    governance: governanceInsights(graph, reachOf),
  }
}

function memoisedReach(reachOf: UnreviewedReach): UnreviewedReach {
  const known = new Map<string, string | null>()
  return (step) => {
    if (known.has(step.id)) return known.get(step.id)!
    const reachesId = reachOf(step)
    known.set(step.id, reachesId)
    return reachesId
  }
}
