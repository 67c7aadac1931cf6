/**
 * Where imported content goes when nobody dropped it anywhere (an import over the HTTP API): beside
 * what the board holds, to its right with a gap, top edges aligned, so the new map never lands on the
 * old one (a JSON export imported into its own board would otherwise sit exactly on top of itself).
 * The answer is the point `placeContent` centres the content on.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { contentBounds, type PlacePoint } from './place-content.ts'

/** The space between the board's content and the imported content, in page units: a lane's height. */
export const BESIDE_GAP = 200

/** null when the board or the content has no shapes: the content then keeps its own coordinates. */
export function pointBeside(board: readonly TLRecord[], content: readonly TLRecord[]): PlacePoint | null {
  const existing = contentBounds(board)
  const imported = contentBounds(content)
  if (existing === null || imported === null) return null
  return {
    x: existing.maxX + BESIDE_GAP + (imported.maxX - imported.minX) / 2,
    y: existing.minY + (imported.maxY - imported.minY) / 2,
  }
}
