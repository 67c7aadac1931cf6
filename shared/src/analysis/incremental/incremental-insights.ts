import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { RecordsChange } from '../../doc/observe-records.ts'
import { indexWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type {
  WorkflowEdge,
  WorkflowGraph,
  WorkflowLane,
  WorkflowNode,
  WorkflowStage,
} from '../../graph/workflow-graph.ts'
import { createLiveGraph } from '../../lint/incremental/live-graph.ts'
import type { Role } from '../../schema/role.ts'
import type { WorkflowInsights } from '../analyze.ts'
import { automationInsights } from '../automation.ts'
import { bottleneckInsights } from '../bottlenecks.ts'
import { criticalPath } from '../critical-path.ts'
import { type FlowReader, governanceInsights } from '../governance.ts'
import { handoffInsights } from '../handoffs.ts'
import { maturityScorecard } from '../maturity.ts'
import { ownershipInsights } from '../ownership.ts'
import { raciMatrix } from '../raci.ts'
import { valueStream } from '../value-stream.ts'
import { deltaAspects, type InsightAspect } from './insight-aspects.ts'
import { createLiveUnreviewedOutputs } from './live-unreviewed-outputs.ts'

export type IncrementalInsightsOptions = {
  records: Iterable<TLRecord>
  roles: readonly Role[]
  /** Distinct people who edited the board (`AnalyzeOptions.contributors`). */
  contributors?: number
}

/**
 * `analyzeWorkflow(toWorkflowGraph(records, roles), { contributors })`, kept current change by change:
 * `insights()` deep-equals that full run after every change (the property test checks it), when the
 * records are read in the order a `Map` keyed by id keeps them (a new record last, an updated one in
 * its place): the order `toWorkflowGraph` sees them in decides the order of every list.
 */
export type IncrementalInsights = {
  /** One transaction's record changes (what `observeRecords` reports). */
  applyRecords(change: RecordsChange): void
  setRoles(roles: readonly Role[]): void
  setContributors(contributors: number | undefined): void
  /** The analysis of the board as it is now; the same object until something it reads changes. */
  insights(): WorkflowInsights
  /** The graph the analysis read (sections name the shapes their findings are about). */
  graph(): WorkflowGraph
}

type Part = keyof WorkflowInsights

/**
 * What each part of the analysis reads. A part is recomputed only when an edit changed one of its
 * aspects (or an unknown prop, which every part is taken to read); otherwise its last result stands.
 * A move reads as `position` (RACI row order) and a rename as `label` (RACI rows, bottleneck labels):
 * neither reaches the graph-wide walks. Maturity reads the handoffs, so its aspects include theirs.
 */
export const PART_ASPECTS: Readonly<Record<Part, readonly InsightAspect[]>> = {
  ownership: ['nodes', 'edges', 'owner', 'roles'],
  handoffs: ['nodes', 'edges', 'owner'],
  bottlenecks: ['nodes', 'edges', 'label'],
  criticalPath: ['nodes', 'edges', 'timing'],
  automation: ['nodes', 'edges', 'owner', 'work', 'raci', 'roles'],
  maturity: ['nodes', 'edges', 'owner', 'work', 'contributors'],
  valueStream: ['nodes', 'edges', 'timing', 'containers', 'stages'],
  raci: ['nodes', 'owner', 'raci', 'label', 'position', 'containers', 'stages', 'roles'],
  governance: ['nodes', 'edges', 'owner', 'work', 'raci', 'roles', 'timing', 'containers', 'lanes'],
}

const PARTS = Object.keys(PART_ASPECTS) as Part[]

/**
 * 1. The graph is kept live by the lint's `createLiveGraph` (each changed shape or connector rebuilt
 *    by `toWorkflowGraph` on the few records that decide it), and stages from their shape records.
 * 2. Each change adds the aspects it touched to a pending set; nothing is computed yet (the panel
 *    reads the insights when edits settle, the lint reads per transaction).
 * 3. `insights()` lays the graph out in record order (linear, cheap beside the analyses), then reruns
 *    the parts whose aspects are pending and keeps the others' results.
 * 4. Where each AI step's output goes unreviewed (automation and governance both ask; one breadth-first
 *    walk per AI step) is kept per step and forgotten only when a shape its walk saw changes.
 */
export function createIncrementalInsights(options: IncrementalInsightsOptions): IncrementalInsights {
  const records = [...options.records]
  const live = createLiveGraph(records)
  /** Shape records in the order a full run meets them: stage records, and the order of nodes and edges. */
  const shapes = new Map<string, TLShape>()
  for (const record of records) if (record.typeName === 'shape') shapes.set(record.id, record)
  let roles: readonly Role[] = [...options.roles]
  let roleById = new Map(roles.map((role) => [role.id, role]))
  let contributors = options.contributors
  const reader: FlowReader = {
    nodeById: live.nodes,
    get roleById() {
      return roleById
    },
    outgoingOf: (shapeId) => live.outgoingOf(shapeId),
  }
  const unreviewed = createLiveUnreviewedOutputs(reader)

  const pending = new Set<InsightAspect>(['unknown'])
  let graph: WorkflowGraph | null = null
  let results: Partial<WorkflowInsights> = {}
  let current: WorkflowInsights | null = null

  function touched(aspect: InsightAspect) {
    pending.add(aspect)
    current = null
  }

  function stagesChanged() {
    graph = null
    touched('stages')
  }

  function layOut(): WorkflowGraph {
    const nodes: WorkflowNode[] = []
    const edges: WorkflowEdge[] = []
    const lanes: WorkflowLane[] = []
    const stages: WorkflowStage[] = []
    for (const shape of shapes.values()) {
      if (shape.type === 'stage') {
        stages.push({
          id: shape.id,
          label: shape.props.label,
          order: shape.props.order,
          parentId: shape.parentId,
        })
        continue
      }
      const node = live.nodes.get(shape.id)
      if (node !== undefined) nodes.push(node)
      const edge = live.edges.get(shape.id)
      if (edge !== undefined) edges.push(edge)
      const lane = live.lanes.get(shape.id)
      if (lane !== undefined) lanes.push(lane)
    }
    return indexWorkflowGraph({ nodes, edges, lanes, stages, roles })
  }

  function stale(part: Part): boolean {
    return pending.has('unknown') || PART_ASPECTS[part].some((aspect) => pending.has(aspect))
  }

  function compute(): WorkflowInsights {
    graph ??= layOut()
    const g = graph
    const next = { ...results }
    const run: { [P in Part]: () => WorkflowInsights[P] } = {
      ownership: () => ownershipInsights(g),
      handoffs: () => handoffInsights(g),
      bottlenecks: () => bottleneckInsights(g),
      criticalPath: () => criticalPath(g),
      automation: () => automationInsights(g, unreviewed.reachOf),
      maturity: () =>
        maturityScorecard(g, {
          handoffs: next.handoffs!,
          ...(contributors === undefined ? {} : { contributors }),
        }),
      valueStream: () => valueStream(g),
      raci: () => raciMatrix(g),
      governance: () => governanceInsights(g, unreviewed.reachOf),
    }
    // PARTS lists handoffs before maturity, which reads them.
    for (const part of PARTS) {
      if (next[part] === undefined || stale(part)) (next as Record<Part, unknown>)[part] = run[part]()
    }
    pending.clear()
    results = next
    return {
      ownership: next.ownership!,
      handoffs: next.handoffs!,
      bottlenecks: next.bottlenecks!,
      criticalPath: next.criticalPath!,
      automation: next.automation!,
      maturity: next.maturity!,
      valueStream: next.valueStream!,
      raci: next.raci!,
      governance: next.governance!,
    }
  }

  return {
    applyRecords(change) {
      if (change.upserted.length === 0 && change.removed.length === 0) return
      for (const id of change.removed) {
        const shape = shapes.get(id)
        if (shape === undefined) continue
        shapes.delete(id)
        if (shape.type === 'stage') stagesChanged()
      }
      for (const record of change.upserted) {
        if (record.typeName !== 'shape') continue
        const before = shapes.get(record.id)
        shapes.set(record.id, record)
        if (record.type === 'stage' || before?.type === 'stage') {
          const stageOf = (shape: TLShape | undefined) =>
            shape?.type === 'stage'
              ? JSON.stringify([shape.props.label, shape.props.order, shape.parentId])
              : null
          if (stageOf(before) !== stageOf(record)) stagesChanged()
        }
      }
      const delta = live.apply(change)
      unreviewed.absorb(delta)
      const aspects = new Set<InsightAspect>()
      deltaAspects(delta, aspects)
      for (const aspect of aspects) touched(aspect)
      // A removal or addition of a shape that is no node, edge, lane or stage (a sticky note) leaves
      // the graph as it was; one that is any of them is in the delta or touched the stages above.
      if (delta.nodes.size + delta.edges.size + delta.lanes.size > 0) graph = null
    },
    setRoles(next) {
      roles = [...next]
      roleById = new Map(roles.map((role) => [role.id, role]))
      unreviewed.forgetAll()
      graph = null
      touched('roles')
    },
    setContributors(next) {
      if (next === contributors) return
      contributors = next
      touched('contributors')
    },
    insights() {
      current ??= compute()
      return current
    },
    graph() {
      current ??= compute()
      // A change no part reads (a branch's text) still changes the graph.
      graph ??= layOut()
      return graph
    },
  }
}
