import type { TLRecord } from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import type { FlowKind } from '../schema/connector.ts'
import { ROLE_KINDS, type Role } from '../schema/role.ts'
import { STEP_AUTOMATIONS, STEP_STATUSES } from '../schema/step.ts'
import { seededRandom } from './seeded-random.ts'
import { connector, documentRecord, pageRecord, TEST_PAGE_ID, workflowShape } from './shape-records.ts'

export type WorkflowMapOptions = {
  /** Flow nodes (steps, decisions, artifacts, events); stages and lanes come on top. */
  nodes: number
  /** Connectors (arrows); each also brings its two arrow bindings. */
  edges: number
  seed?: number
}

export type WorkflowMap = { records: TLRecord[]; roles: Role[] }

/**
 * A large, valid, deterministic workflow map for tests and benchmarks: stages of lanes bound to roles,
 * a start, a chain of sequence connectors through every node to an end (so reachability is real
 * work), and the remaining connectors drawn forward between random nodes: sequence, dependency and
 * information flows, labelled branches out of decisions. A few seeded defects give lint something to
 * find: a lane without role, steps without owner in it, and an occasional loose connector.
 */
export function generateWorkflowMap({ nodes, edges, seed = 1 }: WorkflowMapOptions): WorkflowMap {
  const random = seededRandom(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const stageCount = Math.max(1, Math.round(nodes / 500))
  const lanesPerStage = 4
  const roles: Role[] = Array.from({ length: Math.max(3, Math.round(nodes / 250)) }, (_, i) => ({
    id: `role:${i}`,
    name: `Role ${i}`,
    color: `hsl(${(i * 47) % 360} 70% 50%)`,
    kind: ROLE_KINDS[i % ROLE_KINDS.length]!,
  }))
  const indices = getIndices(Math.max(nodes, edges, stageCount * lanesPerStage) + 1)
  const records: TLRecord[] = [documentRecord(), pageRecord()]

  const laneIds: string[] = []
  for (let s = 0; s < stageCount; s++) {
    const stageId = `shape:stage-${s}`
    records.push(
      workflowShape('stage', {
        id: stageId,
        index: indices[s]!,
        parentId: TEST_PAGE_ID,
        x: s * 4000,
        props: { label: `Stage ${s + 1}`, order: s, w: 3800, h: 4000 },
      }),
    )
    for (let l = 0; l < lanesPerStage; l++) {
      const laneNumber = s * lanesPerStage + l
      const laneId = `shape:lane-${laneNumber}`
      laneIds.push(laneId)
      // Every 7th lane has no role: its steps without own owner are lint findings.
      const roleId = laneNumber % 7 === 6 ? null : roles[laneNumber % roles.length]!.id
      records.push(
        workflowShape('lane', {
          id: laneId,
          index: indices[l]!,
          parentId: stageId,
          y: l * 1000,
          props: { label: `Lane ${laneNumber + 1}`, roleId, w: 3800, h: 1000 },
        }),
      )
    }
  }

  const nodeIds: string[] = []
  const isDecision: boolean[] = []
  for (let i = 0; i < nodes; i++) {
    const id = `shape:node-${i}`
    nodeIds.push(id)
    // Consecutive nodes share a lane for a while, as drawn work does, then move on.
    const laneId = laneIds[Math.floor((i / nodes) * laneIds.length)]!
    const common = { id, index: indices[i]!, parentId: laneId, x: (i % 20) * 190, y: 40 + (i % 5) * 150 }
    const roll = random()
    isDecision.push(false)
    if (i === 0 || i === nodes - 1) {
      records.push(
        workflowShape('event', { ...common, props: { kind: i === 0 ? 'start' : 'end', label: '' } }),
      )
    } else if (roll < 0.08) {
      isDecision[i] = true
      records.push(workflowShape('decision', { ...common, props: { question: `Decision ${i}?` } }))
    } else if (roll < 0.13) {
      records.push(workflowShape('artifact', { ...common, props: { label: `Artifact ${i}`, kind: 'data' } }))
    } else {
      records.push(
        workflowShape('step', {
          ...common,
          props: {
            // Compact cards, so twenty fit across a lane on the 190-unit grid above.
            w: 160,
            h: 80,
            label: `Step ${i}`,
            owner: random() < 0.3 ? pick(roles).id : null,
            status: pick(STEP_STATUSES),
            automation: pick(STEP_AUTOMATIONS),
            estimate: random() < 0.5 ? Math.round(random() * 40) : null,
          },
        }),
      )
    }
  }

  const chainEdges = Math.min(edges, Math.max(0, nodes - 1))
  for (let e = 0; e < edges; e++) {
    let from: number
    let to: number
    let flow: FlowKind = 'sequence'
    if (e < chainEdges) {
      from = e
      to = e + 1
    } else {
      from = Math.floor(random() * (nodes - 1))
      to = from + 1 + Math.floor(random() * Math.min(50, nodes - 1 - from))
      const roll = random()
      flow = roll < 0.7 ? 'sequence' : roll < 0.9 ? 'dependency' : 'information'
    }
    const loose = e >= chainEdges && e % 97 === 0
    const branch = flow === 'sequence' && isDecision[from] ? (e < chainEdges ? 'yes' : 'no') : undefined
    records.push(
      ...connector({
        id: `edge-${e}`,
        index: indices[e]!,
        from: nodeIds[from] ?? null,
        to: loose ? null : (nodeIds[to] ?? null),
        ...(flow === 'sequence' ? {} : { flow }),
        ...(branch === undefined ? {} : { branch }),
      }),
    )
  }
  return { records, roles }
}
