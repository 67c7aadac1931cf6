import type { FlowDraft } from './flow-draft.ts'
import type { MapContent } from './map-content.ts'

/**
 * A draft's records: containers, nodes and connectors, placed where the source put them, and laid out
 * (elkjs, lanes kept as rows) where it put nothing.
 */
export async function draftToContent(_draft: FlowDraft): Promise<MapContent> {
  throw new Error('draft layout is not built yet')
}
