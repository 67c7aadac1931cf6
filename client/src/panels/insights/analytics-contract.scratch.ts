// SCRATCH: the analytics helper's contract (brief analytics.md), declared here only until the
// `analytics` branch is merged; then deleted and imported from @flowmap/shared.
import type { WorkflowInsights as BaseInsights } from '@flowmap/shared'

export type StepTiming = {
  nodeId: string
  stageId: string | null
  process: number | null
  wait: number | null
  lead: number
  completeAccurate: number | null
}
export type StageTiming = {
  stageId: string
  label: string
  order: number
  process: number
  wait: number
  lead: number
  completeAccurate: number | null
}
export type ValueStreamMetrics = {
  steps: StepTiming[]
  stages: StageTiming[]
  pathNodeIds: string[]
  total: {
    lead: number
    process: number
    wait: number
    activityRatio: number | null
    rolledCompleteAccurate: number | null
    flowEfficiency: number | null
  }
  unestimatedStepIds: string[]
}
export type RaciLetter = 'R' | 'A' | 'C' | 'I'
export type RaciRow = {
  nodeId: string
  label: string
  type: 'step' | 'decision'
  cells: Record<string, RaciLetter[]>
}
export type RaciMatrix = { roleIds: string[]; rows: RaciRow[] }
export type AutomationShare = { steps: number; automated: number; aiAgent: number; share: number }
export type GovernanceInsights = {
  byLane: Array<{ laneId: string; label: string } & AutomationShare>
  byPath: Array<{ nodeIds: string[] } & AutomationShare>
  unreviewedAiOutputs: Array<{ stepId: string; reachesId: string }>
  automationCandidates: Array<{ stepId: string; process: number; ownerId: string }>
}
export type MetricComparison = {
  metric: string
  label: string
  unit: 'hours' | 'percent' | 'count' | 'ratio'
  before: number | null
  after: number | null
  delta: number | null
  better: 'before' | 'after' | null
}
export type WorkflowInsights = BaseInsights & {
  valueStream: ValueStreamMetrics
  raci: RaciMatrix
  governance: GovernanceInsights
}
