import { tooLong } from '../field-limits.ts'
import { MAX_WORKSHOP_FIELD_JSON_CHARS } from '../limits.ts'
import { firstJsonProblem } from '../plain-json.ts'
import { WORKSHOP_FIELDS, workshopFieldNamed } from './workshop-fields.ts'

export type WorkshopValidation = { ok: true } | { ok: false; field: string; message: string }

/**
 * Checks the workshop fields a write changed: known keys only, each plain JSON within the size limit and
 * accepted by its field's parser. A removed key passes (a facilitator clearing the timer or a lock).
 * Who may write them at all is the server's permission check, not this.
 */
export function validateWorkshopWrite(
  fields: Readonly<Record<string, unknown>>,
  written: Iterable<string>,
): WorkshopValidation {
  for (const key of written) {
    const value = fields[key]
    if (value === undefined) continue
    const field = workshopFieldNamed(key)
    if (field === undefined) {
      const known = WORKSHOP_FIELDS.map((each) => each.key).join(', ') || 'none yet'
      return refuse(key, `the workshop has no field "${key.slice(0, 80)}": only ${known}`)
    }
    const problem = firstJsonProblem(value, `workshop.${key}`)
    if (problem !== null) return refuse(key, `${problem.field} ${problem.reason}`)
    const chars = JSON.stringify(value).length
    if (chars > MAX_WORKSHOP_FIELD_JSON_CHARS) {
      return refuse(key, `workshop.${key} ${tooLong(chars, MAX_WORKSHOP_FIELD_JSON_CHARS)}`)
    }
    const parsed = field.parse(value)
    if (!parsed.ok) return refuse(key, `workshop.${key} ${parsed.reason}`)
  }
  return { ok: true }
}

function refuse(field: string, message: string): WorkshopValidation {
  return { ok: false, field, message }
}
