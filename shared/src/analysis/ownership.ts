import type { WorkflowGraph } from '../graph/workflow-graph.ts'
import { endReachableAvoiding, steps } from './flow-walk.ts'

export type RoleLoad = { roleId: string; name: string; steps: number; share: number }

export type OwnershipInsights = {
  /** Steps per role (resolved owner: own, else the lane's), most loaded first; roles with none included. */
  stepsPerRole: RoleLoad[]
  /** Steps with no resolved owner. */
  unownedStepIds: string[]
  /** Roles owning more than a third of the owned steps. */
  overloadedRoleIds: string[]
  /** Roles without which no start reaches an end: every path runs through one of their steps. */
  singlePointsOfFailure: string[]
}

/** The share of the owned steps above which one role carries too much of the workflow. */
export const OVERLOAD_SHARE = 1 / 3

export function ownershipInsights(graph: WorkflowGraph): OwnershipInsights {
  const allSteps = steps(graph)
  const counts = new Map<string, number>(graph.roles.map((role) => [role.id, 0]))
  const unownedStepIds: string[] = []
  for (const step of allSteps) {
    if (step.owner === null) unownedStepIds.push(step.id)
    else counts.set(step.owner, (counts.get(step.owner) ?? 0) + 1)
  }
  const owned = allSteps.length - unownedStepIds.length
  const stepsPerRole = [...counts]
    .map(([roleId, count]) => ({
      roleId,
      name: graph.roleById.get(roleId)?.name ?? roleId,
      steps: count,
      share: owned === 0 ? 0 : count / owned,
    }))
    .sort((a, b) => b.steps - a.steps || a.name.localeCompare(b.name))
  const overloadedRoleIds =
    owned < 3 ? [] : stepsPerRole.filter((r) => r.share > OVERLOAD_SHARE).map((r) => r.roleId)
  const singlePointsOfFailure = endReachableAvoiding(graph, () => false)
    ? stepsPerRole
        .filter((role) => role.steps > 0)
        .filter(
          (role) =>
            !endReachableAvoiding(graph, (node) => node.type === 'step' && node.owner === role.roleId),
        )
        .map((role) => role.roleId)
    : []
  return { stepsPerRole, unownedStepIds, overloadedRoleIds, singlePointsOfFailure }
}
