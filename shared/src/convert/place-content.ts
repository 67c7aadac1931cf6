/**
 * Imported content placed into a board that already has shapes (a file dropped on the canvas, pasted
 * Mermaid): the content's ids are the file's own, so a second import of the same file, or a file that
 * happens to use a board's ids, would overwrite what is there. Every record therefore gets a fresh id,
 * and every reference to one (a child's `parentId`, a binding's `fromId`/`toId`, a `meta.pool` group)
 * follows, so the content holds together exactly as it did.
 *
 * Roles are the people of the board: an imported role whose name is one the board already has
 * (trimmed, any case) is that role, so steps and lanes point at the existing id; any other role is
 * new and gets a fresh id. The top-level shapes move together so the content's bounding box is centred
 * on the drop point; children keep their positions, which are relative to their parent.
 *
 * Only shapes and bindings are placed: a document or page record is the board's own, so one in the
 * content is left out, and shapes that sat on another board's page sit on this board's. The answer's `roles` are the roles the board does not have yet; a matched role
 * is already on the board, and writing it again would overwrite the board's colour and kind for it.
 *
 * Pure: given the same `newId`, the same answer.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { uniqueId } from '@tldraw/utils'
import type { Role } from '../schema/role.ts'
import { BOARD_PAGE_ID } from '../templates/record-builders.ts'
import type { MapContent } from './map-content.ts'
import { NOTE_SIDE } from './note-size.ts'

export type PlacePoint = { readonly x: number; readonly y: number }

export type PlaceContentOptions = {
  /** The page point the content's bounding box is centred on; null keeps the content where it is. */
  readonly at: PlacePoint | null
  /** The board's roles: an imported role with one of their names becomes that role. */
  readonly existingRoles: readonly Role[]
  /** A fresh id without prefix (`shape:`, `binding:`, `role:` are added). @default tldraw's `uniqueId` */
  readonly newId?: () => string
}

type Box = { minX: number; minY: number; maxX: number; maxY: number }

function roleKey(name: string): string {
  return name.trim().toLowerCase()
}

/** The page-space points a top-level shape covers, for the bounding box; bound arrow ends follow their shapes. */
function shapeCorners(shape: TLShape, boundEnds: ReadonlySet<string>): PlacePoint[] {
  const props = shape.props as Record<string, unknown>
  if (shape.type === 'arrow') {
    const ends: PlacePoint[] = []
    for (const terminal of ['start', 'end'] as const) {
      const point = props[terminal] as PlacePoint
      if (!boundEnds.has(`${shape.id}:${terminal}`)) ends.push({ x: shape.x + point.x, y: shape.y + point.y })
    }
    return ends
  }
  let w = typeof props.w === 'number' ? props.w : 0
  let h = typeof props.h === 'number' ? props.h : 0
  if (shape.type === 'note') {
    const scale = typeof props.scale === 'number' ? props.scale : 1
    w = NOTE_SIDE * scale
    h = NOTE_SIDE * scale + (typeof props.growY === 'number' ? props.growY : 0)
  }
  return [
    { x: shape.x, y: shape.y },
    { x: shape.x + w, y: shape.y + h },
  ]
}

/** The bounding box of the content's top-level shapes (children lie inside their parents), null when empty. */
export function contentBounds(records: readonly TLRecord[]): Box | null {
  const shapeIds = new Set(records.filter((r) => r.typeName === 'shape').map((r) => r.id as string))
  const boundEnds = new Set<string>()
  for (const record of records) {
    if (record.typeName === 'binding' && record.type === 'arrow') {
      const terminal = (record.props as { terminal: string }).terminal
      boundEnds.add(`${record.fromId}:${terminal}`)
    }
  }
  let box: Box | null = null
  for (const record of records) {
    if (record.typeName !== 'shape' || shapeIds.has(record.parentId)) continue
    for (const point of shapeCorners(record, boundEnds)) {
      box =
        box === null
          ? { minX: point.x, minY: point.y, maxX: point.x, maxY: point.y }
          : {
              minX: Math.min(box.minX, point.x),
              minY: Math.min(box.minY, point.y),
              maxX: Math.max(box.maxX, point.x),
              maxY: Math.max(box.maxY, point.y),
            }
    }
  }
  return box
}

function placedRecords(records: readonly TLRecord[]): TLRecord[] {
  return records.filter((record) => record.typeName === 'shape' || record.typeName === 'binding')
}

/** A fresh id for every id the content holds, drawn in record order so the result is deterministic. */
function freshIds(content: MapContent, existingRoles: readonly Role[], newId: () => string) {
  const records = new Map<string, string>()
  for (const record of placedRecords(content.records)) {
    const prefix = record.id.slice(0, record.id.indexOf(':') + 1)
    records.set(record.id, `${prefix}${newId()}`)
  }
  const pools = new Map<string, string>()
  for (const record of content.records) {
    const pool = record.typeName === 'shape' ? record.meta.pool : undefined
    if (typeof pool === 'string' && !pools.has(pool)) pools.set(pool, newId())
  }
  const existingByName = new Map(existingRoles.map((role) => [roleKey(role.name), role]))
  const roles = new Map<string, string>()
  const newRoles: Role[] = []
  for (const role of content.roles) {
    const existing = existingByName.get(roleKey(role.name))
    if (existing !== undefined) {
      roles.set(role.id, existing.id)
    } else {
      const id = `role:${newId()}`
      roles.set(role.id, id)
      newRoles.push({ ...role, id })
    }
  }
  return { records, pools, roles, newRoles }
}

export function placeContent(content: MapContent, options: PlaceContentOptions): MapContent {
  const newId = options.newId ?? (() => uniqueId())
  const ids = freshIds(content, options.existingRoles, newId)
  const bounds = options.at === null ? null : contentBounds(content.records)
  const dx = bounds === null || options.at === null ? 0 : options.at.x - (bounds.minX + bounds.maxX) / 2
  const dy = bounds === null || options.at === null ? 0 : options.at.y - (bounds.minY + bounds.maxY) / 2
  const roleOf = (id: unknown) => (typeof id === 'string' ? (ids.roles.get(id) ?? id) : id)

  const records = placedRecords(content.records).map((record): TLRecord => {
    const id = ids.records.get(record.id) as TLRecord['id']
    if (record.typeName === 'binding') {
      return {
        ...record,
        id,
        fromId: (ids.records.get(record.fromId) ?? record.fromId) as typeof record.fromId,
        toId: (ids.records.get(record.toId) ?? record.toId) as typeof record.toId,
      } as TLRecord
    }
    if (record.typeName !== 'shape') return record // not reached: only shapes and bindings are placed
    const parent = ids.records.get(record.parentId)
    const pool = record.meta.pool
    const props = { ...(record.props as Record<string, unknown>) }
    if (record.type === 'step' && 'owner' in props) props.owner = roleOf(props.owner)
    if (record.type === 'lane' && 'roleId' in props) props.roleId = roleOf(props.roleId)
    return {
      ...record,
      id,
      // A board has one page: content from another board's page lands on this one's.
      parentId: (parent ??
        (record.parentId.startsWith('page:') ? BOARD_PAGE_ID : record.parentId)) as typeof record.parentId,
      x: parent === undefined ? record.x + dx : record.x,
      y: parent === undefined ? record.y + dy : record.y,
      meta: typeof pool === 'string' ? { ...record.meta, pool: ids.pools.get(pool)! } : record.meta,
      props,
    } as TLRecord
  })
  return { title: content.title, roles: ids.newRoles, records }
}
