import { T } from '@tldraw/validate'

/** Why a value failed a `T` validator, phrased for a person: the field path and what was wrong. */
export type ValidationFailure = {
  /** Dotted path of the failing field ("props.status", "props.points[2].x"); '' for the value itself. */
  field: string
  kind: 'missing-field' | 'unknown-field' | 'invalid-field'
  /** "must be one of todo|doing|done|blocked, got 42", "is missing (expected a string)". */
  reason: string
}

/**
 * Turns a thrown tldraw `ValidationError` into a field and a reason. tldraw's path mixes field names
 * with annotations such as "(type = step)" and the model name; only the field names are kept.
 */
export function describeValidationFailure(error: unknown, modelName?: string): ValidationFailure {
  if (!(error instanceof T.ValidationError)) {
    const text = error instanceof Error ? error.message : String(error)
    return { field: '', kind: 'invalid-field', reason: `is invalid: ${stripErrorPrefix(text)}` }
  }
  const path = error.path.filter((item) => typeof item === 'number' || !item.startsWith('('))
  if (modelName !== undefined && path[0] === modelName) path.shift()
  const field = shorten(formatFieldPath(path), 120)
  const raw = stripErrorPrefix(error.rawMessage)
  if (raw === 'Unexpected property') return { field, kind: 'unknown-field', reason: 'is not a known field' }
  const expectation = /^Expected (.*), got (.*)$/s.exec(raw)
  if (expectation) {
    const expected = describeExpected(expectation[1]!)
    // The value is echoed back to a person (and into logs): a megabyte of it helps nobody.
    const got = shorten(expectation[2]!, 60)
    if (got === 'undefined')
      return { field, kind: 'missing-field', reason: `is missing (expected ${expected})` }
    return { field, kind: 'invalid-field', reason: `must be ${expected}, got ${got}` }
  }
  return { field, kind: 'invalid-field', reason: `is invalid: ${shorten(raw, 200)}` }
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function formatFieldPath(path: ReadonlyArray<string | number>): string {
  let field = ''
  for (const item of path) {
    field += typeof item === 'number' ? `[${item}]` : field === '' ? item : `.${item}`
  }
  return field
}

function stripErrorPrefix(text: string): string {
  return text.replace(/^Error: /, '')
}

/** '"todo" or "doing"' -> 'one of todo|doing'; 'number' -> 'a number'; other phrases stay as written. */
function describeExpected(expected: string): string {
  const literals = expected.replace(/^one of /, '').match(/^"[^"]*"(?: or "[^"]*")+$/)
  if (literals) {
    const values = [...expected.matchAll(/"([^"]*)"/g)].map((match) => match[1])
    return `one of ${values.join('|')}`
  }
  if (/^[a-z]+$/.test(expected)) return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
  return expected
}
