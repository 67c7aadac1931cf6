import { expect, test } from 'vitest'
import { DOC_ORIGIN_SOURCES, isDocOrigin, localOrigin, remoteOrigin } from './origin.ts'

test('isDocOrigin accepts every known source, with or without a client tag', () => {
  for (const source of DOC_ORIGIN_SOURCES) {
    expect(isDocOrigin({ source })).toBe(true)
    expect(isDocOrigin({ source, clientTag: 'tab-1' })).toBe(true)
  }
  expect(isDocOrigin(localOrigin)).toBe(true)
  expect(isDocOrigin(remoteOrigin)).toBe(true)
})

test('isDocOrigin refuses what Yjs and providers pass as origins otherwise', () => {
  for (const other of [
    null,
    undefined,
    'local',
    42,
    {},
    { source: 'ghost' },
    { source: 'local', clientTag: 7 },
  ]) {
    expect(isDocOrigin(other)).toBe(false)
  }
})

test('the shared origin constants cannot be mutated (Yjs compares origins by identity)', () => {
  expect(Object.isFrozen(localOrigin)).toBe(true)
  expect(() => {
    ;(localOrigin as { source: string }).source = 'remote'
  }).toThrow()
})
