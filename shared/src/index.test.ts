import { expect, test } from 'vitest'
import * as shared from './index.ts'

// The runtime names other packages import from @flowmap/shared today: removing one breaks them.
const contract = {
  functions: [
    'readConnectorMeta',
    'validateRecord',
    'validateRole',
    'isDocOrigin',
    'writeRecord',
    'writeRecords',
    'deleteRecord',
    'deleteRecords',
    'readRecord',
    'readRecords',
    'observeRecords',
    'recordIdsTouchedBy',
    'roleIdsTouchedBy',
    'readBoard',
    'writeBoard',
    'observeBoard',
    'readRoles',
    'writeRole',
    'deleteRole',
    'observeRoles',
    'toWorkflowGraph',
    'lint',
    'generateWorkflowMap',
  ],
  values: [
    'WORKFLOW_SHAPE_TYPES',
    'workflowShapeSchemas',
    'FLOW_KINDS',
    'connectorMetaValidator',
    'roleValidator',
    'ROLE_KINDS',
    'flowmapSchema',
    'localOrigin',
    'remoteOrigin',
    'LINT_RULES',
    ...['stage', 'lane', 'step', 'decision', 'artifact', 'event'].flatMap((type) => [
      `${type}ShapeProps`,
      `${type}ShapeMigrations`,
    ]),
  ],
}

test('the package exports every function of the shared API contract', () => {
  const exported = shared as unknown as Record<string, unknown>
  const missing = contract.functions.filter((name) => typeof exported[name] !== 'function')
  expect(missing).toEqual([])
})

test('the package exports every value of the shared API contract', () => {
  const exported = shared as unknown as Record<string, unknown>
  const missing = contract.values.filter((name) => exported[name] === undefined)
  expect(missing).toEqual([])
  expect(Object.keys(shared.workflowShapeSchemas)).toEqual([...shared.WORKFLOW_SHAPE_TYPES])
})
