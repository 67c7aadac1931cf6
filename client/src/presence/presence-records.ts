/**
 * Turning what the awareness says about a peer into tldraw's own presence record, so tldraw draws the
 * peer's cursor, name, selection outlines and brush in their colour, and can follow their viewport.
 * The record is keyed by the peer's awareness client id: one record per open tab.
 */
import {
  createShapeId,
  InstancePresenceRecordType,
  TL_CURSOR_TYPES,
  type TLInstancePresence,
  type TLPageId,
  type TLUserId,
} from 'tldraw'
import type { AwarenessState, SharedPresence } from './awareness-state.ts'

/** tldraw's user record id for a person id (what `editor.user.getRecordId()` gives for that id). */
export function userRecordId(personId: string): TLUserId {
  return `user:${personId}` as TLUserId
}

export function presenceRecordId(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`peer-${clientId}`)
}

/** The record for a peer that is on the board; `seenActiveAt` is this device's clock (see awareness-state). */
export function presenceRecordFor(
  clientId: number,
  state: AwarenessState & { presence: SharedPresence },
  seenActiveAt: number,
): TLInstancePresence {
  const { presence, person } = state
  const cursor = presence.cursor
  return InstancePresenceRecordType.create({
    id: presenceRecordId(clientId),
    userId: userRecordId(person.id),
    userName: person.name,
    color: person.color,
    currentPageId: presence.currentPageId as TLPageId,
    lastActivityTimestamp: seenActiveAt,
    camera: presence.camera,
    screenBounds: presence.screenBounds,
    brush: presence.brush,
    scribbles: presence.scribbles.map((scribble) => ({ ...scribble, points: [...scribble.points] })),
    chatMessage: '',
    followingUserId: presence.followingUserId as TLUserId | null,
    // The ids were checked to be shape ids; createShapeId only re-brands them.
    selectedShapeIds: presence.selectedShapeIds.map((id) => createShapeId(id.slice('shape:'.length))),
    cursor: cursor && {
      x: cursor.x,
      y: cursor.y,
      rotation: cursor.rotation,
      // A cursor type this tldraw does not know (a newer client) is drawn as the default arrow.
      type: (TL_CURSOR_TYPES.has(cursor.type) ? cursor.type : 'default') as NonNullable<
        TLInstancePresence['cursor']
      >['type'],
    },
    meta: {},
  })
}
