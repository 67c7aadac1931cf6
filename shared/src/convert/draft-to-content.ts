import { draftRecordIds } from './draft-record-ids.ts'
import { draftRecords } from './draft-records.ts'
import type { FlowDraft } from './flow-draft.ts'
import { draftGeometry } from './layout/draft-geometry.ts'
import type { MapContent } from './map-content.ts'

export type DraftContent = {
  readonly content: MapContent
  /** For the import report: what the layout did ("14 elements had no diagram layout and were laid out automatically"). */
  readonly notices: readonly string[]
}

/** The notice an import report carries when the layout placed elements the source gave no geometry. */
export function laidOutNotice(count: number): string {
  return count === 1
    ? '1 element had no diagram layout and was laid out automatically'
    : `${count} elements had no diagram layout and were laid out automatically`
}

/**
 * A draft's records and what the import report should add: containers, nodes and connectors, placed
 * where the source put them, and laid out (elkjs, lanes kept as rows) where it put nothing.
 */
export async function draftToContentWithNotices(draft: FlowDraft): Promise<DraftContent> {
  const geometry = await draftGeometry(draft)
  const records = draftRecords(draft, geometry, draftRecordIds(draft))
  return {
    content: { title: draft.title, roles: draft.roles, records },
    notices: geometry.laidOut === 0 ? [] : [laidOutNotice(geometry.laidOut)],
  }
}

/**
 * A draft's records: containers, nodes and connectors, placed where the source put them, and laid out
 * (elkjs, lanes kept as rows) where it put nothing.
 */
export async function draftToContent(draft: FlowDraft): Promise<MapContent> {
  return (await draftToContentWithNotices(draft)).content
}
