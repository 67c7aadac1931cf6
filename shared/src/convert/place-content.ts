import type { Role } from '../schema/role.ts'
import type { MapContent } from './map-content.ts'

/**
 * Imported content made ready for a board that already has content: fresh ids, roles matched to the
 * board's by name, the content's centre moved to `at` (page coordinates; null keeps it where it is).
 * Placeholder until the layout part lands.
 */
export function placeContent(
  _content: MapContent,
  _options: {
    at: { x: number; y: number } | null
    existingRoles: readonly Role[]
    newId?: () => string
  },
): MapContent {
  throw new Error('placing imported content is not built yet')
}
