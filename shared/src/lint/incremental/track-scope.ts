import type { WorkflowEdge, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { LintFinding, LintScope } from '../lint-rule.ts'
import type { LintView } from '../lint-view.ts'
import type { GraphDelta, LiveGraph } from './live-graph.ts'

/** One batch of changes as the scopes see it: the graph delta and what it did to reachability. */
export type LintChange = {
  delta: GraphDelta
  /** The shapes whose reached status flipped. */
  flipped: ReadonlySet<string>
  /** The map gained its first start or lost its last. */
  startPresenceFlipped: boolean
  /** The flow reached its first End or stopped reaching any. */
  endReachedFlipped: boolean
  /** The shapes from which an End became reachable, or stopped being. */
  reachesEndFlipped: ReadonlySet<string>
  /** The map started or stopped using RACI (`LintView.usesRaci`). */
  raciInUseFlipped: boolean
}

/** Keeps one scope's findings, by subject, current with the changes it hears of. */
export type ScopeTracker = {
  absorb(change: LintChange): void
  rolesChanged(): void
}

/** Sets a subject's findings (null or an empty list: it has none). */
export type PutFindings = (subject: string, findings: LintFinding | LintFinding[] | null) => void

/**
 * The incremental form of a scope: it rechecks only the subjects a change can affect, as `LintScope`
 * says for each kind. The first `absorb` (a delta that adds the whole map) checks every subject.
 */
export function trackScope(
  scope: LintScope,
  graph: LiveGraph,
  view: LintView,
  put: PutFindings,
): ScopeTracker {
  switch (scope.kind) {
    case 'node':
      return trackNodes(scope, graph, view, put)
    case 'lane': {
      const recheck = (id: string) => {
        const lane = graph.lanes.get(id)
        put(id, lane === undefined ? null : scope.check(lane, view))
      }
      return {
        absorb: ({ delta }) => {
          for (const id of delta.lanes.keys()) recheck(id)
        },
        rolesChanged: () => {
          if (scope.reads.includes('roles')) for (const id of graph.lanes.keys()) recheck(id)
        },
      }
    }
    case 'edge':
      return {
        absorb: ({ delta }) => {
          for (const id of delta.edges.keys()) {
            const edge = graph.edges.get(id)
            put(id, edge === undefined ? null : scope.check(edge, view))
          }
        },
        rolesChanged: () => {},
      }
    case 'walk':
      return trackWalks(scope, graph, view, put)
    case 'lane-group':
      return trackLaneGroups(scope, graph, view, put)
    case 'node-set':
      return trackNodeSet(scope, view, put)
    case 'edge-set':
      return trackEdgeSet(scope, view, put)
    default: {
      const unreachable: never = scope
      throw new Error(`unknown lint scope ${JSON.stringify(unreachable)}`)
    }
  }
}

function trackNodes(
  scope: Extract<LintScope, { kind: 'node' }>,
  graph: LiveGraph,
  view: LintView,
  put: PutFindings,
): ScopeTracker {
  const recheck = (id: string) => {
    const node = graph.nodes.get(id)
    put(id, node === undefined ? null : scope.check(node, view))
  }
  const readsOutgoing = scope.reads.includes('outgoing')
  const readsReachability = scope.reads.includes('reachability')
  const readsEndReached = scope.reads.includes('end-reached')
  const readsReachesEnd = scope.reads.includes('reaches-end')
  const readsRaciInUse = scope.reads.includes('raci-in-use')
  return {
    absorb({ delta, flipped, startPresenceFlipped, endReachedFlipped, reachesEndFlipped, raciInUseFlipped }) {
      if (
        (readsReachability && startPresenceFlipped) ||
        (readsEndReached && endReachedFlipped) ||
        (readsRaciInUse && raciInUseFlipped)
      ) {
        for (const id of graph.nodes.keys()) recheck(id)
        for (const id of delta.nodes.keys()) if (!graph.nodes.has(id)) recheck(id)
        return
      }
      const dirty = new Set(delta.nodes.keys())
      if (readsOutgoing) {
        // The shape a connector leaves (before and after a re-point) has one connector more or less.
        for (const { before, after } of delta.edges.values()) {
          if (before?.from != null) dirty.add(before.from)
          if (after?.from != null) dirty.add(after.from)
        }
      }
      if (readsReachability) for (const id of flipped) dirty.add(id)
      if (readsReachesEnd) for (const id of reachesEndFlipped) dirty.add(id)
      for (const id of dirty) recheck(id)
    },
    rolesChanged() {
      if (scope.reads.includes('roles')) for (const id of graph.nodes.keys()) recheck(id)
    },
  }
}

/**
 * Each walk's footprint (the shapes it looked at) is kept with the nodes it watches, so a change
 * rechecks only the walks that looked at a changed shape, or at the shape a changed connector leaves
 * (before or after a re-point): outside its footprint nothing can change a walk's answer.
 */
function trackWalks(
  scope: Extract<LintScope, { kind: 'walk' }>,
  graph: LiveGraph,
  view: LintView,
  put: PutFindings,
): ScopeTracker {
  const footprints = new Map<string, Set<string>>()
  const watchers = new Map<string, Set<string>>()
  const forget = (subject: string) => {
    for (const id of footprints.get(subject) ?? []) {
      const watching = watchers.get(id)
      watching?.delete(subject)
      if (watching?.size === 0) watchers.delete(id)
    }
    footprints.delete(subject)
  }
  const recheck = (id: string) => {
    forget(id)
    const node = graph.nodes.get(id)
    if (node === undefined || !scope.includes(node, view)) {
      put(id, null)
      return
    }
    const { finding, visited } = scope.check(node, view)
    const footprint = new Set(visited)
    footprints.set(id, footprint)
    for (const seen of footprint) {
      const watching = watchers.get(seen)
      if (watching) watching.add(id)
      else watchers.set(seen, new Set([id]))
    }
    put(id, finding)
  }
  return {
    absorb({ delta }) {
      const dirty = new Set<string>()
      const watchersOf = (id: string | null | undefined) => {
        if (id == null) return
        for (const subject of watchers.get(id) ?? []) dirty.add(subject)
      }
      for (const id of delta.nodes.keys()) {
        dirty.add(id)
        watchersOf(id)
      }
      for (const { before, after } of delta.edges.values()) {
        watchersOf(before?.from)
        watchersOf(after?.from)
      }
      for (const id of dirty) recheck(id)
    },
    rolesChanged() {
      for (const id of [...footprints.keys()]) if (!graph.nodes.has(id)) recheck(id)
      for (const id of graph.nodes.keys()) recheck(id)
    },
  }
}

function trackLaneGroups(
  scope: Extract<LintScope, { kind: 'lane-group' }>,
  graph: LiveGraph,
  view: LintView,
  put: PutFindings,
): ScopeTracker {
  const groups = new Map<string, { laneId: string | null; members: Set<string> }>()
  const groupsOfLane = new Map<string, Set<string>>()

  function move(id: string, before: string | null, after: WorkflowNode | undefined, dirty: Set<string>) {
    const key = after === undefined ? null : scope.keyOf(after)
    if (before === key) {
      if (key !== null) dirty.add(key) // the spelling the finding quotes may have changed
      return
    }
    if (before !== null) {
      const group = groups.get(before)!
      group.members.delete(id)
      if (group.members.size === 0) {
        groups.delete(before)
        if (group.laneId !== null) groupsOfLane.get(group.laneId)?.delete(before)
      }
      dirty.add(before)
    }
    if (key !== null) {
      const group = groups.get(key)
      if (group) group.members.add(id)
      else {
        // Every member of a group lies in one lane, so the first one says which.
        const laneId = after!.laneId
        groups.set(key, { laneId, members: new Set([id]) })
        if (laneId !== null) {
          const keys = groupsOfLane.get(laneId)
          if (keys) keys.add(key)
          else groupsOfLane.set(laneId, new Set([key]))
        }
      }
      dirty.add(key)
    }
  }

  return {
    absorb({ delta }) {
      const dirty = new Set<string>()
      for (const [id, { before, after }] of delta.nodes)
        move(id, before === undefined ? null : scope.keyOf(before), after, dirty)
      for (const [id, { before, after }] of delta.lanes)
        if (before?.label !== after?.label) for (const key of groupsOfLane.get(id) ?? []) dirty.add(key)
      for (const key of dirty) {
        const group = groups.get(key)
        put(
          key,
          group === undefined
            ? null
            : scope.check(
                [...group.members].map((id) => graph.nodes.get(id)!),
                view,
              ),
        )
      }
    },
    rolesChanged: () => {},
  }
}

function trackNodeSet(
  scope: Extract<LintScope, { kind: 'node-set' }>,
  view: LintView,
  put: PutFindings,
): ScopeTracker {
  const members = new Set<string>()
  return trackWholeMap(
    ({ delta, startPresenceFlipped }) => {
      let joinedOrLeft = false
      for (const [id, { after }] of delta.nodes) {
        const inside = after !== undefined && scope.includes(after)
        if (inside === members.has(id)) continue
        if (inside) members.add(id)
        else members.delete(id)
        joinedOrLeft = true
      }
      return joinedOrLeft || startPresenceFlipped
    },
    () => scope.check([...members], view),
    put,
  )
}

function trackEdgeSet(
  scope: Extract<LintScope, { kind: 'edge-set' }>,
  view: LintView,
  put: PutFindings,
): ScopeTracker {
  const members = new Map<string, WorkflowEdge>()
  /** The shapes the current findings name: their labels are in the messages. */
  let named = new Set<string>()
  return trackWholeMap(
    ({ delta }) => {
      let changed = false
      for (const [id, { before, after }] of delta.edges) {
        const was = before !== undefined && scope.includes(before)
        const is = after !== undefined && scope.includes(after)
        if (was || is) changed = true
        if (is) members.set(id, after!)
        else members.delete(id)
      }
      for (const [id, { before, after }] of delta.nodes)
        if (named.has(id) && before?.label !== after?.label) changed = true
      return changed
    },
    () => {
      const findings = scope.check(members.values(), view)
      named = new Set(findings.flatMap((finding) => finding.shapeIds))
      return findings
    },
    put,
  )
}

/**
 * A scope whose one subject is the whole map: checked on the first absorb, then whenever `take`
 * (which keeps the scope's members current with each change) says the change affects it.
 */
function trackWholeMap(
  take: (change: LintChange) => boolean,
  check: () => LintFinding | LintFinding[] | null,
  put: PutFindings,
): ScopeTracker {
  let checked = false
  return {
    absorb(change) {
      const affected = take(change)
      if (checked && !affected) return
      checked = true
      put('', check())
    },
    rolesChanged: () => {},
  }
}
