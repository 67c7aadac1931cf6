/**
 * A workshop value that must be a JSON object with exactly `keys` (each may still be absent, for the
 * field's parser to judge): its fields, or the reason it is not one, completing "workshop.<key> …".
 */
export function exactFields(value: unknown, keys: readonly string[]): Record<string, unknown> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `must be {${keys.join(', ')}}`
  const fields = value as Record<string, unknown>
  const extra = Object.keys(fields).find((key) => !keys.includes(key))
  return extra === undefined ? fields : `has no field "${extra.slice(0, 40)}"`
}
