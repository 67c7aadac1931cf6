import { expect, test } from 'vitest'
import { formatElapsed } from './format-elapsed.ts'

test('elapsed hours read as working days (8 h) and hours', () => {
  expect(formatElapsed(0)).toBe('0 h')
  expect(formatElapsed(5.5)).toBe('5.5 h')
  expect(formatElapsed(8)).toBe('1 d')
  expect(formatElapsed(19)).toBe('2 d 3 h')
  expect(formatElapsed(16.04)).toBe('2 d')
})
