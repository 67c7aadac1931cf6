import { exactFields } from './exact-fields.ts'
import { MAX_VOTE_TITLE_CHARS, voteIdProblem } from './vote.ts'
import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/**
 * A revealed vote's tally, in the doc so it is in history and replay and late joiners see it. Written
 * by the server alone (from the ballots it holds); a connection may only remove it.
 */
export interface VoteResults {
  id: string
  title: string
  /** votes per shape id, only shapes with at least one vote */
  counts: Record<string, number>
  /** how many people voted */
  voters: number
  /** ms since the epoch, server clock */
  revealedAt: number
}

const MAX_SHAPE_ID_CHARS = 200

export const voteResultsField = defineWorkshopField({
  key: 'voteResults',
  title: 'the revealed vote results',
  parse(value) {
    const fields = exactFields(value, ['id', 'title', 'counts', 'voters', 'revealedAt'])
    if (typeof fields === 'string') return workshopFieldProblem(fields)
    const { id, title, counts, voters, revealedAt } = fields
    const idProblem = voteIdProblem(id)
    if (idProblem !== null) return workshopFieldProblem(`.id ${idProblem}`)
    if (typeof title !== 'string' || title.length > MAX_VOTE_TITLE_CHARS) {
      return workshopFieldProblem(`.title must be text of at most ${MAX_VOTE_TITLE_CHARS} characters`)
    }
    if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
      return workshopFieldProblem('.counts must be {shapeId: votes}')
    }
    const parsedCounts: Record<string, number> = {}
    for (const [shapeId, count] of Object.entries(counts)) {
      if (shapeId.length === 0 || shapeId.length > MAX_SHAPE_ID_CHARS) {
        return workshopFieldProblem(`.counts keys must be shape ids of 1–${MAX_SHAPE_ID_CHARS} characters`)
      }
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
        return workshopFieldProblem(`.counts["${shapeId.slice(0, 40)}"] must be a whole number of at least 1`)
      }
      parsedCounts[shapeId] = count
    }
    if (typeof voters !== 'number' || !Number.isSafeInteger(voters) || voters < 0) {
      return workshopFieldProblem('.voters must be a whole number of people')
    }
    if (typeof revealedAt !== 'number' || !Number.isFinite(revealedAt) || revealedAt < 0) {
      return workshopFieldProblem('.revealedAt must be a time in ms since 1970')
    }
    return workshopFieldOk<VoteResults>({ id: id as string, title, counts: parsedCounts, voters, revealedAt })
  },
})
