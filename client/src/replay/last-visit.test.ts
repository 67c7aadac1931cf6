// @vitest-environment happy-dom
import { beforeEach, expect, test } from 'vitest'
import { readLastSeen, writeLastSeen } from './last-visit.ts'

beforeEach(() => window.localStorage.clear())

test('the last seen seq is kept per user per board and never moves backwards', () => {
  expect(readLastSeen('ana', 'b1')).toBeNull()
  writeLastSeen('ana', 'b1', 40)
  writeLastSeen('ana', 'b1', 12)
  writeLastSeen('ben', 'b1', 7)
  writeLastSeen('ana', 'b2', 3)
  expect(readLastSeen('ana', 'b1')).toBe(40)
  expect(readLastSeen('ben', 'b1')).toBe(7)
  expect(readLastSeen('ana', 'b2')).toBe(3)
})

test('a corrupted value reads as never seen', () => {
  window.localStorage.setItem('flowmap:last-seen:ana:b1', 'yesterday')
  expect(readLastSeen('ana', 'b1')).toBeNull()
})
