/**
 * A board's thumbnail as boxes: each top-level shape's box in page space, coloured by what it is.
 * Cheap enough for a list of boards, and needs no editor, no fonts and no network.
 */
export type PreviewRecord = {
  readonly typeName: string
  readonly type?: string
  readonly parentId?: string
  readonly x?: number
  readonly y?: number
  readonly props?: { readonly w?: unknown; readonly h?: unknown }
}

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
const DEFAULT_SIZE = 60

export function previewOf(records: readonly PreviewRecord[]): BoardPreview {
  const boxes: PreviewBox[] = []
  for (const record of records) {
    if (boxes.length >= MAX_BOXES) break
    // Children sit in their parent's space; a page-level box is enough for a thumbnail.
    if (record.typeName !== 'shape' || !record.parentId?.startsWith('page:')) continue
    const { x, y } = record
    if (typeof x !== 'number' || typeof y !== 'number') continue
    const w = typeof record.props?.w === 'number' ? record.props.w : DEFAULT_SIZE
    const h = typeof record.props?.h === 'number' ? record.props.h : DEFAULT_SIZE
    boxes.push({ x, y, w, h, kind: record.type ?? 'shape' })
  }
  if (boxes.length === 0) return { viewBox: null, boxes }
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.w))
  const maxY = Math.max(...boxes.map((b) => b.y + b.h))
  const pad = Math.max(maxX - minX, maxY - minY) * 0.05 + 10
  return { viewBox: `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`, boxes }
}
