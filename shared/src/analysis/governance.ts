import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import { isHumanRole, type Role } from '../schema/role.ts'
import { isEndEvent, isStartEvent, sequenceSuccessors, steps } from './flow-walk.ts'
import { accountableRoles } from './raci.ts'
import { stepTiming } from './value-stream.ts'

/** How much of a set of steps machines do. */
export type AutomationShare = {
  steps: number
  /** Steps a machine does: automation 'automated' or 'ai-agent', or owned by a system or AI-agent role. */
  automated: number
  /** AI-agent steps (see `isAiAgentStep`); they count as automated too. */
  aiAgent: number
  /** automated ÷ steps, 0–1; 0 when there are no steps. */
  share: number
}

export type GovernanceInsights = {
  /** Every lane, in graph order, with the steps in it. */
  byLane: Array<{ laneId: string; label: string } & AutomationShare>
  /**
   * Start→end paths along sequence flows (see `flowPaths`), at most MAX_LISTED, most shapes first;
   * the automation share counts the steps on each.
   */
  byPath: Array<{ nodeIds: string[] } & AutomationShare>
  /** AI-agent steps whose output reaches an end or an external artifact with no human review on the way. */
  unreviewedAiOutputs: Array<{ stepId: string; reachesId: string }>
  /**
   * Where automation could go next: manual steps with a process time, most hours first, that lead into
   * no decision and have one owner. At most MAX_LISTED.
   */
  automationCandidates: Array<{ stepId: string; process: number; ownerId: string }>
}

/** Lists that could run to thousands on a large map keep their first this many. */
export const MAX_LISTED = 20

/** What the review walk reads: a `WorkflowGraph` and the lint's live view both offer it. */
export type FlowReader = {
  readonly nodeById: ReadonlyMap<string, WorkflowNode>
  readonly roleById: ReadonlyMap<string, Role>
  outgoingOf(shapeId: string): Iterable<WorkflowEdge>
}

/**
 * Where an AI-agent step's output goes out unreviewed: `unreviewedOutput(step, graphReader(graph)).reachesId`,
 * or a memo of it (the incremental insights keep one per step, rechecked when a shape it walked changes).
 */
export type UnreviewedReach = (step: WorkflowNode) => string | null

/** `unreviewedOutput` of each step, walked on the whole graph. */
export function unreviewedReachOf(graph: WorkflowGraph): UnreviewedReach {
  const reader = graphReader(graph)
  return (step) => unreviewedOutput(step, reader).reachesId
}

export function governanceInsights(
  graph: WorkflowGraph,
  reachOf: UnreviewedReach = unreviewedReachOf(graph),
): GovernanceInsights {
  const allSteps = steps(graph)
  const byLane = graph.lanes.map((lane) => ({
    laneId: lane.id,
    label: lane.label,
    ...automationShare(
      allSteps.filter((step) => step.laneId === lane.id),
      graph.roleById,
    ),
  }))
  const byPath = flowPaths(graph)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_LISTED)
    .map((nodeIds) => ({
      nodeIds,
      ...automationShare(
        nodeIds.flatMap((id) => {
          const node = graph.nodeById.get(id)
          return node?.type === 'step' ? [node] : []
        }),
        graph.roleById,
      ),
    }))
  const unreviewedAiOutputs = allSteps.flatMap((step) => {
    if (!isAiAgentStep(step, graph.roleById)) return []
    const reachesId = reachOf(step)
    return reachesId === null ? [] : [{ stepId: step.id, reachesId }]
  })
  return { byLane, byPath, unreviewedAiOutputs, automationCandidates: automationCandidates(graph) }
}

/** The reader of a whole graph. */
export function graphReader(graph: WorkflowGraph): FlowReader {
  const none: readonly WorkflowEdge[] = []
  return {
    nodeById: graph.nodeById,
    roleById: graph.roleById,
    outgoingOf: (shapeId) => graph.outgoing.get(shapeId) ?? none,
  }
}

export function automationShare(
  stepNodes: readonly WorkflowNode[],
  roleById: ReadonlyMap<string, Role>,
): AutomationShare {
  let automated = 0
  let aiAgent = 0
  for (const step of stepNodes) {
    if (isAiAgentStep(step, roleById)) aiAgent++
    if (isMachineStep(step, roleById)) automated++
  }
  const count = stepNodes.length
  return { steps: count, automated, aiAgent, share: count === 0 ? 0 : automated / count }
}

/** A step an AI agent does: automation 'ai-agent', or owned by an 'ai-agent' role. */
export function isAiAgentStep(node: WorkflowNode, roleById: ReadonlyMap<string, Role>): boolean {
  if (node.shape.type !== 'step') return false
  if (node.shape.props.automation === 'ai-agent') return true
  return node.owner !== null && roleById.get(node.owner)?.kind === 'ai-agent'
}

/** A step a machine does: automated or AI-agent work, or owned by a system or AI-agent role. */
function isMachineStep(node: WorkflowNode, roleById: ReadonlyMap<string, Role>): boolean {
  if (node.shape.type !== 'step') return false
  const automation = node.shape.props.automation
  if (automation === 'automated' || automation === 'ai-agent') return true
  const owner = node.owner === null ? undefined : roleById.get(node.owner)
  return owner !== undefined && !isHumanRole(owner)
}

/**
 * A human review: a manual or assisted step not owned by a system or AI-agent role (an owner not yet
 * chosen, or deleted, is taken to be a person: manual work is done by people), or a decision whose
 * accountable roles include a person or team.
 */
export function isHumanReview(node: WorkflowNode, roleById: ReadonlyMap<string, Role>): boolean {
  if (node.shape.type === 'decision') return accountableRoles(node, roleById).some(isHumanRole)
  if (node.shape.type !== 'step') return false
  const automation = node.shape.props.automation
  if (automation !== 'manual' && automation !== 'assisted') return false
  const owner = node.owner === null ? undefined : roleById.get(node.owner)
  return owner === undefined || isHumanRole(owner)
}

/**
 * Where an AI step's output goes unreviewed, and every shape the walk looked at (a change to any other
 * shape cannot change the answer: the incremental lint rechecks the step only when one of these changes).
 *
 * The output travels along sequence flows (the work) and information flows (what the step hands on),
 * breadth first, through anything that is not a human review (`isHumanReview`): machine steps, decisions
 * nobody human is accountable for, artifacts, events. It goes out unreviewed where it reaches
 * - an end of the flow: an End event, or any shape with no sequence flow out (a case ends there), the
 *   AI step itself included;
 * - an external artifact: an artifact nothing in the map takes from (no sequence or information flow
 *   out). Its output leaves the mapped process: it is sent, filed or published, and nobody in the map
 *   sees it again. An artifact's kind (document, data, system) does not decide it: the kind is the symbol
 *   it is drawn with, and a document handed to the next step is as internal as one sent to a customer
 *   is external; what the map can tell is whether anything in it takes the artifact.
 * `reachesId` is the nearest such shape (fewest connectors away; the smallest id among equals), or null
 * when every way on meets a review first.
 */
export function unreviewedOutput(
  step: WorkflowNode,
  reader: FlowReader,
): { reachesId: string | null; visited: string[] } {
  const visited = new Set<string>([step.id])
  // Level by level, so the answer is the nearest way out whatever order the connectors are read in
  // (the live lint and a full run read them in different orders); ties go to the smallest id.
  let level = [step]
  while (level.length > 0) {
    const exits: string[] = []
    const next: WorkflowNode[] = []
    for (const node of level) {
      const onward: WorkflowNode[] = []
      let sequenceOut = false
      for (const edge of reader.outgoingOf(node.id)) {
        if ((edge.flow !== 'sequence' && edge.flow !== 'information') || edge.to === null) continue
        const target = reader.nodeById.get(edge.to)
        if (target === undefined) continue
        if (edge.flow === 'sequence') sequenceOut = true
        onward.push(target)
      }
      const flowEnds = node.type === 'artifact' ? onward.length === 0 : !sequenceOut
      if (flowEnds) exits.push(node.id)
      for (const target of onward) {
        if (visited.has(target.id)) continue
        visited.add(target.id)
        if (!isHumanReview(target, reader.roleById)) next.push(target)
      }
    }
    if (exits.length > 0) return { reachesId: exits.sort()[0]!, visited: [...visited] }
    level = next
  }
  return { reachesId: null, visited: [...visited] }
}

/**
 * Manual steps a machine could take over: estimated hands-on time, one owner, and no decision right
 * after (a step that ends in a judgement call is not routine work). Most hours first, then map order.
 */
function automationCandidates(graph: WorkflowGraph): GovernanceInsights['automationCandidates'] {
  return steps(graph)
    .flatMap((step) => {
      if (step.shape.type !== 'step' || step.shape.props.automation !== 'manual') return []
      const { process } = stepTiming(step)
      if (process === null || process <= 0 || step.owner === null) return []
      const leadsToDecision = sequenceSuccessors(graph, step.id).some(
        (edge) => graph.nodeById.get(edge.to!)?.type === 'decision',
      )
      return leadsToDecision ? [] : [{ stepId: step.id, process, ownerId: step.owner }]
    })
    .sort((a, b) => b.process - a.process)
    .slice(0, MAX_LISTED)
}

/** Past this many edges walked, the path search stops: paths multiply on a large, branchy map. */
const PATH_SEARCH_BUDGET = 20_000
/** The path search keeps at most this many paths to choose the longest from. */
const PATHS_KEPT = 200

/**
 * Start→end paths along sequence flows, each visiting a shape at most once (a rework loop is walked
 * once, not around). A path starts at a start event (with none, at a shape no sequence flow enters) and
 * ends where a case ends: an End event, or a shape with no sequence flow out. Depth first, in graph
 * order, within PATH_SEARCH_BUDGET edges and PATHS_KEPT paths, so on a huge map these are the first
 * paths found, not every one.
 */
export function flowPaths(graph: WorkflowGraph): string[][] {
  const hasStart = graph.nodes.some(isStartEvent)
  const entered = new Set<string>()
  for (const edge of graph.edges) if (edge.flow === 'sequence' && edge.to !== null) entered.add(edge.to)
  const starts = graph.nodes.filter((node) => (hasStart ? isStartEvent(node) : !entered.has(node.id)))
  const paths: string[][] = []
  let budget = PATH_SEARCH_BUDGET
  const path: string[] = []
  const onPath = new Set<string>()
  const walk = (node: WorkflowNode) => {
    path.push(node.id)
    onPath.add(node.id)
    const next = sequenceSuccessors(graph, node.id).flatMap((edge) => graph.nodeById.get(edge.to!) ?? [])
    if (isEndEvent(node) || next.length === 0) paths.push([...path])
    else
      for (const successor of next) {
        if (paths.length >= PATHS_KEPT || budget-- <= 0) break
        if (!onPath.has(successor.id)) walk(successor)
      }
    onPath.delete(node.id)
    path.pop()
  }
  for (const start of starts) if (paths.length < PATHS_KEPT && budget > 0) walk(start)
  return paths
}
