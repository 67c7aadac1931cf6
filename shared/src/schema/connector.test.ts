import { expect, test } from 'vitest'
import { connectorMetaValidator, readConnectorMeta } from './connector.ts'

test('an arrow without flow meta is a sequence flow without branch or probability', () => {
  expect(readConnectorMeta({})).toEqual({ flow: 'sequence', branch: null, probability: null })
  expect(readConnectorMeta(undefined)).toEqual({ flow: 'sequence', branch: null, probability: null })
})

test('flow, branch and probability are read from meta; blank branches, unknown flows and odd odds fall back', () => {
  expect(readConnectorMeta({ flow: 'dependency', branch: 'yes', probability: 0.25 })).toEqual({
    flow: 'dependency',
    branch: 'yes',
    probability: 0.25,
  })
  expect(readConnectorMeta({ flow: 'teleport', branch: '  ', probability: 7 })).toEqual({
    flow: 'sequence',
    branch: null,
    probability: null,
  })
})

test('a branch probability is written from 0 to 1, or not at all', () => {
  expect(connectorMetaValidator.validate({ branch: 'yes', probability: 0.7 })).toMatchObject({
    probability: 0.7,
  })
  expect(() => connectorMetaValidator.validate({ probability: 1.5 })).toThrow(/from 0 to 1, got 1.5/)
  expect(() => connectorMetaValidator.validate({ probability: -0.1 })).toThrow(/from 0 to 1/)
  expect(() => connectorMetaValidator.validate({ probability: Number.NaN })).toThrow()
})
