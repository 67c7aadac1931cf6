/**
 * What one person puts in Yjs awareness for a board: who they are (person, role) and where they are
 * (tldraw's presence fields: page, cursor, camera, viewport, selection, brush, who they follow).
 *
 * Awareness is session-scoped and never enters the doc; it still crosses the wire from any client,
 * so every state read from it is parsed here first and a malformed one is ignored, never drawn.
 */
import { type BoardRole, boardRoleProblem, cleanPersonName, isBoardRole } from '@flowmap/shared'
import { isPersonColor, type PersonIdentity } from './identity.ts'
import { parseLaserTrail, type SharedLaserScribble } from './laser-trail.ts'
import { parseSharedReaction, type SharedReaction } from './reactions.ts'

export const AWARENESS_STATE_VERSION = 1

type Point = { readonly x: number; readonly y: number }
type BoxModel = { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export type SharedPresence = {
  readonly currentPageId: string
  readonly cursor: (Point & { readonly type: string; readonly rotation: number }) | null
  readonly camera: (Point & { readonly z: number }) | null
  readonly screenBounds: BoxModel | null
  readonly selectedShapeIds: readonly string[]
  readonly brush: BoxModel | null
  /** tldraw user record id (`user:<person id>`) of the person this one follows. */
  readonly followingUserId: string | null
  /** The sender's clock; receivers judge idleness by when they saw it change, not by its value. */
  readonly lastActivityTimestamp: number | null
  /** The laser pointer's trail (laser-trail.ts); none from a client that predates it. */
  readonly scribbles: readonly SharedLaserScribble[]
}

export type AwarenessState = {
  readonly v: typeof AWARENESS_STATE_VERSION
  readonly person: PersonIdentity
  readonly role: BoardRole
  /** null until the editor has mounted (the person is there, but not yet anywhere on the board). */
  readonly presence: SharedPresence | null
  /** The person's latest reaction (reactions.ts); null for none. */
  readonly reaction: SharedReaction | null
}

export type ParsedAwarenessState = { ok: true; state: AwarenessState } | { ok: false; problem: string }

const MAX_SELECTED = 10_000
const MAX_ID_LENGTH = 200

export function parseAwarenessState(value: unknown): ParsedAwarenessState {
  if (!isObject(value)) return fail('awareness state is not an object')
  if (value.v !== AWARENESS_STATE_VERSION)
    return fail(`awareness state version must be ${AWARENESS_STATE_VERSION}, got ${String(value.v)}`)
  const person = value.person
  if (!isObject(person)) return fail('awareness state has no person')
  if (typeof person.id !== 'string' || person.id === '' || person.id.length > MAX_ID_LENGTH)
    return fail('person.id must be a non-empty string')
  if (typeof person.name !== 'string' || cleanPersonName(person.name) === '')
    return fail('person.name must be a non-empty string')
  if (!isPersonColor(person.color)) return fail(`person.color must be #rrggbb, got ${String(person.color)}`)
  if (!isBoardRole(value.role)) return fail(`role ${boardRoleProblem(value.role)}`)
  const presence = value.presence === null ? null : parsePresence(value.presence)
  if (typeof presence === 'string') return fail(presence)
  const reaction = parseSharedReaction(value.reaction)
  if (typeof reaction === 'string') return fail(reaction)
  return {
    ok: true,
    state: {
      v: AWARENESS_STATE_VERSION,
      person: { id: person.id, name: cleanPersonName(person.name), color: person.color },
      role: value.role,
      presence,
      reaction,
    },
  }
}

function parsePresence(value: unknown): SharedPresence | string {
  if (!isObject(value)) return 'presence must be an object or null'
  if (typeof value.currentPageId !== 'string' || !value.currentPageId.startsWith('page:'))
    return 'presence.currentPageId must be a page id'
  const cursor = value.cursor === null ? null : parseCursor(value.cursor)
  if (cursor === undefined) return 'presence.cursor must be {x, y, type, rotation} or null'
  const camera =
    value.camera === null
      ? null
      : isObject(value.camera) && finite(value.camera.x) && finite(value.camera.y) && finite(value.camera.z)
        ? { x: value.camera.x, y: value.camera.y, z: value.camera.z }
        : undefined
  if (camera === undefined) return 'presence.camera must be {x, y, z} or null'
  const screenBounds = value.screenBounds === null ? null : parseBox(value.screenBounds)
  if (screenBounds === undefined) return 'presence.screenBounds must be {x, y, w, h} or null'
  const brush = value.brush === null ? null : parseBox(value.brush)
  if (brush === undefined) return 'presence.brush must be {x, y, w, h} or null'
  const selected = value.selectedShapeIds
  if (
    !Array.isArray(selected) ||
    selected.length > MAX_SELECTED ||
    !selected.every((id) => typeof id === 'string' && id.startsWith('shape:') && id.length <= MAX_ID_LENGTH)
  )
    return 'presence.selectedShapeIds must be a list of shape ids'
  const following = value.followingUserId
  if (following !== null && (typeof following !== 'string' || !following.startsWith('user:')))
    return 'presence.followingUserId must be a user id or null'
  const activity = value.lastActivityTimestamp
  if (activity !== null && !finite(activity)) return 'presence.lastActivityTimestamp must be a number or null'
  const scribbles = parseLaserTrail(value.scribbles)
  if (typeof scribbles === 'string') return scribbles
  return {
    currentPageId: value.currentPageId,
    cursor,
    camera,
    screenBounds,
    selectedShapeIds: selected as string[],
    brush,
    followingUserId: following,
    lastActivityTimestamp: activity,
    scribbles,
  }
}

function parseCursor(value: unknown): SharedPresence['cursor'] | undefined {
  if (!isObject(value) || !finite(value.x) || !finite(value.y)) return undefined
  if (typeof value.type !== 'string' || !finite(value.rotation)) return undefined
  return { x: value.x, y: value.y, type: value.type, rotation: value.rotation }
}

function parseBox(value: unknown): BoxModel | undefined {
  if (!isObject(value)) return undefined
  const { x, y, w, h } = value
  return finite(x) && finite(y) && finite(w) && finite(h) && w >= 0 && h >= 0 ? { x, y, w, h } : undefined
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(problem: string): ParsedAwarenessState {
  return { ok: false, problem }
}
