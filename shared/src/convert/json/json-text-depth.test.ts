import { describe, expect, test } from 'vitest'
import { jsonNestingPast } from './json-text-depth.ts'

describe('the nesting of a JSON text, read before parsing', () => {
  test('counts objects and arrays, and not brackets inside strings', () => {
    expect(jsonNestingPast('{"a":[{"b":1}]}', 3)).toBeNull()
    expect(jsonNestingPast('{"a":[{"b":1}]}', 2)).toBe(3)
    expect(jsonNestingPast('{"a":"[[[[[[\\"{{{{"}', 1)).toBeNull()
  })

  test('a text nested 100,000 levels deep is caught at the first level past the limit', () => {
    expect(jsonNestingPast('['.repeat(100_000), 36)).toBe(37)
  })
})
