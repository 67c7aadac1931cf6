import { isEndEvent as isEnd, isStartEvent as isStart } from '../analysis/flow-walk.ts'
import type { WorkflowEdge, WorkflowNode } from '../graph/workflow-graph.ts'
import { defineRule, quoteLabel } from './lint-rule.ts'
import type { LintView } from './lint-view.ts'

const FIX = 'connect its last step to an End, or to a step that leads to one'

/**
 * A branch the work can enter but never leave for an End: whoever follows it never finishes. Said
 * once per branch, where it leaves the shapes that still lead to an End (a decision's answer, a
 * step's second way out, a start of its own), naming every shape of the branch.
 *
 * Only while the flow does reach an End somewhere: with no End reached (or none at all),
 * end-unreachable already says what to connect. Shapes no start reaches are step-unreachable's, and
 * a decision with no way out at all is decision-without-branches'.
 */
export const noPathToEnd = defineRule({
  id: 'no-path-to-end',
  title: 'Branch never reaches an End',
  severity: 'error',
  scopes: [
    {
      kind: 'edge-set',
      includes: (edge) => edge.flow === 'sequence' && edge.from !== null && edge.to !== null,
      // Which shapes are ends and starts decides everything below, with the connectors.
      nodeKey: (node) => (node.shape.type === 'event' ? node.shape.props.kind : null),
      check(edges, view) {
        const flow = sequenceFlowBetweenNodes(edges, view)
        const live = leadingToAnEnd(flow, view)
        if (![...live].some((id) => isEnd(view.nodeById.get(id)!) && view.reached.has(id))) return []
        const findings = []
        for (const [fromId, out] of flow.outgoing) {
          const from = view.nodeById.get(fromId)!
          if (!view.reached.has(fromId)) continue
          if (!live.has(fromId)) {
            if (isStart(from)) findings.push(deadStart(from, branchFrom(fromId, flow, view)))
            continue
          }
          for (const edge of out) {
            const to = view.nodeById.get(edge.to!)!
            if (live.has(to.id) || (to.type === 'decision' && !flow.outgoing.has(to.id))) continue
            findings.push(deadBranch(from, edge, branchFrom(to.id, flow, view)))
          }
        }
        return findings.sort((a, b) => a.shapeIds.join().localeCompare(b.shapeIds.join()))
      },
    },
  ],
})

type Flow = { outgoing: Map<string, WorkflowEdge[]>; incoming: Map<string, WorkflowEdge[]> }

function sequenceFlowBetweenNodes(edges: Iterable<WorkflowEdge>, view: LintView): Flow {
  const outgoing = new Map<string, WorkflowEdge[]>()
  const incoming = new Map<string, WorkflowEdge[]>()
  const add = (index: Map<string, WorkflowEdge[]>, key: string, edge: WorkflowEdge) => {
    const list = index.get(key)
    if (list) list.push(edge)
    else index.set(key, [edge])
  }
  for (const edge of edges) {
    if (!view.nodeById.has(edge.from!) || !view.nodeById.has(edge.to!)) continue
    add(outgoing, edge.from!, edge)
    add(incoming, edge.to!, edge)
  }
  return { outgoing, incoming }
}

/** Every node an End can be reached from along the flow, the ends included (backwards from each). */
function leadingToAnEnd(flow: Flow, view: LintView): Set<string> {
  const live = new Set([...flow.incoming.keys()].filter((id) => isEnd(view.nodeById.get(id)!)))
  const queue = [...live]
  for (let head = 0; head < queue.length; head++) {
    for (const edge of flow.incoming.get(queue[head]!) ?? []) {
      if (live.has(edge.from!)) continue
      live.add(edge.from!)
      queue.push(edge.from!)
    }
  }
  return live
}

/** The branch's shapes: its first, then the rest it leads to, by id (so the finding is stable). */
function branchFrom(firstId: string, flow: Flow, view: LintView): WorkflowNode[] {
  const seen = new Set([firstId])
  const queue = [firstId]
  for (let head = 0; head < queue.length; head++) {
    for (const edge of flow.outgoing.get(queue[head]!) ?? []) {
      if (seen.has(edge.to!)) continue
      seen.add(edge.to!)
      queue.push(edge.to!)
    }
  }
  const rest = queue.slice(1).sort()
  return [firstId, ...rest].map((id) => view.nodeById.get(id)!)
}

function deadBranch(from: WorkflowNode, edge: WorkflowEdge, branch: WorkflowNode[]) {
  const first = branch[0]!
  const where =
    from.type === 'decision'
      ? `The ${edge.branch === null ? 'unlabelled' : quoteLabel(edge.branch, '')} branch of decision ${quoteLabel(from.label, '(no question)')}`
      : `The way from ${quoteLabel(from.label, `(unnamed ${from.type})`)} to ${quoteLabel(first.label, `(unnamed ${first.type})`)}`
  return {
    message: `${where} never reaches an End: ${FIX}`,
    shapeIds: [...branch.map((node) => node.id), edge.id, from.id],
  }
}

function deadStart(start: WorkflowNode, branch: WorkflowNode[]) {
  return {
    message: `Nothing after start ${quoteLabel(start.label, '(unnamed)')} reaches an End: ${FIX}`,
    shapeIds: branch.map((node) => node.id),
  }
}
