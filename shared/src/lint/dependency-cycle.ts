import type { WorkflowEdge } from '../graph/workflow-graph.ts'
import { defineRule, quoteLabel } from './lint-rule.ts'

/** Shapes that depend on each other in a circle can never start: each waits for the next. */
export const dependencyCycle = defineRule({
  id: 'dependency-cycle',
  title: 'Dependency cycle',
  severity: 'error',
  scopes: [
    {
      kind: 'edge-set',
      includes: (edge) => edge.flow === 'dependency',
      // One finding per cycle. Members and connectors are ordered by id, so it does not depend on
      // read order.
      check(edges, { nodeById }) {
        return dependencyCycles(edges).map((cycle) => {
          const names = cycle.nodeIds.map((id) => quoteLabel(nodeById.get(id)?.label ?? '', id))
          const message =
            names.length === 1
              ? `Dependency cycle: ${names[0]} depends on itself; remove that dependency`
              : `Dependency cycle: ${names.join(', ')} all wait on each other; remove one of these dependencies`
          return { message, shapeIds: [...cycle.nodeIds, ...cycle.edgeIds] }
        })
      },
    },
  ],
})

type Cycle = { nodeIds: string[]; edgeIds: string[] }

/**
 * Strongly connected components of the given dependency connectors (those bound at both ends) with
 * more than one shape, or a shape that depends on itself (Tarjan's algorithm, iterative so a long
 * chain cannot overflow the stack).
 */
function dependencyCycles(edges: Iterable<WorkflowEdge>): Cycle[] {
  const successors = new Map<string, Array<{ to: string; edgeId: string }>>()
  for (const edge of edges) {
    if (edge.from === null || edge.to === null) continue
    const list = successors.get(edge.from)
    const entry = { to: edge.to, edgeId: edge.id }
    if (list) list.push(entry)
    else successors.set(edge.from, [entry])
  }
  const index = new Map<string, number>()
  const lowLink = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: Cycle[] = []
  let counter = 0

  for (const root of successors.keys()) {
    if (index.has(root)) continue
    const frames: Array<{ id: string; next: number }> = [{ id: root, next: 0 }]
    index.set(root, counter)
    lowLink.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!
      const out = successors.get(frame.id) ?? []
      if (frame.next < out.length) {
        const { to } = out[frame.next++]!
        if (!index.has(to)) {
          index.set(to, counter)
          lowLink.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          frames.push({ id: to, next: 0 })
        } else if (onStack.has(to)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, index.get(to)!))
        }
        continue
      }
      frames.pop()
      const parent = frames[frames.length - 1]
      if (parent) lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!))
      if (lowLink.get(frame.id) !== index.get(frame.id)) continue
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== frame.id)
      const members = new Set(component)
      const edgeIds = component.flatMap((id) =>
        (successors.get(id) ?? []).filter((entry) => members.has(entry.to)).map((entry) => entry.edgeId),
      )
      if (component.length > 1 || edgeIds.length > 0)
        cycles.push({ nodeIds: component.sort(), edgeIds: edgeIds.sort() })
    }
  }
  return cycles
}
