/**
 * The laser pointer for everyone. tldraw's laser tool draws scribbles in this editor's instance state
 * only; here its laser scribbles become part of my awareness state, and a peer's become the `scribbles`
 * of their presence record, which tldraw draws as a collaborator's laser (CollaboratorScribbleOverlayUtil).
 * The fade comes with it: the sender's scribble manager eats the trail once the pointer stops, and
 * each published state carries what is left, down to none.
 *
 * Size and rate stay far below the server's awareness limits (64 KiB per state; 200 messages/s per
 * socket): at most MAX_LASER_SCRIBBLES scribbles of MAX_LASER_POINTS points (the trail's newest end),
 * coordinates rounded to a tenth, about 12 KiB at the very most, published no oftener than the
 * presence bridge's 50 ms.
 */
import type { TLScribble } from 'tldraw'

export const MAX_LASER_SCRIBBLES = 4
export const MAX_LASER_POINTS = 120

/** A laser scribble as it crosses the wire: tldraw's own fields, of a laser. */
export type SharedLaserScribble = Omit<TLScribble, 'color'> & { readonly color: 'laser' }

const STATES: ReadonlySet<string> = new Set(['starting', 'paused', 'active', 'complete', 'stopping'])
const MAX_ID_LENGTH = 64

/** What of my scribbles others see: the laser ones only (an eraser's or a lasso's trail is mine). */
export function laserTrailToShare(scribbles: readonly TLScribble[]): SharedLaserScribble[] {
  return scribbles
    .filter((scribble) => scribble.color === 'laser')
    .slice(-MAX_LASER_SCRIBBLES)
    .map((scribble) => ({
      ...scribble,
      color: 'laser' as const,
      points: scribble.points.slice(-MAX_LASER_POINTS).map((point) => ({
        x: tenths(point.x),
        y: tenths(point.y),
        z: point.z === undefined ? 0.5 : Math.round(point.z * 100) / 100 || 0,
      })),
    }))
}

/**
 * A peer's laser trail, or why it is not one. Checked as tldraw's scribble validator would: a record
 * tldraw refuses would fail the whole presence update, not just the laser. A state without one (an
 * older client) has none.
 */
export function parseLaserTrail(value: unknown): SharedLaserScribble[] | string {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.length > MAX_LASER_SCRIBBLES) {
    return `presence.scribbles must be a list of at most ${MAX_LASER_SCRIBBLES} laser scribbles`
  }
  const trail: SharedLaserScribble[] = []
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return 'presence.scribbles holds a non-object'
    const scribble = item as Record<string, unknown>
    const { id, points, size, color, opacity, state, delay, shrink, taper } = scribble
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH)
      return 'a laser scribble needs an id'
    if (color !== 'laser') return `a shared scribble must be a laser, got ${String(color)}`
    if (!Array.isArray(points) || points.length > MAX_LASER_POINTS) {
      return `a laser scribble has at most ${MAX_LASER_POINTS} points`
    }
    if (!points.every(isPoint)) return 'a laser scribble point must be {x, y, z} of finite numbers'
    if (!finite(size) || size <= 0 || !finite(opacity) || !finite(delay) || !finite(shrink)) {
      return 'a laser scribble needs a positive size and finite opacity, delay and shrink'
    }
    if (typeof state !== 'string' || !STATES.has(state))
      return `a laser scribble state is unknown: ${String(state)}`
    if (typeof taper !== 'boolean') return 'a laser scribble taper must be true or false'
    trail.push({
      id,
      points: points.map(({ x, y, z }) => ({ x, y, z: z ?? 0.5 })),
      size,
      color,
      opacity,
      state: state as TLScribble['state'],
      delay,
      shrink,
      taper,
    })
  }
  return trail
}

/** Rounded to a tenth of a page unit (finer than a screen pixel at any useful zoom); never -0. */
function tenths(value: number): number {
  return Math.round(value * 10) / 10 || 0
}

function isPoint(value: unknown): value is { x: number; y: number; z?: number } {
  if (typeof value !== 'object' || value === null) return false
  const { x, y, z } = value as Record<string, unknown>
  return finite(x) && finite(y) && (z === undefined || finite(z))
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
