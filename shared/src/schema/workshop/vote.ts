import { exactFields } from './exact-fields.ts'
import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/** The shapes a vote may be cast on: workflow steps and their kin, and sticky notes. */
export const VOTABLE_SHAPE_TYPES = ['step', 'decision', 'artifact', 'event', 'note'] as const
export type VotableShapeType = (typeof VOTABLE_SHAPE_TYPES)[number]

/**
 * Which shapes are on the ballot: every votable shape on the board, those inside one container (a stage,
 * lane or frame, through tldraw's parentIds), or those of the chosen types.
 */
export type VoteScope =
  | { kind: 'board' }
  | { kind: 'container'; id: string }
  | { kind: 'types'; types: VotableShapeType[] }

/**
 * The open vote's settings, for every reader to see. The ballots themselves are not here: the server
 * holds them outside the doc and tells each voter only their own until the reveal.
 */
export interface OpenVote {
  /** names this vote; ballots and its result carry it */
  id: string
  /** 'Where do we lose most time?'; may be empty */
  title: string
  scope: VoteScope
  votesPerPerson: number
  /** at most one of a person's votes on any one shape */
  onePerShape: boolean
  /** ms since the epoch, shown only */
  openedAt: number
  /** who opened it, as their page names them: shown, never trusted */
  by: string
}

export const MAX_VOTES_PER_PERSON = 20
export const MAX_VOTE_TITLE_CHARS = 120
const VOTE_ID = /^[A-Za-z0-9_-]{1,64}$/
const MAX_ID_CHARS = 200

export const voteField = defineWorkshopField({
  key: 'vote',
  title: 'the open vote',
  parse(value) {
    const fields = exactFields(value, [
      'id',
      'title',
      'scope',
      'votesPerPerson',
      'onePerShape',
      'openedAt',
      'by',
    ])
    if (typeof fields === 'string') return workshopFieldProblem(fields)
    const { id, title, scope, votesPerPerson, onePerShape, openedAt, by } = fields
    const idProblem = voteIdProblem(id)
    if (idProblem !== null) return workshopFieldProblem(`.id ${idProblem}`)
    if (typeof title !== 'string' || title.length > MAX_VOTE_TITLE_CHARS) {
      return workshopFieldProblem(`.title must be text of at most ${MAX_VOTE_TITLE_CHARS} characters`)
    }
    const parsedScope = parseVoteScope(scope)
    if (typeof parsedScope === 'string') return workshopFieldProblem(`.scope ${parsedScope}`)
    if (
      typeof votesPerPerson !== 'number' ||
      !Number.isInteger(votesPerPerson) ||
      votesPerPerson < 1 ||
      votesPerPerson > MAX_VOTES_PER_PERSON
    ) {
      return workshopFieldProblem(`.votesPerPerson must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}`)
    }
    if (typeof onePerShape !== 'boolean') return workshopFieldProblem('.onePerShape must be true or false')
    if (typeof openedAt !== 'number' || !Number.isFinite(openedAt) || openedAt < 0) {
      return workshopFieldProblem('.openedAt must be a time in ms since 1970')
    }
    if (typeof by !== 'string' || by.length === 0 || by.length > MAX_ID_CHARS) {
      return workshopFieldProblem(`.by must be a name of 1–${MAX_ID_CHARS} characters`)
    }
    return workshopFieldOk<OpenVote>({
      id: id as string,
      title,
      scope: parsedScope,
      votesPerPerson,
      onePerShape,
      openedAt,
      by,
    })
  },
})

/** null when `id` can name a vote; otherwise what is wrong, completing ".id …". */
export function voteIdProblem(id: unknown): string | null {
  return typeof id === 'string' && VOTE_ID.test(id) ? null : 'must be 1–64 letters, digits, - or _'
}

function parseVoteScope(value: unknown): VoteScope | string {
  const fields = plainObject(
    value,
    "must be {kind: 'board'}, {kind: 'container', id} or {kind: 'types', types}",
  )
  if (typeof fields === 'string') return fields
  const { kind, ...rest } = fields
  if (kind === 'board' && Object.keys(rest).length === 0) return { kind }
  if (kind === 'container') {
    const { id, ...extra } = rest
    if (
      Object.keys(extra).length > 0 ||
      typeof id !== 'string' ||
      id.length === 0 ||
      id.length > MAX_ID_CHARS
    ) {
      return `{kind: 'container'} must have only an id: the shape id of a stage, lane or frame`
    }
    return { kind, id }
  }
  if (kind === 'types') {
    const { types, ...extra } = rest
    const known: readonly unknown[] = VOTABLE_SHAPE_TYPES
    if (
      Object.keys(extra).length > 0 ||
      !Array.isArray(types) ||
      types.length === 0 ||
      new Set(types).size !== types.length ||
      !types.every((type) => known.includes(type))
    ) {
      return `{kind: 'types'} must have only types: distinct names from ${VOTABLE_SHAPE_TYPES.join('|')}`
    }
    return { kind, types: types as VotableShapeType[] }
  }
  return `kind must be board|container|types, got ${JSON.stringify(kind)?.slice(0, 40)}`
}

function plainObject(value: unknown, expected: string): Record<string, unknown> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return expected
  return value as Record<string, unknown>
}
