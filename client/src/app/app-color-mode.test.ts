import { expect, test } from 'vitest'
import { resolveColorMode } from './app-color-mode.ts'

test("a person's light or dark choice wins over the system's", () => {
  expect(resolveColorMode('dark', false)).toBe('dark')
  expect(resolveColorMode('light', true)).toBe('light')
})

test('with no choice, or "system", the chrome follows the operating system', () => {
  expect(resolveColorMode(undefined, true)).toBe('dark')
  expect(resolveColorMode(undefined, false)).toBe('light')
  expect(resolveColorMode('system', true)).toBe('dark')
  expect(resolveColorMode('system', false)).toBe('light')
})
