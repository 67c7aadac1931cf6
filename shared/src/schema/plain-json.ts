import { MAX_JSON_DEPTH } from './limits.ts'

/** Where a stored value stops being plain JSON, and how. */
export type JsonProblem = {
  /** Dotted path from the value given ("meta.a.b", "props.richText.content[0]"). */
  field: string
  /** "is NaN; only finite numbers are allowed", "is nested 33 levels deep; at most 32". */
  reason: string
}

/**
 * The first place where `value` is not plain, finite JSON of bounded depth: Yjs stores any lib0 value
 * (NaN, Infinity, undefined, bigint, Uint8Array inside objects), which JSON and other clients cannot
 * round-trip. Walks with an explicit stack, so a value nested thousands of levels deep costs no call
 * stack and is refused as soon as the walk passes `maxDepth`.
 */
export function firstJsonProblem(
  value: unknown,
  field: string,
  maxDepth: number = MAX_JSON_DEPTH,
): JsonProblem | null {
  const pending: Array<{ value: unknown; field: string; depth: number }> = [{ value, field, depth: 0 }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, field: at, depth } = next
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) {
        return { field: at, reason: `is ${current}; only finite numbers are allowed` }
      }
      continue
    }
    if (typeof current !== 'object') {
      return { field: at, reason: `is ${describeKind(current)}; only JSON values are allowed` }
    }
    if (depth >= maxDepth) {
      return { field: at, reason: `is nested more than ${maxDepth} levels deep; at most ${maxDepth}` }
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push({ value: item, field: `${at}[${index}]`, depth: depth + 1 })
      })
      continue
    }
    const prototype = Object.getPrototypeOf(current)
    if (prototype !== Object.prototype && prototype !== null) {
      return { field: at, reason: `is ${describeKind(current)}; only JSON values are allowed` }
    }
    for (const [key, item] of Object.entries(current)) {
      pending.push({ value: item, field: at === '' ? key : `${at}.${key}`, depth: depth + 1 })
    }
  }
  return null
}

function describeKind(value: unknown): string {
  if (value instanceof Uint8Array) return 'binary data (Uint8Array)'
  if (value === undefined) return 'undefined'
  if (typeof value === 'object' && value !== null) return `a ${value.constructor?.name ?? 'non-plain object'}`
  return `a ${typeof value}`
}
