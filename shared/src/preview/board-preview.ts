/**
 * A board's thumbnail as boxes: every shape with a size, at its place on the page (a step inside a lane
 * inside a stage is where the person sees it), coloured by what it is. Containers come first so they
 * sit under what they hold. Pure and cheap enough for a list of boards: no editor, fonts or network,
 * so the device (from its copy) and the server (for boards the device has not opened) draw the same.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'

export type PreviewBox = {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly kind: string
}

export type BoardPreview = {
  /** `minX minY width height` of everything, for an SVG viewBox; null for an empty board. */
  readonly viewBox: string | null
  readonly boxes: readonly PreviewBox[]
}

const MAX_BOXES = 400
/** How deep parents may nest before a chain counts as broken (a cycle from concurrent moves). */
const MAX_DEPTH = 32
const CONTAINERS = new Set(['stage', 'lane', 'frame', 'group'])
/** tldraw sizes a sticky note itself: it has no w and h props. */
const NOTE_SIZE = 200

export function previewOf(records: Iterable<TLRecord>): BoardPreview {
  const shapes = new Map<string, TLShape>()
  for (const record of records) if (record.typeName === 'shape') shapes.set(record.id, record)
  const origin = (shape: TLShape): { x: number; y: number } | null => {
    let x = 0
    let y = 0
    let current: TLShape | undefined = shape
    for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
      if (typeof current.x !== 'number' || typeof current.y !== 'number') return null
      x += current.x
      y += current.y
      if (current.parentId.startsWith('page:')) return { x, y }
      current = shapes.get(current.parentId)
    }
    return null // an orphan or a cycle: not on the page as anyone sees it
  }
  const containers: PreviewBox[] = []
  const others: PreviewBox[] = []
  for (const shape of shapes.values()) {
    const size = sizeOf(shape)
    if (size === null) continue
    const at = origin(shape)
    if (at === null) continue
    const kind = shape.type
    ;(CONTAINERS.has(kind) ? containers : others).push({ ...at, ...size, kind })
  }
  const boxes = [...containers, ...others].slice(0, MAX_BOXES)
  if (boxes.length === 0) return { viewBox: null, boxes }
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const box of boxes) {
    minX = Math.min(minX, box.x)
    minY = Math.min(minY, box.y)
    maxX = Math.max(maxX, box.x + box.w)
    maxY = Math.max(maxY, box.y + box.h)
  }
  const pad = Math.max(maxX - minX, maxY - minY) * 0.05 + 10
  return { viewBox: `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`, boxes }
}

/** Shapes without a size of their own (arrows, lines, drawings, text) are left out of a thumbnail. */
function sizeOf(shape: TLShape): { w: number; h: number } | null {
  if (shape.type === 'note') return { w: NOTE_SIZE, h: NOTE_SIZE }
  const { w, h } = shape.props as { w?: unknown; h?: unknown }
  return typeof w === 'number' && typeof h === 'number' && w > 0 && h > 0 ? { w, h } : null
}
