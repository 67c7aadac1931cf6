import type { TLRecord } from '@tldraw/tlschema'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { WorkflowGraph } from '../graph/workflow-graph.ts'
import type { FlowKind } from '../schema/connector.ts'
import type { TimeRange } from '../schema/flow-timing.ts'
import type { Role } from '../schema/role.ts'
import { connector, workflowShape } from './shape-records.ts'

/** Terse builders of small timed maps for the token-flow tests (walk-through and simulation). */

export const startEvent = (id = 'start') =>
  workflowShape('event', { id, props: { kind: 'start', label: id } })
export const endEvent = (id = 'end') => workflowShape('event', { id, props: { kind: 'end', label: id } })
export const decisionNode = (id: string) => workflowShape('decision', { id, props: { question: `${id}?` } })

export type TimedStep = {
  estimate?: number | null
  estimateRange?: TimeRange | null
  wait?: number | null
  waitRange?: TimeRange | null
  owner?: string | null
}

export const timedStep = (id: string, timing: TimedStep = {}) =>
  workflowShape('step', { id, props: { label: id, estimate: null, ...timing } })

export type FlowInit = { flow?: FlowKind; branch?: string; probability?: number }

/** A connector `from` → `to`, with its id `from-to`; a probability goes into its meta as the inspector writes it. */
export function flowArrow(from: string, to: string, init: FlowInit = {}): TLRecord[] {
  const { probability, ...rest } = init
  const [arrow, ...bindings] = connector({ id: `${from}-${to}`, from, to, ...rest })
  const meta = probability === undefined ? arrow!.meta : { ...arrow!.meta, probability }
  return [{ ...arrow!, meta } as TLRecord, ...bindings]
}

/** Sequence flows along each chain: `chain('a', 'b', 'c')` is a → b → c. */
export const chain = (...ids: string[]): TLRecord[] => ids.slice(1).flatMap((to, k) => flowArrow(ids[k]!, to))

export const graphOfRecords = (records: TLRecord[], roles: Role[] = []): WorkflowGraph =>
  toWorkflowGraph(records, roles)
