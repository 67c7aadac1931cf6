import { expect, test } from 'vitest'
import { panelsStartOpen, TABLET_MEDIA_QUERY } from './tablet-layout.ts'

const windowOf = (innerWidth: number, touch: boolean) => ({
  innerWidth,
  matchMedia: (query: string) => ({ matches: touch && query === TABLET_MEDIA_QUERY }) as MediaQueryList,
})

test('the panels start open on a wide desktop window, closed on a tablet or a narrow window', () => {
  expect(panelsStartOpen(windowOf(1280, false))).toBe(true)
  expect(panelsStartOpen(windowOf(1024, true))).toBe(false)
  expect(panelsStartOpen(windowOf(820, false))).toBe(false)
})
