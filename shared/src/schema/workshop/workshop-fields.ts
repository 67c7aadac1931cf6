/**
 * Every field the `workshop` map may hold, one definition each (in a file of its own in this folder).
 * A key not listed here is refused by the server, as a board field not in BOARD_FIELDS is.
 */
import { boardLockField } from './board-lock.ts'
import { participantToolsetField } from './participant-toolset.ts'
import { privateModeField } from './private-mode.ts'
import { timerField } from './timer.ts'
import { viewerCommentsField } from './viewer-comments.ts'
import { voteField } from './vote.ts'
import { voteResultsField } from './vote-results.ts'
import type { WorkshopField } from './workshop-field.ts'

export const WORKSHOP_FIELDS: readonly WorkshopField[] = [
  boardLockField,
  participantToolsetField,
  timerField,
  privateModeField,
  voteField,
  voteResultsField,
  viewerCommentsField,
]

const byKey: ReadonlyMap<string, WorkshopField> = new Map(WORKSHOP_FIELDS.map((field) => [field.key, field]))

export function workshopFieldNamed(key: string): WorkshopField | undefined {
  return byKey.get(key)
}
