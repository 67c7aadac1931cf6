import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/** The whole board is locked: only facilitators edit it until a facilitator unlocks it (removes the field). */
export interface BoardLock {
  /** the facilitator's user id, as history records it */
  by: string
  /** their name when they locked it, for "Locked by Ana" */
  name: string
  /** when, in ms since the epoch (server or facilitator clock; shown, never compared) */
  at: number
}

const MAX_NAME_CHARS = 100
const MAX_ID_CHARS = 200

export const boardLockField = defineWorkshopField({
  key: 'boardLock',
  title: 'the board lock',
  parse(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return workshopFieldProblem('must be {by, name, at}')
    }
    const { by, name, at, ...rest } = value as Record<string, unknown>
    const extra = Object.keys(rest)[0]
    if (extra !== undefined) return workshopFieldProblem(`has no field "${extra.slice(0, 40)}"`)
    if (typeof by !== 'string' || by.length === 0 || by.length > MAX_ID_CHARS) {
      return workshopFieldProblem(`.by must be a user id of 1–${MAX_ID_CHARS} characters`)
    }
    if (typeof name !== 'string' || name.length > MAX_NAME_CHARS) {
      return workshopFieldProblem(`.name must be a name of at most ${MAX_NAME_CHARS} characters`)
    }
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
      return workshopFieldProblem('.at must be a time in ms since 1970')
    }
    return workshopFieldOk<BoardLock>({ by, name, at })
  },
})
