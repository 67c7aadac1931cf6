import type { WorkflowGraph, WorkflowNode } from '../../graph/workflow-graph.ts'
import { type ThreePoint, threePoint } from '../../schema/flow-timing.ts'
import { isEndEvent, isStartEvent } from '../flow-walk.ts'

/**
 * The workflow compiled once for token flow: nodes and sequence flows by index, each step's
 * triangles, each decision's branch probabilities. The walk-through and the lead-time simulation
 * both run on it, so they follow the same rules (docs in ./flow-rules.ts).
 */
export type FlowModel = {
  readonly graph: WorkflowGraph
  readonly nodes: readonly FlowNode[]
  readonly indexOf: ReadonlyMap<string, number>
  /** Sequence flows whose two ends are flow nodes; `FlowNode.out` holds indexes into this list. */
  readonly edges: readonly FlowEdge[]
  readonly edgeIndexOf: ReadonlyMap<string, number>
  /** Where a case starts: every start event, else every node no sequence flow enters. */
  readonly starts: readonly number[]
  /** Owner roles of steps, by `FlowNode.role`. */
  readonly roles: readonly FlowRole[]
  /** Whether a token at node `from` can still get to node `target` along sequence flows (from = target counts). */
  canReach(from: number, target: number): boolean
}

export type FlowNode = {
  readonly id: string
  readonly label: string
  /** Steps take time; decisions choose one branch; artifacts and events pass a token straight on. */
  readonly kind: 'step' | 'decision' | 'pass'
  readonly isEnd: boolean
  /** Outgoing sequence flows (edge indexes). */
  readonly out: readonly number[]
  /** How many sequence flows enter: two or more make the node a join. */
  readonly inCount: number
  /** Nodes this one depends on (dependency connectors S ⇢ this). */
  readonly dependsOn: readonly number[]
  /** Process time (hands-on) and wait before, as triangles; null when not estimated (counts 0). */
  readonly process: ThreePoint | null
  readonly wait: ThreePoint | null
  /** Index into `FlowModel.roles` of the step's resolved owner, or -1. */
  readonly role: number
}

export type FlowEdge = {
  readonly id: string
  readonly from: number
  readonly to: number
  /** What a person reads on the branch: its label, else "to <target>". */
  readonly label: string
  /** For a branch of a decision with two or more: its share, all branches summing to 1; else 1. */
  readonly probability: number
}

export type FlowRole = {
  readonly roleId: string
  /** Cases the role works on at once; null = unbounded. */
  readonly capacity: number | null
}

export function flowModel(graph: WorkflowGraph): FlowModel {
  const indexOf = new Map(graph.nodes.map((node, index) => [node.id, index]))
  const edges: FlowEdge[] = []
  const out: number[][] = graph.nodes.map(() => [])
  const into: number[][] = graph.nodes.map(() => [])
  const dependsOn: number[][] = graph.nodes.map(() => [])
  const rawProbability: Array<number | null> = []
  for (const edge of graph.edges) {
    const from = edge.from === null ? undefined : indexOf.get(edge.from)
    const to = edge.to === null ? undefined : indexOf.get(edge.to)
    if (from === undefined || to === undefined) continue
    if (edge.flow === 'dependency') {
      if (from !== to && !dependsOn[to]!.includes(from)) dependsOn[to]!.push(from)
      continue
    }
    if (edge.flow !== 'sequence') continue
    const target = graph.nodes[to]!
    out[from]!.push(edges.length)
    into[to]!.push(from)
    rawProbability.push(edge.probability)
    edges.push({
      id: edge.id,
      from,
      to,
      label: edge.branch ?? (target.label.trim() === '' ? `to ${target.type}` : `to ${target.label}`),
      probability: 1,
    })
  }
  for (const [index, node] of graph.nodes.entries()) {
    if (node.type !== 'decision' || out[index]!.length < 2) continue
    const shares = branchShares(out[index]!.map((edge) => rawProbability[edge]!))
    for (const [k, edge] of out[index]!.entries()) edges[edge] = { ...edges[edge]!, probability: shares[k]! }
  }

  const roles: FlowRole[] = []
  const roleIndex = new Map<string, number>()
  const roleOf = (node: WorkflowNode): number => {
    if (node.type !== 'step' || node.owner === null) return -1
    let index = roleIndex.get(node.owner)
    if (index === undefined) {
      index = roles.length
      roleIndex.set(node.owner, index)
      roles.push({ roleId: node.owner, capacity: graph.roleById.get(node.owner)?.capacity ?? null })
    }
    return index
  }
  const nodes: FlowNode[] = graph.nodes.map((node, index) => {
    const props = node.shape.type === 'step' ? node.shape.props : null
    return {
      id: node.id,
      label: node.label,
      kind: node.type === 'step' ? 'step' : node.type === 'decision' ? 'decision' : 'pass',
      isEnd: isEndEvent(node),
      out: out[index]!,
      inCount: into[index]!.length,
      dependsOn: dependsOn[index]!,
      process: props ? threePoint(props.estimate, props.estimateRange) : null,
      wait: props ? threePoint(props.wait, props.waitRange) : null,
      role: roleOf(node),
    }
  })
  const startEvents = graph.nodes.flatMap((node, index) => (isStartEvent(node) ? [index] : []))
  const starts =
    startEvents.length > 0 ? startEvents : nodes.flatMap((node, i) => (node.inCount === 0 ? [i] : []))

  // Reverse reachability per target, computed the first time a join or a dependency asks for it.
  const reaching: Array<Uint8Array | undefined> = new Array(nodes.length)
  const canReach = (from: number, target: number): boolean => {
    let set = reaching[target]
    if (set === undefined) {
      set = new Uint8Array(nodes.length)
      set[target] = 1
      const queue = [target]
      for (let head = 0; head < queue.length; head++) {
        for (const before of into[queue[head]!]!) {
          if (set[before] === 1) continue
          set[before] = 1
          queue.push(before)
        }
      }
      reaching[target] = set
    }
    return set[from] === 1
  }

  return {
    graph,
    nodes,
    indexOf,
    edges,
    edgeIndexOf: new Map(edges.map((edge, index) => [edge.id, index])),
    starts,
    roles,
    canReach,
  }
}

/**
 * Each branch's share of a decision's cases, summing to 1. Branches without a probability share
 * equally what the others leave (1 − their sum, at least 0). Set probabilities that sum above 1, or
 * (with none unset) below 1, are scaled to sum 1: a case always takes exactly one branch. When all
 * shares would be 0 the branches are equally likely.
 */
export function branchShares(probabilities: ReadonlyArray<number | null>): number[] {
  const set = probabilities.filter((p): p is number => p !== null)
  const sum = set.reduce((total, p) => total + p, 0)
  const unset = probabilities.length - set.length
  const rest = unset > 0 ? Math.max(0, 1 - sum) / unset : 0
  const raw = probabilities.map((p) => p ?? rest)
  const total = raw.reduce((all, p) => all + p, 0)
  return total > 0 ? raw.map((p) => p / total) : probabilities.map(() => 1 / probabilities.length)
}
