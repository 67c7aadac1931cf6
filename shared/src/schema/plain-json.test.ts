import { describe, expect, test } from 'vitest'
import { MAX_JSON_DEPTH } from './limits.ts'
import { firstJsonProblem } from './plain-json.ts'

describe('firstJsonProblem', () => {
  test('plain finite JSON passes, at any width', () => {
    const value = {
      a: [1, 2.5, -0, 'x', true, null, { b: [] }],
      c: {},
      d: Array.from({ length: 1000 }, (_, i) => i),
    }
    expect(firstJsonProblem(value, 'meta')).toBeNull()
  })

  test.each([
    ['NaN', Number.NaN, 'meta.x is NaN; only finite numbers are allowed'],
    ['Infinity', Number.POSITIVE_INFINITY, 'meta.x is Infinity; only finite numbers are allowed'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'meta.x is -Infinity; only finite numbers are allowed'],
    ['binary data', new Uint8Array([1]), 'meta.x is binary data (Uint8Array); only JSON values are allowed'],
    ['undefined', undefined, 'meta.x is undefined; only JSON values are allowed'],
    ['a bigint', 10n, 'meta.x is a bigint; only JSON values are allowed'],
    ['a Date', new Date(0), 'meta.x is a Date; only JSON values are allowed'],
  ])('refuses %s and names where it is', (_what, bad, message) => {
    const problem = firstJsonProblem({ ok: 1, x: bad }, 'meta')
    expect(problem).not.toBeNull()
    expect(`${problem!.field} ${problem!.reason}`).toBe(message)
  })

  test('finds a bad value deep inside arrays', () => {
    expect(firstJsonProblem({ content: [{ content: [{ n: Number.NaN }] }] }, 'props.richText')).toEqual({
      field: 'props.richText.content[0].content[0].n',
      reason: 'is NaN; only finite numbers are allowed',
    })
  })

  test(`allows ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    const nested = (levels: number) => {
      let value: unknown = 'leaf'
      for (let level = 0; level < levels; level++) value = level % 2 === 0 ? { d: value } : [value]
      return value
    }
    expect(firstJsonProblem(nested(MAX_JSON_DEPTH), 'meta')).toBeNull()
    expect(firstJsonProblem(nested(MAX_JSON_DEPTH + 1), 'meta')?.reason).toBe(
      `is nested more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH}`,
    )
  })

  test('a value nested 100,000 levels deep is refused without exhausting the call stack', () => {
    let value: unknown = 'bottom'
    for (let level = 0; level < 100_000; level++) value = { down: value }
    expect(firstJsonProblem(value, 'meta')?.reason).toMatch(/nested more than 32 levels deep/)
  })
})
