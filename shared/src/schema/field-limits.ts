import { firstJsonProblem } from './plain-json.ts'

/**
 * The fields a write changed: `'whole'` when the entry was created or replaced, else dotted paths
 * ("props.label"). Limits are checked on these only, so a value stored before a limit existed keeps
 * loading and does not block edits of the entry's other fields.
 */
export type WrittenFields = 'whole' | ReadonlySet<string>

/** Dotted field path → the most characters it may hold. */
export type StringLimits = Readonly<Record<string, number>>

export type LimitFailure = { field: string; reason: string }

/**
 * The first written field that is not plain finite JSON of bounded depth, or a string field longer
 * than its limit. Cost: the size of the written values.
 */
export function firstLimitFailure(
  entry: Readonly<Record<string, unknown>>,
  limits: StringLimits,
  written: WrittenFields,
): LimitFailure | null {
  const paths = written === 'whole' ? Object.keys(entry) : written
  for (const path of paths) {
    // A field the write removed (a meta key deleted: a lock lifted, an undo taking back a first
    // `meta.pool`) breaks no limit; a key holding `undefined` is still refused.
    if (!holdsPath(entry, path)) continue
    const problem = firstJsonProblem(valueAt(entry, path), path)
    if (problem !== null) return problem
  }
  for (const [field, max] of Object.entries(limits)) {
    if (!isWritten(field, written)) continue
    const value = valueAt(entry, field)
    if (typeof value === 'string' && value.length > max) {
      return { field, reason: tooLong(value.length, max) }
    }
  }
  return null
}

/** "is 5,000,012 characters; at most 500" */
export function tooLong(length: number, max: number): string {
  return `is ${length.toLocaleString('en-US')} characters; at most ${max.toLocaleString('en-US')}`
}

function isWritten(field: string, written: WrittenFields): boolean {
  if (written === 'whole') return true
  for (const path of written) {
    if (field === path || field.startsWith(`${path}.`)) return true
  }
  return false
}

function holdsPath(entry: Readonly<Record<string, unknown>>, path: string): boolean {
  const keys = path.split('.')
  const last = keys.pop() as string
  const parent = keys.length === 0 ? entry : valueAt(entry, keys.join('.'))
  return typeof parent === 'object' && parent !== null && Object.hasOwn(parent, last)
}

function valueAt(entry: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = entry
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
