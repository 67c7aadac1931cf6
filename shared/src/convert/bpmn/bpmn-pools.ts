/**
 * Pools, lanes and roles. Each `participant` (pool) of several becomes one lane group (`pool` on its
 * lanes); a pool without lanes becomes one lane named by the participant, so its elements stay apart
 * from the other pools'. With a single pool the board is the pool: its lanes need no group, and a pool
 * without lanes adds no lane (so a Flowmap board without lanes comes back without one). Nested lane
 * sets become their leaf lanes, labelled "Parent / Child". Roles are the file's `flowmap:role`
 * entries when it has them, else one per lane name.
 */
import type { ModdleElement } from 'bpmn-moddle'
import { ROLE_KINDS, type Role, type RoleKind } from '../../schema/role.ts'
import type { DraftBounds, DraftContainer } from '../flow-draft.ts'
import type { BpmnReadContext as Context } from './bpmn-read-context.ts'
import { idOf, idOrMadeUp, manyOf, oneOf, stringOf } from './moddle-read.ts'

/** A process as the importer walks it, with the pool it is drawn in. */
export type ProcessScope = {
  readonly process: ModdleElement
  readonly pool: string | null
  /** The lane its elements join when no lane lists them: a pool drawn without lanes. */
  readonly poolLane: string | null
  readonly lanes: readonly DraftContainer[]
}

export type PoolsRead = {
  readonly title: string | null
  readonly scopes: readonly ProcessScope[]
  readonly containers: readonly DraftContainer[]
  readonly roles: readonly Role[]
  /** The leaf lane each flow node is listed in (`flowNodeRef`). */
  readonly laneOfNode: ReadonlyMap<string, string>
}

const ROLE_COLORS = ['#4263eb', '#e8590c', '#2f9e44', '#ae3ec9', '#1098ad', '#f08c00', '#d6336c', '#5c940d']
const roleKinds: ReadonlySet<string> = new Set(ROLE_KINDS)

function boundsOf(context: Context, id: string | null): DraftBounds | null {
  return id === null ? null : (context.diagram.shape(id)?.bounds ?? null)
}

function flowmapRoles(processes: readonly ModdleElement[], context: Context): Role[] {
  const roles: Role[] = []
  for (const process of processes) {
    const extensions = oneOf(process, 'extensionElements')
    if (extensions === null) continue
    for (const value of manyOf(extensions, 'values')) {
      if (!context.flowmap.isElement(value, 'role')) continue
      const id = stringOf(value, 'id')
      if (id === null || roles.some((role) => role.id === id)) continue
      const kind = stringOf(value, 'kind')
      roles.push({
        id,
        name: context.flowmap.textOf(value, 'name') ?? id,
        color: stringOf(value, 'color') ?? ROLE_COLORS[roles.length % ROLE_COLORS.length]!,
        kind: kind !== null && roleKinds.has(kind) ? (kind as RoleKind) : 'person',
      })
    }
  }
  return roles
}

type LaneReader = {
  readonly context: Context
  readonly roles: Role[]
  readonly rolesFromLanes: boolean
  readonly laneOfNode: Map<string, string>
  parents: number
}

function laneRole(
  reader: LaneReader,
  lane: ModdleElement,
  label: string,
  laneId: string,
  parentRole: string | null = null,
): string | null {
  const named = reader.context.flowmap.attribute(lane, 'roleId')
  if (named !== null && reader.roles.some((role) => role.id === named)) return named
  if (!reader.rolesFromLanes) return parentRole
  const existing = reader.roles.find((role) => role.name === label)
  if (existing !== undefined) return existing.id
  const role: Role = {
    id: `role:${laneId}`,
    name: label === '' ? laneId : label,
    color: ROLE_COLORS[reader.roles.length % ROLE_COLORS.length]!,
    kind: 'person',
  }
  reader.roles.push(role)
  return role.id
}

/** Leaf lanes of a lane set, depth first; a parent's `flowNodeRef`s go to its first leaf when no leaf lists them. */
function leafLanes(
  reader: LaneReader,
  laneSet: ModdleElement,
  pool: string | null,
  parent: { readonly label: string; readonly roleId: string | null } | null,
  out: DraftContainer[],
): string[] {
  const leafIds: string[] = []
  for (const lane of manyOf(laneSet, 'lanes')) {
    const id = idOrMadeUp(lane, out.length)
    const name = reader.context.flowmap.nameOf(lane) ?? ''
    const label = [parent?.label ?? '', name].filter((part) => part !== '').join(' / ')
    const children = oneOf(lane, 'childLaneSet')
    // A parent lane's role (a Flowmap `roleId`) carries to children that name none.
    const ownRole = reader.context.flowmap.attribute(lane, 'roleId')
    const roleForChildren =
      ownRole !== null && reader.roles.some((r) => r.id === ownRole) ? ownRole : (parent?.roleId ?? null)
    const childLeaves =
      children === null ? [] : leafLanes(reader, children, pool, { label, roleId: roleForChildren }, out)
    if (childLeaves.length > 0) {
      reader.parents += 1
      reader.context.tally.mapped(
        'parent lanes (nested lane sets)',
        "the first part of their child lanes' labels",
      )
      for (const ref of manyOf(lane, 'flowNodeRef')) {
        const nodeId = idOf(ref)
        if (nodeId !== null && !reader.laneOfNode.has(nodeId)) reader.laneOfNode.set(nodeId, childLeaves[0]!)
      }
      leafIds.push(...childLeaves)
      continue
    }
    reader.context.tally.mapped('lanes', 'lanes')
    out.push({
      id,
      kind: 'lane',
      label,
      roleId: laneRole(reader, lane, label, id, parent?.roleId ?? null),
      // One pool of several is one lane group; in a board's own pool, its lanes' `flowmap:pool` says which restack together.
      pool: pool ?? reader.context.flowmap.attribute(lane, 'pool'),
      bounds: boundsOf(reader.context, id),
      meta: { bpmnKind: 'lane' },
    })
    for (const ref of manyOf(lane, 'flowNodeRef')) {
      const nodeId = idOf(ref)
      if (nodeId !== null) reader.laneOfNode.set(nodeId, id)
    }
    leafIds.push(id)
  }
  return leafIds
}

/** The file's pools and lanes; null when it has neither a process nor a pool. */
export function readPools(definitions: ModdleElement, context: Context): PoolsRead | null {
  const roots = manyOf(definitions, 'rootElements')
  const processes = roots.filter((root) => root.$type === 'bpmn:Process')
  const participants = roots
    .filter((root) => root.$type === 'bpmn:Collaboration')
    .flatMap((collaboration) => manyOf(collaboration, 'participants'))
  // A pool without a process is a black box (an empty Flowmap board is exported so): it still reads.
  if (processes.length === 0 && participants.length === 0) return null
  const drawnProcesses = new Set(participants.map((p) => oneOf(p, 'processRef')))
  const poolless = processes.filter((process) => !drawnProcesses.has(process))
  const severalPools = participants.length + poolless.length > 1

  const fileRoles = flowmapRoles(processes, context)
  const reader: LaneReader = {
    context,
    roles: fileRoles,
    rolesFromLanes: fileRoles.length === 0,
    laneOfNode: new Map(),
    parents: 0,
  }
  const containers: DraftContainer[] = []
  const scopes: ProcessScope[] = []
  const pools: { element: ModdleElement; process: ModdleElement | null }[] = [
    ...participants.map((element) => ({ element, process: oneOf(element, 'processRef') })),
    ...poolless.map((process) => ({ element: process, process })),
  ]
  const walked = new Set<ModdleElement>()
  for (const [index, { element, process: referenced }] of pools.entries()) {
    // Two pools drawing one process would put its elements on the board twice: the first pool has them.
    const process = referenced !== null && walked.has(referenced) ? null : referenced
    if (process !== null) walked.add(process)
    const poolId = idOrMadeUp(element, index)
    const pool = severalPools ? poolId : null
    const lanes: DraftContainer[] = []
    for (const laneSet of process === null ? [] : manyOf(process, 'laneSets'))
      leafLanes(reader, laneSet, pool, null, lanes)
    let poolLane: string | null = null
    if (lanes.length === 0 && severalPools) {
      const label = context.flowmap.nameOf(element) ?? ''
      poolLane = poolId
      lanes.push({
        id: poolId,
        kind: 'lane',
        label,
        roleId: laneRole(reader, element, label, poolId),
        pool,
        bounds: boundsOf(context, poolId),
        meta: { bpmnKind: 'participant' },
      })
    }
    containers.push(...lanes)
    if (process !== null) scopes.push({ process, pool, poolLane, lanes })
  }
  if (participants.length > 0) {
    context.tally.mapped(
      'pools (participants)',
      severalPools ? 'lane groups' : "the board (the pool's name is its title)",
      participants.length,
    )
  }
  if (reader.parents > 0) {
    context.tally.notices.push(
      `${reader.parents} parent lanes of nested lane sets were flattened: each leaf lane became a lane labelled "Parent / Child"`,
    )
  }
  if (reader.rolesFromLanes && reader.roles.length > 0) {
    context.tally.notices.push(`${reader.roles.length} roles were made from the lanes' names`)
  }
  const single = participants.length === 1 ? participants[0]! : null
  const title =
    (single === null ? null : context.flowmap.nameOf(single)) ??
    stringOf(definitions, 'name') ??
    (processes.length === 1 ? stringOf(processes[0]!, 'name') : null)
  return { title, scopes, containers, roles: reader.roles, laneOfNode: reader.laneOfNode }
}
