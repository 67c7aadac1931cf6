import { type WorkshopFieldParse, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/** Who set a facilitator lock (of the board or of one shape), for "locked by Ana". */
export interface LockHolder {
  /** the facilitator's user id, as history records it */
  by: string
  /** their name when they locked it */
  name: string
  /** when, in ms since the epoch (the facilitator's clock; shown, never compared) */
  at: number
}

const MAX_NAME_CHARS = 100
const MAX_ID_CHARS = 200

/** The one parser of a lock's value, for the board lock and the shape locks alike. */
export function parseLockHolder(value: unknown): WorkshopFieldParse<LockHolder> {
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
  return workshopFieldOk<LockHolder>({ by, name, at })
}

/** "Fay", or "a facilitator" for a lock that names nobody. */
export function lockHolderName(holder: LockHolder | null): string {
  return holder !== null && holder.name.trim() !== '' ? holder.name : 'a facilitator'
}
