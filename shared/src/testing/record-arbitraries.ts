import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { ARTIFACT_KINDS } from '../schema/artifact.ts'
import { EVENT_KINDS } from '../schema/event.ts'
import { STEP_AUTOMATIONS, STEP_STATUSES } from '../schema/step.ts'
import { connector, workflowShape } from './shape-records.ts'

/** fast-check arbitraries of valid board records, for property tests of the doc layout. */

const size = fc.double({ min: 1, max: 5000, noNaN: true })
const label = fc.string({ maxLength: 20 })
const nullableId = fc.option(fc.constantFrom('role:a', 'role:b', 'role:c'), { nil: null })
const metaValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null))
const meta = fc.dictionary(fc.constantFrom('note', 'tag', 'votes', 'color'), metaValue, { maxKeys: 3 })
const position = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
})
const recordId = fc.constantFrom('a', 'b', 'c', 'd')
const hours = fc.double({ min: 0, max: 1000, noNaN: true })
const timeRange = fc.option(
  fc.tuple(hours, hours).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
  { nil: null },
)
/** RACI columns: distinct role ids, as the validator wants them. */
const raciRoles = fc.uniqueArray(fc.constantFrom('role:a', 'role:b', 'role:c'), { maxLength: 3 })

export const stepArbitrary = fc
  .record({
    id: recordId,
    position,
    meta,
    props: fc.record({
      w: size,
      h: size,
      label,
      description: label,
      owner: nullableId,
      status: fc.constantFrom(...STEP_STATUSES),
      automation: fc.constantFrom(...STEP_AUTOMATIONS),
      estimate: fc.option(hours, { nil: null }),
      estimateRange: timeRange,
      wait: fc.option(hours, { nil: null }),
      waitRange: timeRange,
      completeAccurate: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      accountable: raciRoles,
      consulted: raciRoles,
      informed: raciRoles,
    }),
  })
  .map(({ id, position, meta, props }) => workflowShape('step', { id, ...position, meta, props }))

export const workflowRecordArbitrary: fc.Arbitrary<TLRecord> = fc.oneof(
  stepArbitrary,
  fc
    .record({ id: recordId, label, order: fc.integer(), w: size, h: size, position })
    .map(({ id, position, ...props }) => workflowShape('stage', { id, ...position, props })),
  fc
    .record({ id: recordId, label, roleId: nullableId, w: size, h: size })
    .map(({ id, ...props }) => workflowShape('lane', { id, props })),
  fc
    .record({
      id: recordId,
      question: label,
      w: size,
      h: size,
      meta,
      accountable: raciRoles,
      consulted: raciRoles,
      informed: raciRoles,
    })
    .map(({ id, meta, ...props }) => workflowShape('decision', { id, meta, props })),
  fc
    .record({ id: recordId, label, kind: fc.constantFrom(...ARTIFACT_KINDS) })
    .map(({ id, ...props }) => workflowShape('artifact', { id, props })),
  fc
    .record({ id: recordId, label, kind: fc.constantFrom(...EVENT_KINDS) })
    .map(({ id, ...props }) => workflowShape('event', { id, props })),
  fc
    .record({
      id: recordId,
      text: label,
      flow: fc.constantFrom('sequence', 'dependency', 'information' as const),
      /** A branch probability, as arrows leaving a decision carry one. */
      probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    })
    .map(({ id, text, flow, probability }) => {
      const arrow = connector({ id, from: null, to: null, text, flow })[0]!
      return probability === null ? arrow : { ...arrow, meta: { ...arrow.meta, probability } }
    }),
) as fc.Arbitrary<TLRecord>

/** Ids from small fixed pools, so that random edits keep hitting the same shapes. */
export interface EditIdPools {
  nodeId: fc.Arbitrary<string>
  laneId: fc.Arbitrary<string>
  stageId: fc.Arbitrary<string>
  arrowId: fc.Arbitrary<string>
}

/** One to three record ids to delete: shapes of every kind, and the bindings of arrows' ends. */
export function removedIdsArbitrary(pools: EditIdPools): fc.Arbitrary<string[]> {
  const shapeRef = (id: string) => `shape:${id}`
  return fc.array(
    fc.oneof(
      pools.nodeId.map(shapeRef),
      pools.laneId.map(shapeRef),
      pools.stageId.map(shapeRef),
      pools.arrowId.map(shapeRef),
      fc
        .tuple(pools.arrowId, fc.constantFrom('start', 'end'))
        .map(([arrow, end]) => `binding:${arrow}-${end}`),
    ),
    { minLength: 1, maxLength: 3 },
  )
}
