import type { WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import { STEP_AUTOMATIONS, type StepAutomation } from '../schema/step.ts'
import { steps } from './flow-walk.ts'
import { isAiAgentStep, type UnreviewedReach, unreviewedReachOf } from './governance.ts'

export type AutomationInsights = {
  /** Steps per automation level, with their share of all steps (0–1). */
  levels: Array<{ level: StepAutomation; steps: number; share: number }>
  /**
   * AI-agent steps whose output reaches an end or an external artifact with no human review on the
   * way: the step ids of `GovernanceInsights.unreviewedAiOutputs` (governance.ts defines both terms).
   */
  unreviewedAiStepIds: string[]
}

export function automationInsights(
  graph: WorkflowGraph,
  reachOf: UnreviewedReach = unreviewedReachOf(graph),
): AutomationInsights {
  const allSteps = steps(graph)
  const levels = STEP_AUTOMATIONS.map((level) => {
    const count = allSteps.filter((step) => automationOf(step) === level).length
    return { level, steps: count, share: allSteps.length === 0 ? 0 : count / allSteps.length }
  })
  const unreviewedAiStepIds = allSteps
    .filter((step) => isAiAgentStep(step, graph.roleById) && reachOf(step) !== null)
    .map((step) => step.id)
  return { levels, unreviewedAiStepIds }
}

function automationOf(step: WorkflowNode): StepAutomation | null {
  return step.shape.type === 'step' ? step.shape.props.automation : null
}
