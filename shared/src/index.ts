/**
 * The public API of @flowmap/shared: the typed model used by client, server, tests and tools.
 * Other packages import from '@flowmap/shared' only.
 */
export const SHARED_PACKAGE = '@flowmap/shared'

// analysis/: what the Insights panel and GET /api/boards/:id/insights show
export { type AnalyzeOptions, analyzeWorkflow, type WorkflowInsights } from './analysis/analyze.ts'
export type { AutomationInsights } from './analysis/automation.ts'
export type { BottleneckInsights, NodeLoad } from './analysis/bottlenecks.ts'
export { compareInsights, type MetricComparison } from './analysis/compare.ts'
export type { CriticalPath } from './analysis/critical-path.ts'
export {
  type AutomationShare,
  type GovernanceInsights,
  governanceInsights,
  isAiAgentStep,
  isHumanReview,
} from './analysis/governance.ts'
export type { Handoff, HandoffInsights } from './analysis/handoffs.ts'
export {
  createIncrementalInsights,
  type IncrementalInsights,
  type IncrementalInsightsOptions,
} from './analysis/incremental/incremental-insights.ts'
export type { MaturityDimension, MaturityFact, MaturityScore } from './analysis/maturity.ts'
export { describeFact } from './analysis/maturity.ts'
export { OVERLOAD_SHARE, type OwnershipInsights, type RoleLoad } from './analysis/ownership.ts'
export {
  accountableRoles,
  type RaciLetter,
  type RaciMatrix,
  type RaciRow,
  raciGapStepIds,
  raciMatrix,
} from './analysis/raci.ts'
// analysis/token-flow/: the one token-flow engine of the walk-through and the lead-time simulation
export {
  branchShares,
  type FlowEdge,
  type FlowModel,
  type FlowNode,
  type FlowRole,
  flowModel,
} from './analysis/token-flow/flow-model.ts'
export {
  type HistogramBin,
  type LeadTimeSummary,
  MAX_HISTOGRAM_BINS,
} from './analysis/token-flow/lead-time-summary.ts'
export {
  type LeadTimeSimulation,
  runLeadTimeSimulation,
  type SimulateLeadTimeOptions,
  type SimulationProgress,
  type SimulationSummary,
  SUMMARY_RUN,
  simulateLeadTime,
  simulationSummary,
} from './analysis/token-flow/simulate-lead-time.ts'
export {
  DEFAULT_TARGET_UTILISATION,
  defaultArrivalEveryHours,
  MAX_CASE_VISITS,
  type RoleUtilisation,
  type SimulationRunOptions,
  type SimulationRunResult,
} from './analysis/token-flow/simulation-run.ts'
export { sampleTime, triangular } from './analysis/token-flow/triangular.ts'
export {
  choicesOf,
  startWalk,
  stepToken,
  type WalkChoice,
  type WalkState,
  type WalkToken,
} from './analysis/token-flow/walk.ts'
// analysis/ (issue 17): value-stream metrics, the derived RACI, AI and automation governance
export {
  type StageTiming,
  type StepTiming,
  stepTiming,
  type ValueStreamMetrics,
  valueStream,
} from './analysis/value-stream.ts'
export {
  ASSET_TYPES,
  ASSET_TYPES_SENTENCE,
  type AssetMimeType,
  sniffAssetType,
} from './assets/asset-type.ts'
export {
  type AssetVariantMeta,
  ATTACHMENT_MIME_TYPES,
  type Attachment,
  type AttachmentMimeType,
  assetVariantsValidator,
  attachmentOf,
  attachmentValidator,
  MAX_ASSET_VARIANTS,
  MAX_ATTACHMENT_NAME_CHARS,
  storedFileMetaFailure,
  variantsOf,
} from './assets/stored-file-meta.ts'
export {
  type CommentActivity,
  type CommentEventKind,
  commentActivity,
  commentActivityParts,
  commentActivitySentence,
} from './comments/comment-activity.ts'
// Comments: tldraw 5.4's comment records as Flowmap writes and reads them.
export {
  COMMENT_RECORD_TYPES,
  type CommentMention,
  type CommentRecordType,
  commentMentionValidator,
  isCommentRecordType,
  mentionsOf,
  mentionsPerson,
} from './comments/comment-meta.ts'
export { type CommentAuthor, newComment, newCommentThread } from './comments/comment-records.ts'
export { commentBody, commentText } from './comments/comment-text.ts'
export { type CommentThreadView, readCommentThreads, threadAnchorLabel } from './comments/comment-threads.ts'
export { boardToBpmn } from './convert/bpmn/export-bpmn.ts'
export { bpmnToDraft } from './convert/bpmn/import-bpmn.ts'
export { draftToContent } from './convert/draft-to-content.ts'
export type {
  DraftBounds,
  DraftContainer,
  DraftEdge,
  DraftMeta,
  DraftNode,
  DraftNodeKind,
  DraftRead,
  FlowDraft,
} from './convert/flow-draft.ts'
export { contentProblem, importBoardFile } from './convert/import-file.ts'
export { detectImportFormat, IMPORT_FILE_SUFFIXES, type ImportFile } from './convert/import-format.ts'
export {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportReport,
  type ReportLine,
  reportSentences,
  reportText,
} from './convert/import-report.ts'
export type { ImportResult } from './convert/import-result.ts'
export { jsonToContent } from './convert/json/import-json.ts'
// convert/: pure converters between a board and BPMN 2.0, Mermaid and JSON files (docs/bpmn-dialect.md)
export type { MapContent } from './convert/map-content.ts'
export { boardToMermaid } from './convert/mermaid/export-mermaid.ts'
export { mermaidToDraft } from './convert/mermaid/import-mermaid.ts'
export { type PlaceContentOptions, placeContent } from './convert/place-content.ts'
export { pointBeside } from './convert/point-beside.ts'
// doc/: the Y.Doc layout
export {
  type BoardMeta,
  DEFAULT_BOARD_TITLE,
  isSerializedSchema,
  observeBoard,
  readBoard,
  readBoardTitle,
  writeBoard,
} from './doc/board.ts'
export { BOARD_ROOT_NAMES, type BoardRootName, declareBoardRoots } from './doc/doc-maps.ts'
export { type ForeignRoot, foreignRootTouchedBy } from './doc/foreign-root.ts'
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
  countRawEntries,
  type RawEntry,
  readRawBoardField,
  readRawBoardFields,
  readRawRecord,
  readRawRole,
  readRawWorkshopFields,
} from './doc/raw-entry.ts'
export {
  deleteRecord,
  deleteRecords,
  patchRecord,
  readRecord,
  readRecords,
  type StoredRecord,
  writeRecord,
  writeRecords,
} from './doc/records.ts'
export { NO_RECORDS_BEFORE, type RecordsBefore, recordsBefore } from './doc/records-before.ts'
export { deleteRole, observeRoles, readRoles, roleIdsTouchedBy, writeRole } from './doc/roles.ts'
export {
  boardFieldsTouchedBy,
  recordFieldsTouchedBy,
  roleFieldsTouchedBy,
  workshopFieldsTouchedBy,
} from './doc/touched-fields.ts'
export type { TouchedFields, TouchedIds } from './doc/touched-ids.ts'
export { transactBoard } from './doc/transact-board.ts'
export { observeWorkshop, readWorkshopField, writeWorkshopField } from './doc/workshop.ts'
export { dropPending, type Pending, pendingOf } from './doc/yjs-internals.ts'
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
export {
  type ActivityDay,
  type ActivityGroup,
  type ActivityOptions,
  activityByDay,
  activityGroups,
  DEFAULT_ACTIVITY_GAP_MS,
  dayHeading,
  entrySummaries,
} from './history/activity.ts'
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
export { docAt, rebuildDoc, seqAt } from './history/doc-at.ts'
export {
  type BoardHistory,
  type Checkpoint,
  DEFAULT_CHECKPOINT_INTERVAL,
  type HistoryEntry,
  type HistoryMoment,
  isCheckpointDue,
  type LoggedSender,
  replayEntry,
  SERVER_USER_ID,
} from './history/history-entry.ts'
export { type EntryEffect, HistoryLog } from './history/history-log.ts'
export { historyOrigin } from './history/history-origin.ts'
export {
  type HistoryPage,
  type HistoryPageRead,
  readHistoryPage,
} from './history/history-page.ts'
export {
  type RecordedSession,
  recordSession,
  recordsSnapshot,
  type SessionOptions,
} from './history/recorded-session.ts'
export {
  planRestore,
  type RestorePlan,
  type RestoreSummary,
  restoreBoard,
  restoredRolesAndBoardRoots,
  restoreOrigin,
  writeRestoredRolesAndBoard,
} from './history/restore.ts'
export {
  activityHistogram,
  nextEditSeq,
  type TimelinePerson,
  timelineFraction,
  timelinePeople,
} from './history/timeline.ts'
export {
  type ContainerContent,
  type ContentPadding,
  type ContentRange,
  clampToContent,
  contentOf,
  type LayoutBox,
} from './layout/clamp-to-content.ts'
export {
  adoptChain,
  dropMember,
  holdContent,
  joinPool,
  leavePool,
  normalizePools,
  POOL_JOIN_DISTANCE,
  POOL_SNAP_DISTANCE,
  type PoolAxis,
  type PoolBox,
  type PoolContent,
  poolMembers,
  resizeMember,
  snapNewMember,
  stackAround,
  touchingChain,
} from './layout/pool-layout.ts'
export {
  createIncrementalLint,
  type IncrementalLint,
  type IncrementalLintOptions,
} from './lint/incremental/incremental-lint.ts'
export { type LintListener, observeLint } from './lint/incremental/observe-lint.ts'
export { type LintOptions, lint } from './lint/lint.ts'
export type { LintRule, LintSeverity } from './lint/lint-rule.ts'
export { LINT_RULE_IDS, LINT_RULES, type LintIssue, type LintRuleId } from './lint/rules.ts'
export { type BoardPreview, type PreviewBox, previewOf } from './preview/board-preview.ts'
// protocol/: a facilitator's summon, follow and take-control (stateless, checked by the server)
export {
  ATTENTION_ACTIONS,
  ATTENTION_MESSAGE_TYPE,
  ATTENTION_REFUSED_TYPE,
  ATTENTION_REQUEST_TYPE,
  type AttentionAction,
  type AttentionMessage,
  type AttentionRefusedMessage,
  type AttentionRequest,
  type AttentionViewport,
  attentionMessage,
  attentionRefusedMessage,
  attentionRequest,
  parseAttentionRequest,
} from './protocol/attention-messages.ts'
export { BOARD_ID_PATTERN, boardIdOfPath, boardIdProblem, isBoardId } from './protocol/board-id.ts'
// protocol/: the wire contracts both ends read (board roles, stateless messages, refusals)
export {
  BOARD_ROLES,
  type BoardRole,
  boardRoleProblem,
  canEditBoard,
  canFacilitateBoard,
  isBoardRole,
} from './protocol/board-roles.ts'
export {
  CLOCK_ANSWER_TYPE,
  CLOCK_REQUEST_TYPE,
  type ClockAnswer,
  type ClockRequest,
  clockAnswer,
  clockRequest,
  encodeClockRequest,
  parseClockRequest,
} from './protocol/clock-messages.ts'
export {
  type DeletedBoardReason,
  deletedBoardReason,
  readDeletedBoardReason,
} from './protocol/deleted-board-reason.ts'
// protocol/: the HTTP bodies the server sends and the client reads, each with its reader
export type { HistoryEntryJson } from './protocol/history-entry-json.ts'
export {
  ASSET_HASH_PATTERN,
  type AssetUploadBody,
  type AssetVariant,
  assetOfPath,
  assetPath,
  isAssetHash,
  MAX_ASSET_BYTES,
  readAssetUploadBody,
} from './protocol/http-asset-body.ts'
export {
  type BoardBody,
  type BoardJson,
  type BoardListBody,
  type CreatedBoardBody,
  readBoardBody,
  readBoardListBody,
  readCreatedBoardBody,
} from './protocol/http-board-bodies.ts'
export type { BodyRead } from './protocol/http-body-read.ts'
export { type RuntimeConfigBody, readRuntimeConfigBody } from './protocol/http-config-body.ts'
export {
  type DeletedBoardJson,
  type DeletedBoardListBody,
  readDeletedBoardBody,
  readDeletedBoardListBody,
} from './protocol/http-deleted-board-bodies.ts'
export { type ApiErrorBody, refusalMessageOf } from './protocol/http-error-body.ts'
export {
  BOARD_EXPORT_FORMAT,
  BOARD_EXPORT_VERSION,
  type BoardExportBody,
  readBoardExportBody,
  type WorkflowGraphJson,
  workflowGraphJson,
} from './protocol/http-export-body.ts'
export type { HistoryPageBody } from './protocol/http-history-body.ts'
export {
  type BoardImportBody,
  type CreatedBoardFromFileBody,
  readBoardImportBody,
  readCreatedBoardFromFileBody,
} from './protocol/http-import-body.ts'
export {
  type ContributorsBody,
  type InsightsBody,
  type InsightsEnvelope,
  readContributorsBody,
  readInsightsBody,
} from './protocol/http-insights-body.ts'
export { type InviteBody, readInviteBody } from './protocol/http-invite-body.ts'
export {
  isMemberChange,
  MEMBER_CHANGES,
  type MemberChange,
  type MemberChangeBody,
  type MemberChangeRequest,
  readMemberChangeBody,
  readMemberChangeRequest,
} from './protocol/http-member-change-body.ts'
export {
  byteSizeSentence,
  type MoveInlineBody,
  moveInlineSentence,
  readMoveInlineBody,
  type SkippedInlineImage,
} from './protocol/http-move-inline-body.ts'
export { type BoardPreviewBody, readBoardPreviewBody } from './protocol/http-preview-body.ts'
export {
  MAX_TEMPLATE_DESCRIPTION_CHARS,
  MAX_TEMPLATE_NAME_CHARS,
  readSavedTemplateBody,
  readSaveTemplateRequest,
  readTemplateListBody,
  type SavedTemplateJson,
  type SaveTemplateRequest,
  type TemplateListBody,
} from './protocol/http-template-bodies.ts'
export {
  type NamedVersionJson,
  readNamedVersionBody,
  readVersionListBody,
  type VersionListBody,
} from './protocol/http-versions-body.ts'
// protocol/: who a browser says it is in local mode (no auth secret)
export {
  cleanPersonName,
  isLocalIdentityToken,
  type LocalIdentity,
  localIdentityToken,
  localModeUserId,
  MAX_PERSON_NAME_LENGTH,
  PERSON_ID_PATTERN,
  readLocalIdentityToken,
} from './protocol/local-identity.ts'
export {
  PEOPLE_MESSAGE_TYPE,
  type PeopleMessage,
  type PersonOnBoard,
  peopleMessage,
  REMOVED_FROM_BOARD_REASON,
  REMOVED_MESSAGE_TYPE,
  type RemovedMessage,
  removedMessage,
} from './protocol/people-messages.ts'
export {
  encodePrivateReveal,
  encodePrivateRevealMessages,
  MAX_REVEAL_NOTES_PER_MESSAGE,
  PRIVATE_REVEAL_ANSWER_TYPE,
  PRIVATE_REVEAL_TYPE,
  type PrivateReveal,
  type PrivateRevealAnswer,
  parsePrivateReveal,
  privateRevealAnswer,
} from './protocol/private-reveal-messages.ts'
export {
  isRefusalCode,
  parseRefusalMessage,
  REFUSAL_CODES,
  REFUSAL_MESSAGE_TYPE,
  type Refusal,
  type RefusalCode,
  type RefusalMessage,
  refusalMessage,
} from './protocol/refusal.ts'
export {
  isServerPath,
  SERVER_PATH_PREFIXES,
  type ServerPathPrefix,
  serverPathPattern,
} from './protocol/server-paths.ts'
export {
  FLOWMAP_PROTOCOL_VERSION,
  MAX_STATELESS_REQUEST_BYTES,
  type StatelessParse,
} from './protocol/stateless-envelope.ts'
export {
  encodeStatelessMessage,
  parseStatelessMessage,
  STATELESS_MESSAGE_TYPES,
  type StatelessMessage,
  type StatelessMessageType,
} from './protocol/stateless-messages.ts'
export {
  encodeVoteRequest,
  isVoteMessageType,
  parseVoteRequest,
  readMalformedVoteId,
  VOTE_REQUEST_TYPES,
  type VoteBallotMessage,
  type VoteProgressMessage,
  type VoteRefusedMessage,
  type VoteRequest,
  type VoteRequestType,
} from './protocol/vote-messages.ts'
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
export {
  EVENT_KINDS,
  type EventKind,
  type EventShapeProps,
  eventShapeMigrations,
  eventShapeProps,
  eventShapeVersions,
} from './schema/event.ts'
export type { LimitFailure, WrittenFields } from './schema/field-limits.ts'
export {
  completeAccurateValidator,
  estimateHoursValidator,
  raciRolesValidator,
  type ThreePoint,
  type TimeRange,
  threePoint,
  timeRangeValidator,
} from './schema/flow-timing.ts'
export { FLOWMAP_CUSTOM_RECORDS, flowmapSchema } from './schema/flowmap-schema.ts'
export { type LaneShapeProps, laneShapeMigrations, laneShapeProps, laneShapeVersions } from './schema/lane.ts'
export {
  MAX_ASSET_RECORD_CHARS,
  MAX_BOARD_TITLE_CHARS,
  MAX_BRANCH_LABEL_CHARS,
  MAX_COMMENT_CHARS,
  MAX_COMMENT_MENTIONS,
  MAX_COMMENT_NAME_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_DISABLED_LINT_RULES,
  MAX_ESTIMATE_HOURS,
  MAX_ID_CHARS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_DEPTH,
  MAX_IMPORT_ELEMENTS,
  MAX_JSON_DEPTH,
  MAX_LABEL_CHARS,
  MAX_LINT_RULE_ID_CHARS,
  MAX_RACI_ROLES,
  MAX_RECORD_CHARS,
  MAX_ROLE_COLOR_CHARS,
  MAX_ROLE_NAME_CHARS,
  MAX_SCHEMA_SEQUENCE_ID_CHARS,
  MAX_SCHEMA_SEQUENCES,
  MAX_TEMPLATE_RECORDS,
} from './schema/limits.ts'
export { firstJsonProblem, type JsonProblem } from './schema/plain-json.ts'
export { recordLimitFailure, shapeStringLimits } from './schema/record-limits.ts'
export {
  isHumanRole,
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
  type WorkflowShapeProps,
  type WorkflowShapeType,
  workflowShapeDefaultProps,
  workflowShapeSchemas,
} from './schema/workflow-shapes.ts'
export { type BoardLock, boardLockField } from './schema/workshop/board-lock.ts'
export { type LockHolder, lockHolderName, parseLockHolder } from './schema/workshop/lock-holder.ts'
export {
  isParticipantToolsetRecord,
  PARTICIPANT_TOOLSETS,
  type ParticipantToolset,
  participantToolsetField,
} from './schema/workshop/participant-toolset.ts'
// workshop private mode (issue 13): its field and the anonymous reveal through the server
export { type PrivateMode, privateModeField } from './schema/workshop/private-mode.ts'
export {
  type CoveringLock,
  coveringShapeLock,
  type LockableRecord,
  metaWithShapeLock,
  rawShapeLock,
  SHAPE_LOCK_META_KEY,
  shapeLockOf,
} from './schema/workshop/shape-lock.ts'
// workshop timer (issue 13): its field, its controls, the clock exchange and the server-offset estimate
export { MAX_TIMER_DURATION_MS, timerField, type WorkshopTimer } from './schema/workshop/timer.ts'
export { validateWorkshopWrite, type WorkshopValidation } from './schema/workshop/validate-workshop-write.ts'
export { viewerCommentsField } from './schema/workshop/viewer-comments.ts'
export {
  MAX_VOTE_TITLE_CHARS,
  MAX_VOTES_PER_PERSON,
  type OpenVote,
  VOTABLE_SHAPE_TYPES,
  type VotableShapeType,
  type VoteScope,
  voteField,
  voteIdProblem,
} from './schema/workshop/vote.ts'
export { type VoteResults, voteResultsField } from './schema/workshop/vote-results.ts'
export {
  defineWorkshopField,
  type WorkshopField,
  type WorkshopFieldParse,
  workshopFieldOk,
  workshopFieldProblem,
} from './schema/workshop/workshop-field.ts'
export { WORKSHOP_FIELDS, workshopFieldNamed } from './schema/workshop/workshop-fields.ts'
// templates/: boards to start from, built in code, and writing one into a new board's doc
export type { BoardTemplate } from './templates/board-template.ts'
export { BUILT_IN_TEMPLATES, builtInTemplate } from './templates/built-in-templates.ts'
// The record builders for tools and bots, under names of their own: the test builders with test
// defaults are `workflowShape` and `connector` in @flowmap/shared/testing.
export {
  BOARD_PAGE_ID,
  connector as connectorRecords,
  workflowShape as workflowShapeRecord,
} from './templates/record-builders.ts'
export { type TemplateContent, type TemplateOfBoard, templateOfBoard } from './templates/template-of-board.ts'
export { writeTemplate } from './templates/write-template.ts'
export { castProblem, votesLeft, withdrawProblem } from './voting/ballot-rules.ts'
export { type Ballot, rankedCounts, type Tally, tallyBallots } from './voting/tally.ts'
export { voteScopeProblem } from './voting/vote-scope.ts'
export {
  bestClockOffset,
  type ClockOffset,
  type ClockSample,
  offsetOfSample,
} from './workshop/clock-offset.ts'
export {
  addTimerTime,
  formatRemaining,
  pauseTimer,
  resumeTimer,
  startTimer,
  TIMER_PRESET_MINUTES,
  timerHasEnded,
  timerRemainingMs,
} from './workshop/timer-state.ts'
