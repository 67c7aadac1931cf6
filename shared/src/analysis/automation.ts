import type { WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import { STEP_AUTOMATIONS, type StepAutomation } from '../schema/step.ts'
import { sequenceSuccessors, steps } from './flow-walk.ts'

export type AutomationInsights = {
  /** Steps per automation level, with their share of all steps (0–1). */
  levels: Array<{ level: StepAutomation; steps: number; share: number }>
  /** AI-agent steps after which the work reaches no step a person does (manual or assisted). */
  unreviewedAiStepIds: string[]
}

const HUMAN: ReadonlySet<StepAutomation> = new Set(['manual', 'assisted'])

export function automationInsights(graph: WorkflowGraph): AutomationInsights {
  const allSteps = steps(graph)
  const levels = STEP_AUTOMATIONS.map((level) => {
    const count = allSteps.filter((step) => automationOf(step) === level).length
    return { level, steps: count, share: allSteps.length === 0 ? 0 : count / allSteps.length }
  })
  const unreviewedAiStepIds = allSteps
    .filter((step) => automationOf(step) === 'ai-agent' && !humanReviewFollows(graph, step))
    .map((step) => step.id)
  return { levels, unreviewedAiStepIds }
}

function automationOf(step: WorkflowNode): StepAutomation | null {
  return step.shape.type === 'step' ? step.shape.props.automation : null
}

/**
 * Whether every way on from an AI-agent step reaches a person's step before the work ends: the next
 * steps along sequence flows, looking through decisions, artifacts and further machine steps.
 */
function humanReviewFollows(graph: WorkflowGraph, from: WorkflowNode): boolean {
  const seen = new Set<string>([from.id])
  const queue = [from.id]
  let anyPath = false
  for (let head = 0; head < queue.length; head++) {
    const successors = sequenceSuccessors(graph, queue[head]!)
    for (const edge of successors) {
      const next = graph.nodeById.get(edge.to!)
      if (!next || seen.has(next.id)) continue
      seen.add(next.id)
      anyPath = true
      const level = automationOf(next)
      if (level !== null && HUMAN.has(level)) continue
      // An end reached with no person in between: unreviewed.
      if (next.shape.type === 'event') return false
      queue.push(next.id)
    }
    if (successors.length === 0 && head > 0) return false
  }
  return anyPath
}
