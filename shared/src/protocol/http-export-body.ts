/**
 * GET /api/boards/:id/export.json: the whole board in the typed model (board fields, roles, records)
 * and as its workflow graph, for tools and backups. JSON has no Map, so the graph goes out as plain
 * data: its lists as they are, its connector indexes as objects of connector ids, and without the
 * by-id maps (each list entry carries its `id`; a reader indexes the list it needs).
 */

import type { TLRecord } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import type { WorkflowInsights } from '../analysis/analyze.ts'
import type { WorkflowEdge, WorkflowGraph } from '../graph/workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import { type BodyRead, readBody } from './http-body-read.ts'
import type { InsightsBody } from './http-insights-body.ts'

export const BOARD_EXPORT_FORMAT = 'flowmap-board'
export const BOARD_EXPORT_VERSION = 1

/** The workflow graph as JSON (see `WorkflowGraph` for what each list holds). */
export type WorkflowGraphJson = Pick<WorkflowGraph, 'nodes' | 'edges' | 'lanes' | 'stages' | 'roles'> & {
  /** Connector ids by the shape they start at (loose starts left out), in `edges` order. */
  outgoing: Record<string, string[]>
  /** Connector ids by the shape they point to (loose ends left out), in `edges` order. */
  incoming: Record<string, string[]>
}

export type BoardExportBody = {
  format: typeof BOARD_EXPORT_FORMAT
  version: typeof BOARD_EXPORT_VERSION
  /** ISO 8601, when the export was made. */
  exportedAt: string
  /** The last history entry the export includes. */
  seq: number
  board: { id: string; title: string; schema: unknown }
  roles: Role[]
  records: TLRecord[]
  graph: WorkflowGraphJson
  /**
   * Every metric of the board (`analyzeWorkflow`, as `GET /api/boards/:id/insights` gives it): derived
   * from the records, so an import ignores it and the body version stays. Absent from exports made
   * before the value-stream, RACI and governance metrics.
   */
  insights?: WorkflowInsights
  /** The Monte Carlo lead-time summary, as `GET /api/boards/:id/insights` gives it; derived like `insights`. */
  simulation?: InsightsBody['simulation']
}

export function workflowGraphJson(graph: WorkflowGraph): WorkflowGraphJson {
  const idsBy = (index: ReadonlyMap<string, WorkflowEdge[]>) =>
    Object.fromEntries([...index].map(([shapeId, edges]) => [shapeId, edges.map((edge) => edge.id)]))
  return {
    nodes: graph.nodes,
    edges: graph.edges,
    lanes: graph.lanes,
    stages: graph.stages,
    roles: graph.roles,
    outgoing: idsBy(graph.outgoing),
    incoming: idsBy(graph.incoming),
  }
}

const withId = T.object({ id: T.string }).allowUnknownProperties()
const idLists = T.dict(T.string, T.arrayOf(T.string))

// Records and graph entries are checked as far as tools index them (an id each): their full
// validation is the board's own, on load.
const boardExportBody = T.object({
  format: T.literal(BOARD_EXPORT_FORMAT),
  version: T.literal(BOARD_EXPORT_VERSION),
  exportedAt: T.string,
  seq: T.positiveInteger,
  board: T.object({ id: T.string, title: T.string, schema: T.any }).allowUnknownProperties(),
  roles: T.arrayOf(withId),
  records: T.arrayOf(withId),
  graph: T.object({
    nodes: T.arrayOf(withId),
    edges: T.arrayOf(withId),
    lanes: T.arrayOf(withId),
    stages: T.arrayOf(withId),
    roles: T.arrayOf(withId),
    outgoing: idLists,
    incoming: idLists,
  }).allowUnknownProperties(),
}).allowUnknownProperties()

export function readBoardExportBody(json: unknown): BodyRead<BoardExportBody> {
  const read = readBody(boardExportBody, json, 'the board export (GET /api/boards/:id/export.json)')
  // The entries were checked for their ids only; what they hold beyond is the model's, passed through.
  return read as BodyRead<BoardExportBody>
}
