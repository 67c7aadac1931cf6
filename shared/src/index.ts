/**
 * The public API of @flowmap/shared: the typed model used by client, server, tests and tools.
 * Other packages import from '@flowmap/shared' only.
 */
export const SHARED_PACKAGE = '@flowmap/shared'

// analysis/: what the Insights panel and GET /api/boards/:id/insights show
export { type AnalyzeOptions, analyzeWorkflow, type WorkflowInsights } from './analysis/analyze.ts'
export type { AutomationInsights } from './analysis/automation.ts'
export type { BottleneckInsights, NodeLoad } from './analysis/bottlenecks.ts'
export type { CriticalPath } from './analysis/critical-path.ts'
export type { Handoff, HandoffInsights } from './analysis/handoffs.ts'
export type { MaturityDimension, MaturityFact, MaturityScore } from './analysis/maturity.ts'
export { describeFact } from './analysis/maturity.ts'
export { OVERLOAD_SHARE, type OwnershipInsights, type RoleLoad } from './analysis/ownership.ts'
// doc/: the Y.Doc layout
export {
  type BoardMeta,
  DEFAULT_BOARD_TITLE,
  observeBoard,
  readBoard,
  readBoardTitle,
  writeBoard,
} from './doc/board.ts'
export {
  observeRecords,
  type RecordsChange,
  type RecordsListener,
  recordIdsTouchedBy,
} from './doc/observe-records.ts'
export {
  DOC_ORIGIN_SOURCES,
  type DocOrigin,
  type DocOriginSource,
  isDocOrigin,
  localOrigin,
  remoteOrigin,
} from './doc/origin.ts'
export {
  type RawEntry,
  readRawBoardField,
  readRawBoardFields,
  readRawRecord,
  readRawRole,
} from './doc/raw-entry.ts'
export {
  deleteRecord,
  deleteRecords,
  readRecord,
  readRecords,
  writeRecord,
  writeRecords,
} from './doc/records.ts'
export { deleteRole, observeRoles, readRoles, roleIdsTouchedBy, writeRole } from './doc/roles.ts'
export { boardFieldsTouchedBy, recordFieldsTouchedBy, roleFieldsTouchedBy } from './doc/touched-fields.ts'
export type { TouchedFields, TouchedIds } from './doc/touched-ids.ts'
// graph/ and lint/: the workflow as a graph, and the structural rules over it
export { type FlowReachability, flowReachability } from './graph/flow-reachability.ts'
export { plainTextOf } from './graph/rich-text-plain.ts'
export { toWorkflowGraph } from './graph/to-workflow-graph.ts'
export type {
  WorkflowEdge,
  WorkflowGraph,
  WorkflowLane,
  WorkflowNode,
  WorkflowNodeShape,
  WorkflowNodeType,
  WorkflowStage,
} from './graph/workflow-graph.ts'
export { type BoardContent, readBoardContent } from './history/board-content.ts'
// history/: the update log format, rebuilding any moment, and what changed between two
export {
  changedFields,
  diffHistory,
  diffLog,
  type HistoryDiff,
  type RecordChange,
  type RecordChangeKind,
} from './history/diff.ts'
export { docAt, historyDoc, rebuildDoc, seqAt } from './history/doc-at.ts'
export {
  type BoardHistory,
  type Checkpoint,
  DEFAULT_CHECKPOINT_INTERVAL,
  type HistoryEntry,
  type HistoryMoment,
  isCheckpointDue,
} from './history/history-entry.ts'
export { type EntryEffect, HistoryLog } from './history/history-log.ts'
export { historyOrigin } from './history/history-origin.ts'
export {
  type HistoryPage,
  type HistoryPageRead,
  readHistoryPage,
  SERVER_USER_ID,
} from './history/history-page.ts'
export {
  type RecordedSession,
  recordSession,
  recordsSnapshot,
  type SessionOptions,
} from './history/recorded-session.ts'
export { type RestoreSummary, restoreBoard, restoreOrigin } from './history/restore.ts'
export { activityHistogram, nextEditSeq, type TimelinePerson, timelinePeople } from './history/timeline.ts'
export {
  createIncrementalLint,
  type IncrementalLint,
  type IncrementalLintOptions,
} from './lint/incremental/incremental-lint.ts'
export { type LintListener, observeLint } from './lint/incremental/observe-lint.ts'
export { LINT_RULES, type LintOptions, lint } from './lint/lint.ts'
export {
  LINT_RULE_IDS,
  type LintIssue,
  type LintRule,
  type LintRuleId,
  type LintSeverity,
} from './lint/lint-rule.ts'
export { type BoardPreview, type PreviewBox, previewOf } from './preview/board-preview.ts'
// repair/: the deterministic fix-up of states only concurrent edits produce
export { BoardProblem, type BoardRepair, type BoardRepairs } from './repair/board-repairs.ts'
export { findBoardRepairs } from './repair/find-board-repairs.ts'
// schema/: record schema, validators, migrations
export {
  ARTIFACT_KINDS,
  type ArtifactKind,
  type ArtifactShapeProps,
  artifactShapeMigrations,
  artifactShapeProps,
  artifactShapeVersions,
} from './schema/artifact.ts'
export {
  BOARD_FIELDS,
  type BoardField,
  type BoardValidation,
  type ValidateBoardWriteOptions,
  validateBoardWrite,
} from './schema/board-meta.ts'
export {
  type ConnectorMeta,
  connectorMetaValidator,
  DEFAULT_FLOW_KIND,
  FLOW_KINDS,
  type FlowKind,
  readConnectorMeta,
} from './schema/connector.ts'
export {
  type DecisionShapeProps,
  decisionShapeMigrations,
  decisionShapeProps,
  decisionShapeVersions,
} from './schema/decision.ts'
export { workflowShapeDefaultProps } from './schema/default-props.ts'
export {
  EVENT_KINDS,
  type EventKind,
  type EventShapeProps,
  eventShapeMigrations,
  eventShapeProps,
  eventShapeVersions,
} from './schema/event.ts'
export type { LimitFailure, WrittenFields } from './schema/field-limits.ts'
export { flowmapSchema } from './schema/flowmap-schema.ts'
export { type LaneShapeProps, laneShapeMigrations, laneShapeProps, laneShapeVersions } from './schema/lane.ts'
export {
  MAX_ASSET_RECORD_CHARS,
  MAX_BOARD_TITLE_CHARS,
  MAX_BRANCH_LABEL_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_DISABLED_LINT_RULES,
  MAX_ID_CHARS,
  MAX_JSON_DEPTH,
  MAX_LABEL_CHARS,
  MAX_LINT_RULE_ID_CHARS,
  MAX_RECORD_CHARS,
  MAX_ROLE_COLOR_CHARS,
  MAX_ROLE_NAME_CHARS,
  MAX_SCHEMA_SEQUENCE_ID_CHARS,
  MAX_SCHEMA_SEQUENCES,
} from './schema/limits.ts'
export { firstJsonProblem, type JsonProblem } from './schema/plain-json.ts'
export { recordLimitFailure, shapeStringLimits } from './schema/record-limits.ts'
export {
  ROLE_KINDS,
  type Role,
  type RoleKind,
  type RoleValidation,
  type RoleValidationError,
  roleValidator,
  validateRole,
  validateRoleWrite,
} from './schema/role.ts'
export {
  type StageShapeProps,
  stageShapeMigrations,
  stageShapeProps,
  stageShapeVersions,
} from './schema/stage.ts'
export {
  STEP_AUTOMATIONS,
  STEP_STATUSES,
  type StepAutomation,
  type StepShapeProps,
  type StepStatus,
  stepShapeMigrations,
  stepShapeProps,
  stepShapeVersions,
} from './schema/step.ts'
export {
  type RecordValidation,
  type RecordValidationError,
  RecordValidationReason,
  type ValidateRecordOptions,
  validateRecord,
} from './schema/validate-record.ts'
export {
  isWorkflowShapeType,
  WORKFLOW_SHAPE_TYPES,
  type WorkflowShapeType,
  workflowShapeSchemas,
} from './schema/workflow-shapes.ts'
