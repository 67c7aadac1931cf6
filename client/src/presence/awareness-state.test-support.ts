import { AWARENESS_STATE_VERSION } from './awareness-state.ts'

/** A well-formed awareness state of `person`, on the page, with `presence` overriding the defaults. */
export function awarenessState(
  person: { id: string; name: string; color: string },
  presence: { cursor?: { x: number; y: number }; selectedShapeIds?: string[]; screenBounds?: object } = {},
) {
  return {
    v: AWARENESS_STATE_VERSION,
    person,
    role: 'editor',
    presence: {
      currentPageId: 'page:page',
      cursor: { type: 'default', rotation: 0, ...(presence.cursor ?? { x: 0, y: 0 }) },
      camera: { x: 0, y: 0, z: 1 },
      screenBounds: presence.screenBounds ?? { x: 0, y: 0, w: 1280, h: 720 },
      selectedShapeIds: presence.selectedShapeIds ?? [],
      brush: null,
      followingUserId: null,
      lastActivityTimestamp: 1000,
    },
  }
}
