import {
  REFUSAL_CODES,
  readRawWorkshopFields,
  voteResultsField,
  workshopFieldsTouchedBy,
} from '@flowmap/shared'
import type { PermissionRule } from './permission-rule.ts'

/**
 * A revealed vote's result is written by the server alone, from the ballots only it holds
 * (extensions/voting.ts), so no page can forge or skew one. A connection may remove it (a facilitator
 * clearing the result: the workshop rule already keeps that to facilitators), never set it.
 */
export const voteResultsAreTheServers: PermissionRule = ({ doc, transaction }) => {
  if (!workshopFieldsTouchedBy(transaction).has(voteResultsField.key)) return null
  const written = readRawWorkshopFields(doc, [voteResultsField.key])
  if (written.ok && written.fields[voteResultsField.key] === undefined) return null
  return {
    code: REFUSAL_CODES.notPermitted,
    reason:
      'vote results are counted and written by the server when a facilitator reveals the vote; they cannot be written by hand',
    recordId: null,
  }
}
