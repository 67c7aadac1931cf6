import { expect, test } from 'vitest'
import * as shared from './index.ts'
import * as testing from './testing.ts'

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
    // the document layout's writes and reads for validation (doc/)
    'patchRecord',
    'transactBoard',
    'declareBoardRoots',
    'foreignRootTouchedBy',
    // the wire contracts (protocol/)
    'parseRefusalMessage',
    'refusalMessage',
    'parseStatelessMessage',
    'encodeStatelessMessage',
    'isBoardRole',
    'canEditBoard',
    'canFacilitateBoard',
    'isBoardId',
    'boardIdProblem',
    'boardIdOfPath',
    'isServerPath',
    'readBoardListBody',
    'readCreatedBoardBody',
    'readInviteBody',
    'readRuntimeConfigBody',
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
    'LINT_RULE_IDS',
    'REFUSAL_CODES',
    'BOARD_ROLES',
    'FLOWMAP_PROTOCOL_VERSION',
    'SERVER_PATH_PREFIXES',
    'workflowShapeDefaultProps',
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

test('the test builders are @flowmap/shared/testing, not part of the model API', () => {
  const builders = [
    'generateWorkflowMap',
    'seededRandom',
    'workflowShape',
    'connector',
    'pageRecord',
    'cleanApprovalMap',
  ]
  const exported = testing as unknown as Record<string, unknown>
  expect(builders.filter((name) => typeof exported[name] !== 'function')).toEqual([])
  const model = shared as unknown as Record<string, unknown>
  expect(builders.filter((name) => model[name] !== undefined)).toEqual([])
})
