/**
 * The edits a fuzzed client makes, each the honest edit a person could make in the app, written through
 * @flowmap/shared's doc layout with records built by its test builders (so every write validates):
 * create, move, relabel, reassign owner, connect (arrow + bindings), reparent into stages and lanes,
 * delete shapes (with their bindings and children, as tldraw does), connectors and roles, rename roles,
 * retitle the board.
 *
 * Every write also goes into an `EditLedger`, the content oracle: which records and roles were created
 * and deleted by anyone, and every value ever written to each field, so the end state can be judged
 * ("nothing created and never deleted is missing, every field holds a value someone wrote").
 */
import {
  ARTIFACT_KINDS,
  deleteRecords,
  deleteRole,
  EVENT_KINDS,
  findBoardRepairs,
  localOrigin,
  ROLE_KINDS,
  type Role,
  readBoard,
  readRecords,
  readRoles,
  STEP_STATUSES,
  transactBoard,
  type WorkflowShapeType,
  writeBoard,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import { connector, TEST_PAGE_ID, workflowShape } from '@flowmap/shared/testing'
import type * as Y from 'yjs'

/** The record types, as @flowmap/shared's readers give them (tldraw's types are not a dependency here). */
export type BoardRecord = ReturnType<typeof readRecords>[number]
export type BoardShape = Extract<BoardRecord, { typeName: 'shape' }>

export type Random = () => number

/** Fractional index keys with a one-digit integer part: valid, and few enough that siblings collide. */
const INDEX_KEYS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'] as const
const CONTAINER_TYPES: ReadonlySet<string> = new Set(['stage', 'lane'])
const NODE_TYPES = ['step', 'decision', 'artifact', 'event'] as const

export class EditLedger {
  readonly createdRecords = new Set<string>()
  readonly deletedRecords = new Set<string>()
  readonly createdRoles = new Set<string>()
  readonly deletedRoles = new Set<string>()
  /** `recordId field` or `recordId props.key` → JSON of every value written to it */
  readonly written = new Map<string, Set<string>>()
  readonly titles = new Set<string>()

  noteRecord(record: BoardRecord): void {
    for (const [key, value] of Object.entries(record)) {
      if ((key === 'props' || key === 'meta') && typeof value === 'object' && value !== null) {
        for (const [nested, nestedValue] of Object.entries(value)) {
          this.#note(`${record.id} ${key}.${nested}`, nestedValue)
        }
      } else this.#note(`${record.id} ${key}`, value)
    }
  }

  noteRole(role: Role): void {
    for (const [key, value] of Object.entries(role)) this.#note(`${role.id} role.${key}`, value)
  }

  #note(field: string, value: unknown): void {
    let values = this.written.get(field)
    if (values === undefined) {
      values = new Set()
      this.written.set(field, values)
    }
    values.add(JSON.stringify(value))
  }

  wasWritten(field: string, value: unknown): boolean {
    return this.written.get(field)?.has(JSON.stringify(value)) ?? false
  }
}

/** One client's way of writing: through the ledger, so the oracle sees every value that was ever set. */
export class LedgerWriter {
  readonly doc: Y.Doc
  readonly ledger: EditLedger

  constructor(doc: Y.Doc, ledger: EditLedger) {
    this.doc = doc
    this.ledger = ledger
  }

  create(records: BoardRecord[]): void {
    for (const record of records) this.ledger.createdRecords.add(record.id)
    this.write(records)
  }

  write(records: BoardRecord[]): void {
    for (const record of records) this.ledger.noteRecord(record)
    writeRecords(this.doc, records)
  }

  delete(ids: string[]): void {
    for (const id of ids) this.ledger.deletedRecords.add(id)
    deleteRecords(this.doc, ids)
  }

  writeRole(role: Role, created: boolean): void {
    if (created) this.ledger.createdRoles.add(role.id)
    this.ledger.noteRole(role)
    writeRole(this.doc, role)
  }

  deleteRole(id: string): void {
    this.ledger.deletedRoles.add(id)
    deleteRole(this.doc, id)
  }

  writeTitle(title: string): void {
    this.ledger.titles.add(title)
    writeBoard(this.doc, { title })
  }

  /**
   * The deterministic repair, as the real client runs it after merging remote changes
   * (client/src/sync/board-repair.ts): all clients seeing the same records write the same fixes.
   */
  repair(): number {
    const { upserted, removed } = findBoardRepairs(readRecords(this.doc))
    if (upserted.length === 0 && removed.length === 0) return 0
    transactBoard(this.doc, localOrigin, () => {
      if (upserted.length > 0) this.write(upserted)
      if (removed.length > 0) this.delete(removed)
    })
    return upserted.length + removed.length
  }
}

export type OperationKind =
  | 'create-node'
  | 'create-container'
  | 'move'
  | 'relabel'
  | 'reassign-owner'
  | 'connect'
  | 'reparent'
  | 'delete-shape'
  | 'delete-connector'
  | 'create-role'
  | 'rename-role'
  | 'delete-role'
  | 'retitle'

/** Relative weights: mostly the everyday edits, with enough deletes and reparents to make conflicts. */
const OPERATION_WEIGHTS: ReadonlyArray<[OperationKind, number]> = [
  ['create-node', 12],
  ['create-container', 4],
  ['move', 12],
  ['relabel', 10],
  ['reassign-owner', 6],
  ['connect', 8],
  ['reparent', 7],
  ['delete-shape', 6],
  ['delete-connector', 3],
  ['create-role', 3],
  ['rename-role', 3],
  ['delete-role', 2],
  ['retitle', 2],
]
const TOTAL_WEIGHT = OPERATION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0)

export function pickOperation(random: Random): OperationKind {
  let roll = random() * TOTAL_WEIGHT
  for (const [kind, weight] of OPERATION_WEIGHTS) {
    roll -= weight
    if (roll < 0) return kind
  }
  return 'move'
}

function pick<T>(random: Random, values: readonly T[]): T | undefined {
  return values.length === 0 ? undefined : values[Math.floor(random() * values.length)]
}

/** Ids unique per client and per edit, so two clients never create the same record concurrently. */
export interface IdSource {
  next(kind: string): string
}

/**
 * Makes one edit of `kind` on the client's doc, chosen with `random` against what the doc holds now;
 * answers a line for the step log (or a line saying why nothing fit, e.g. no shape to move).
 */
export function applyOperation(
  kind: OperationKind,
  writer: LedgerWriter,
  random: Random,
  ids: IdSource,
): string {
  const records = readRecords(writer.doc)
  const shapes = records.filter((record): record is BoardShape => record.typeName === 'shape')
  const nonArrows = shapes.filter((shape) => shape.type !== 'arrow')
  const containers = shapes.filter((shape) => CONTAINER_TYPES.has(shape.type))
  const roles = readRoles(writer.doc)
  const coordinate = () => Math.round(random() * 4000 - 2000)
  const index = () => pick(random, INDEX_KEYS)!
  const label = () => `label-${Math.floor(random() * 1e6)}`

  /** Creates a shape of `type` at a random spot of `parent` (the page when none). */
  const place = (type: WorkflowShapeType, id: string, parent: string | undefined, props: object): string => {
    const shape = workflowShape(type, {
      id,
      parentId: parent ?? TEST_PAGE_ID,
      index: index(),
      x: coordinate(),
      y: coordinate(),
      props: props as never,
    })
    writer.create([shape])
    return `create ${shape.id} (${type}) in ${shape.parentId}`
  }
  switch (kind) {
    case 'create-node': {
      const type = pick(random, NODE_TYPES)!
      const parent = random() < 0.5 ? pick(random, containers)?.id : undefined
      const id = ids.next(type)
      const props: Record<string, unknown> = {}
      if (type === 'decision') props.question = label()
      else props.label = label()
      if (type === 'artifact') props.kind = pick(random, ARTIFACT_KINDS)
      if (type === 'event') props.kind = pick(random, EVENT_KINDS)
      if (type === 'step') {
        props.owner = pick(random, roles)?.id ?? null
        props.status = pick(random, STEP_STATUSES)
      }
      return place(type, id, parent, props)
    }
    case 'create-container': {
      const type = random() < 0.5 ? 'stage' : 'lane'
      const stages = containers.filter((shape) => shape.type === 'stage')
      const parent = type === 'lane' && random() < 0.6 ? pick(random, stages)?.id : undefined
      const id = ids.next(type)
      const props =
        type === 'stage'
          ? { label: label(), order: Math.floor(random() * 10) }
          : { label: label(), roleId: pick(random, roles)?.id ?? null }
      return place(type, id, parent, props)
    }
    case 'move': {
      const shape = pick(random, nonArrows)
      if (shape === undefined) return 'move: no shape'
      const moved = { ...shape, x: coordinate(), y: coordinate() }
      writer.write([moved])
      return `move ${shape.id} to ${moved.x},${moved.y}`
    }
    case 'relabel': {
      const shape = pick(random, shapes)
      if (shape === undefined) return 'relabel: no shape'
      const text = label()
      const props: Record<string, unknown> = { ...shape.props }
      if (shape.type === 'decision') props.question = text
      else if (shape.type === 'arrow') return relabelConnector(writer, shape, text)
      else props.label = text
      writer.write([{ ...shape, props } as BoardShape])
      return `relabel ${shape.id} "${text}"`
    }
    case 'reassign-owner': {
      const owned = shapes.filter((shape) => shape.type === 'step' || shape.type === 'lane')
      const shape = pick(random, owned)
      if (shape === undefined) return 'reassign-owner: no step or lane'
      const owner = random() < 0.2 ? null : (pick(random, roles)?.id ?? null)
      const field = shape.type === 'step' ? 'owner' : 'roleId'
      writer.write([{ ...shape, props: { ...shape.props, [field]: owner } } as BoardShape])
      return `reassign ${shape.id} ${field}=${owner}`
    }
    case 'connect': {
      const from = pick(random, nonArrows)
      const to = pick(random, nonArrows)
      if (from === undefined || to === undefined) return 'connect: no shapes'
      const id = ids.next('arrow')
      const flow = pick(random, ['sequence', 'dependency', 'information'] as const)!
      const made = connector({ id, from: from.id, to: to.id, flow, index: index(), text: '' })
      writer.create(made)
      return `connect ${made[0]!.id}: ${from.id} → ${to.id} (${flow})`
    }
    case 'reparent': {
      const shape = pick(random, nonArrows)
      if (shape === undefined) return 'reparent: no shape'
      const descendants = descendantsOf(shape.id, shapes)
      const targets = containers.filter(
        (container) => container.id !== shape.id && !descendants.has(container.id),
      )
      const target = random() < 0.25 ? undefined : pick(random, targets)
      const parentId = target?.id ?? TEST_PAGE_ID
      writer.write([{ ...shape, parentId, index: index() } as BoardShape])
      return `reparent ${shape.id} into ${parentId}`
    }
    case 'delete-shape': {
      const shape = pick(random, nonArrows)
      if (shape === undefined) return 'delete-shape: no shape'
      const gone = new Set([shape.id as string, ...descendantsOf(shape.id, shapes)])
      const bindings = records.filter(
        (record) => record.typeName === 'binding' && (gone.has(record.toId) || gone.has(record.fromId)),
      )
      const removed = [...gone, ...bindings.map((binding) => binding.id)]
      writer.delete(removed)
      return `delete ${removed.join(', ')}`
    }
    case 'delete-connector': {
      const arrow = pick(
        random,
        shapes.filter((shape) => shape.type === 'arrow'),
      )
      if (arrow === undefined) return 'delete-connector: no arrow'
      const bindings = records.filter((record) => record.typeName === 'binding' && record.fromId === arrow.id)
      const removed = [arrow.id, ...bindings.map((binding) => binding.id)]
      writer.delete(removed)
      return `delete connector ${removed.join(', ')}`
    }
    case 'create-role': {
      const role: Role = {
        id: `role:${ids.next('role')}`,
        name: `Role ${Math.floor(random() * 1000)}`,
        color: `hsl(${Math.floor(random() * 360)} 70% 50%)`,
        kind: pick(random, ROLE_KINDS)!,
      }
      writer.writeRole(role, true)
      return `create role ${role.id} "${role.name}"`
    }
    case 'rename-role': {
      const role = pick(random, roles)
      if (role === undefined) return 'rename-role: no role'
      const renamed = { ...role, name: `Role ${Math.floor(random() * 1000)}` }
      writer.writeRole(renamed, false)
      return `rename role ${role.id} "${renamed.name}"`
    }
    case 'delete-role': {
      const role = pick(random, roles)
      if (role === undefined) return 'delete-role: no role'
      writer.deleteRole(role.id)
      return `delete role ${role.id}`
    }
    case 'retitle': {
      const title = `Board ${Math.floor(random() * 1e6)}`
      writer.writeTitle(title)
      return `retitle "${title}" (was "${readBoard(writer.doc).title}")`
    }
  }
}

function relabelConnector(writer: LedgerWriter, arrow: BoardShape, text: string): string {
  const branch = { ...arrow, meta: { ...arrow.meta, branch: text } }
  writer.write([branch as BoardShape])
  return `relabel connector ${arrow.id} branch "${text}"`
}

function descendantsOf(id: string, shapes: readonly BoardShape[]): Set<string> {
  const children = new Map<string, string[]>()
  for (const shape of shapes) {
    const siblings = children.get(shape.parentId)
    if (siblings) siblings.push(shape.id)
    else children.set(shape.parentId, [shape.id])
  }
  const found = new Set<string>()
  const queue = [id]
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (found.has(child) || child === id) continue
      found.add(child)
      queue.push(child)
    }
  }
  return found
}
