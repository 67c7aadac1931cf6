/**
 * `@flowmap/shared/testing`: builders of complete, valid records and maps for tests, benchmarks and
 * fixtures. Kept out of the model's API (`index.ts`) so that no product code builds records from test
 * defaults. fast-check arbitraries stay in `testing/record-arbitraries.ts`: fast-check is a dev
 * dependency of this package only.
 */

export { draftEdge, draftLane, draftNode, draftStage, emptyReport, flowDraft } from './testing/flow-drafts.ts'
export {
  chain,
  decisionNode,
  endEvent,
  type FlowInit,
  flowArrow,
  graphOfRecords,
  startEvent,
  type TimedStep,
  timedStep,
} from './testing/flow-maps.ts'
export {
  generateWorkflowMap,
  type WorkflowMap,
  type WorkflowMapOptions,
} from './testing/generate-workflow-map.ts'
export { openVote } from './testing/open-vote.ts'
export { type ModdleReadElement, readBpmnWithModdle } from './testing/read-bpmn-with-moddle.ts'
export { type ScriptedStep, scriptedLog } from './testing/scripted-log.ts'
export { seededRandom } from './testing/seeded-random.ts'
export {
  type ConnectorInit,
  connector,
  documentRecord,
  noteShape,
  pageRecord,
  TEST_PAGE_ID,
  type WorkflowShapeInit,
  workflowShape,
} from './testing/shape-records.ts'
export { approvalRoles, botRole, cleanApprovalMap, legalRole } from './testing/small-maps.ts'
