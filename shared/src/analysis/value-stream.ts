import type { WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import { threePoint } from '../schema/flow-timing.ts'
import { criticalPath } from './critical-path.ts'
import { steps } from './flow-walk.ts'

/** One step's value-stream timing, in hours (most likely values of its three-point estimates). */
export type StepTiming = {
  nodeId: string
  stageId: string | null
  /** Hands-on process time; null when not estimated. */
  process: number | null
  /** Hours the work waits before the step; null when not known. */
  wait: number | null
  /** wait + process, unknown parts counted 0. */
  lead: number
  /** Percent complete and accurate, 0–100; null when not given. */
  completeAccurate: number | null
}

/**
 * One stage's timing: the sums over every step in it (value-stream maps put one box per stage and add
 * its steps up, alternative branches included), unknown parts counted 0.
 */
export type StageTiming = {
  stageId: string
  label: string
  order: number
  process: number
  wait: number
  lead: number
  /** Rolled: the product of its steps' % C&A, as a percent; null when no step in it has one. */
  completeAccurate: number | null
}

export type ValueStreamMetrics = {
  /** Every step, in graph order. */
  steps: StepTiming[]
  /** Every stage, in stage order (stages with no step included, at 0). */
  stages: StageTiming[]
  /** The path the totals follow: the longest lead-time path (wait + process) from a start to an end. */
  pathNodeIds: string[]
  total: {
    lead: number
    process: number
    wait: number
    /** Process ÷ lead along the path; null when lead is 0. */
    activityRatio: number | null
    /** Product of the % C&A of the steps along the path, as a percent; null when no step on it has one. */
    rolledCompleteAccurate: number | null
    /** All steps of the map: Σ process ÷ Σ (process + wait); null when both are 0. */
    flowEfficiency: number | null
  }
  /** Steps on the path with no process time: the totals are lower bounds while any are listed. */
  unestimatedStepIds: string[]
}

/** A step's timing; the most likely value of each three-point estimate (threePoint clamps it). */
export function stepTiming(node: WorkflowNode): StepTiming {
  const props = node.shape.type === 'step' ? node.shape.props : null
  const process = props === null ? null : (threePoint(props.estimate, props.estimateRange)?.likely ?? null)
  const wait = props === null ? null : (threePoint(props.wait, props.waitRange)?.likely ?? null)
  return {
    nodeId: node.id,
    stageId: node.stageId,
    process,
    wait,
    lead: (wait ?? 0) + (process ?? 0),
    completeAccurate: props?.completeAccurate ?? null,
  }
}

/**
 * The value-stream figures of a map: per step, per stage, and along the longest lead-time path. The
 * path is the critical path (critical-path.ts: sequence flows with rework loops cut, and dependencies)
 * weighed by each step's wait plus process time, so it is the chain a case takes longest on.
 */
export function valueStream(graph: WorkflowGraph): ValueStreamMetrics {
  const timings = steps(graph).map(stepTiming)
  const timingById = new Map(timings.map((timing) => [timing.nodeId, timing]))
  const path = criticalPath(graph, (node) => timingById.get(node.id)?.lead ?? 0)
  const onPath = path.nodeIds.flatMap((id) => timingById.get(id) ?? [])

  const process = sum(onPath.map((timing) => timing.process ?? 0))
  const wait = sum(onPath.map((timing) => timing.wait ?? 0))
  const lead = process + wait
  const allProcess = sum(timings.map((timing) => timing.process ?? 0))
  const allLead = sum(timings.map((timing) => timing.lead))
  return {
    steps: timings,
    stages: stageTimings(graph, timings),
    pathNodeIds: path.nodeIds,
    total: {
      lead,
      process,
      wait,
      activityRatio: lead === 0 ? null : process / lead,
      rolledCompleteAccurate: rolledPercent(onPath),
      flowEfficiency: allLead === 0 ? null : allProcess / allLead,
    },
    unestimatedStepIds: onPath.filter((timing) => timing.process === null).map((timing) => timing.nodeId),
  }
}

function stageTimings(graph: WorkflowGraph, timings: readonly StepTiming[]): StageTiming[] {
  const stages = graph.stages
    .map((stage, index) => ({ stage, index }))
    .sort((a, b) => a.stage.order - b.stage.order || a.index - b.index)
  return stages.map(({ stage }) => {
    const inStage = timings.filter((timing) => timing.stageId === stage.id)
    const process = sum(inStage.map((timing) => timing.process ?? 0))
    const wait = sum(inStage.map((timing) => timing.wait ?? 0))
    return {
      stageId: stage.id,
      label: stage.label,
      order: stage.order,
      process,
      wait,
      lead: process + wait,
      completeAccurate: rolledPercent(inStage),
    }
  })
}

/**
 * The share of work that passes every one of the steps complete and accurate: the product of their
 * fractions, as a percent. Steps with no % C&A are left out (not counted as 100% nor as 0%).
 */
function rolledPercent(timings: readonly StepTiming[]): number | null {
  const known = timings.flatMap((timing) =>
    timing.completeAccurate === null ? [] : [timing.completeAccurate],
  )
  if (known.length === 0) return null
  return known.reduce((product, percent) => (product * percent) / 100, 100)
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
