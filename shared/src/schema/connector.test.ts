import { expect, test } from 'vitest'
import { readConnectorMeta } from './connector.ts'

test('an arrow without flow meta is a sequence flow without branch', () => {
  expect(readConnectorMeta({})).toEqual({ flow: 'sequence', branch: null })
  expect(readConnectorMeta(undefined)).toEqual({ flow: 'sequence', branch: null })
})

test('flow and branch are read from meta; blank branches and unknown flows fall back', () => {
  expect(readConnectorMeta({ flow: 'dependency', branch: 'yes' })).toEqual({
    flow: 'dependency',
    branch: 'yes',
  })
  expect(readConnectorMeta({ flow: 'teleport', branch: '  ' })).toEqual({ flow: 'sequence', branch: null })
})
