import { expect, test } from 'vitest'
import { SHARED_PACKAGE } from './index.ts'

test('the package names itself', () => {
  expect(SHARED_PACKAGE).toBe('@flowmap/shared')
})
