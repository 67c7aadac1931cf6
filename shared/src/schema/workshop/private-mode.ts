import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/**
 * A private brainstorm. While `state` is 'on', each person's new sticky notes stay on their own device
 * (never in the doc, never sent); when a facilitator ends it (`state: 'ended'`) every page reveals the
 * notes it kept for that session: with their authors (each page writes its own, so history names it),
 * or, when `anonymous`, through the server, which writes them as a change of nobody's.
 * `since` identifies the session: a draft remembers the session it was made in.
 */
export interface PrivateMode {
  state: 'on' | 'ended'
  /** when the facilitator started it, in ms since 1970; the session's id */
  since: number
  /** chosen at the start, so participants know before they write */
  anonymous: boolean
  /** the facilitator who started it */
  by: string
  name: string
  /** when it ended; absent while it is on */
  endedAt?: number
}

const MAX_NAME_CHARS = 100
const MAX_ID_CHARS = 200
const FIELDS = new Set(['state', 'since', 'anonymous', 'by', 'name', 'endedAt'])

export const privateModeField = defineWorkshopField({
  key: 'privateMode',
  title: 'private mode',
  parse(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return workshopFieldProblem('must be {state, since, anonymous, by, name}')
    }
    const fields = value as Record<string, unknown>
    const extra = Object.keys(fields).find((key) => !FIELDS.has(key))
    if (extra !== undefined) return workshopFieldProblem(`has no field "${extra.slice(0, 40)}"`)
    const { state, since, anonymous, by, name, endedAt } = fields
    if (state !== 'on' && state !== 'ended') return workshopFieldProblem('.state must be "on" or "ended"')
    if (!isTime(since)) return workshopFieldProblem('.since must be a time in ms since 1970')
    if (typeof anonymous !== 'boolean') return workshopFieldProblem('.anonymous must be true or false')
    if (typeof by !== 'string' || by.length === 0 || by.length > MAX_ID_CHARS) {
      return workshopFieldProblem(`.by must be a user id of 1–${MAX_ID_CHARS} characters`)
    }
    if (typeof name !== 'string' || name.length > MAX_NAME_CHARS) {
      return workshopFieldProblem(`.name must be a name of at most ${MAX_NAME_CHARS} characters`)
    }
    if (state === 'on' && endedAt !== undefined)
      return workshopFieldProblem('.endedAt is only for an ended session')
    if (state === 'ended' && !isTime(endedAt))
      return workshopFieldProblem('.endedAt must be a time in ms since 1970')
    const mode: PrivateMode = { state, since, anonymous, by, name }
    if (state === 'ended') mode.endedAt = endedAt as number
    return workshopFieldOk(mode)
  },
})

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
