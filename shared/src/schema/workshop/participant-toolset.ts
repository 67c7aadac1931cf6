/**
 * What participants (everyone who is not a facilitator) may create and change. Restricted, they keep
 * sticky notes and connectors (and votes, which are not in the doc): the map's structure (steps, lanes,
 * stages, decisions, its roles and board fields) stays as the facilitator left it. The server refuses
 * any other write (sync-server/src/boards/permissions/participant-toolset.ts); the toolbar hides the
 * other tools.
 */
import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

export const PARTICIPANT_TOOLSETS = ['everything', 'notes-connectors-votes'] as const
export type ParticipantToolset = (typeof PARTICIPANT_TOOLSETS)[number]

export const participantToolsetField = defineWorkshopField({
  key: 'participantToolset',
  title: "the participants' toolset",
  parse(value) {
    return (PARTICIPANT_TOOLSETS as readonly unknown[]).includes(value)
      ? workshopFieldOk(value as ParticipantToolset)
      : workshopFieldProblem(
          `must be one of ${PARTICIPANT_TOOLSETS.join(', ')}, got ${JSON.stringify(value)?.slice(0, 40)}`,
        )
  },
})

/** A record the restricted toolset lets participants write: what tldraw's note and arrow tools make. */
export interface ToolsetRecord {
  readonly typeName?: unknown
  readonly type?: unknown
}

export function isParticipantToolsetRecord(record: ToolsetRecord): boolean {
  if (record.typeName === 'shape') return record.type === 'note' || record.type === 'arrow'
  // An arrow binding ties a connector's end to a shape; it belongs to the connector, not to the shape.
  if (record.typeName === 'binding') return record.type === 'arrow'
  return false
}
