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
 * find: a lane without role, steps without owner in it, and an occasional loose connector. Steps carry
 * value-stream timing (waits, ranges, % complete & accurate) and RACI roles, decisions an accountable
 * role, some branches a probability: drawn from a random stream of their own, so the maps' shapes and
 * connectors are the same as before those props existed.
 */
export function generateWorkflowMap({ nodes, edges, seed = 1 }: WorkflowMapOptions): WorkflowMap {
  const random = seededRandom(seed)
  const flowRandom = seededRandom(seed + 0x9e37)
  const chance = (p: number) => flowRandom() < p
  const someRole = () => roles[Math.floor(flowRandom() * roles.length)]!.id
  /** RACI columns: usually one accountable role, now and then none or two (the lint finds those). */
  const raci = () => {
    const accountable = chance(0.1) ? [] : [someRole()]
    if (chance(0.05)) accountable.push(...[someRole()].filter((id) => !accountable.includes(id)))
    return {
      accountable,
      consulted: chance(0.3) ? [someRole()] : [],
      informed: chance(0.3) ? [someRole()] : [],
    }
  }
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
      const { accountable } = raci()
      records.push(
        workflowShape('decision', { ...common, props: { question: `Decision ${i}?`, accountable } }),
      )
    } else if (roll < 0.13) {
      records.push(workflowShape('artifact', { ...common, props: { label: `Artifact ${i}`, kind: 'data' } }))
    } else {
      // Drawn in the order the props were written before timing existed: the same maps for a seed.
      const owner = random() < 0.3 ? pick(roles).id : null
      const status = pick(STEP_STATUSES)
      const automation = pick(STEP_AUTOMATIONS)
      const estimate = random() < 0.5 ? Math.round(random() * 40) : null
      records.push(
        workflowShape('step', {
          ...common,
          props: {
            // Compact cards, so twenty fit across a lane on the 190-unit grid above.
            w: 160,
            h: 80,
            label: `Step ${i}`,
            owner,
            status,
            automation,
            estimate,
            ...flowTiming(flowRandom, estimate),
            ...raci(),
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
    const [arrow, ...bindings] = connector({
      id: `edge-${e}`,
      index: indices[e]!,
      from: nodeIds[from] ?? null,
      to: loose ? null : (nodeIds[to] ?? null),
      ...(flow === 'sequence' ? {} : { flow }),
      ...(branch === undefined ? {} : { branch }),
    })
    // Side branches of a decision sometimes say how often they are taken; the rest share what is left.
    const probability = branch === 'no' && chance(0.5) ? Math.round(flowRandom() * 40) / 100 : null
    records.push(
      probability === null ? arrow! : { ...arrow!, meta: { ...arrow!.meta, probability } },
      ...bindings,
    )
  }
  return { records, roles }
}

/** A step's wait, its ranges and % complete & accurate, around the estimate drawn with the step. */
function flowTiming(random: () => number, estimate: number | null) {
  const wait = random() < 0.6 ? Math.round(random() * 24) : null
  const range = (likely: number) => ({ min: likely / 2, max: likely * 2 })
  return {
    wait,
    waitRange: wait !== null && random() < 0.2 ? range(wait) : null,
    estimateRange: estimate !== null && random() < 0.3 ? range(estimate) : null,
    completeAccurate: random() < 0.5 ? 50 + Math.round(random() * 50) : null,
  }
}
