import type { TLRecord } from '@tldraw/tlschema'
import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { workflowShape } from './record-builders.ts'
import { chain, flow, inStage, pool, ROW_HEIGHT, stackInOrder } from './template-layout.ts'

const sales: Role = { id: 'role:sales', name: 'Sales', color: '#4263eb', kind: 'team' }
const planning: Role = { id: 'role:planning', name: 'Planning', color: '#e8590c', kind: 'team' }
const production: Role = { id: 'role:production', name: 'Production', color: '#2f9e44', kind: 'team' }
const quality: Role = { id: 'role:quality', name: 'Quality', color: '#ae3ec9', kind: 'team' }
const logistics: Role = { id: 'role:logistics', name: 'Logistics', color: '#f59f00', kind: 'team' }

const STAGES_X = 160
/** The stages' first row, where the process boxes are, centred: the events sit level with them. */
const FLOW_Y = 44 + 36 + (ROW_HEIGHT - 30 - 120) / 2 + (120 - 64) / 2

/** How often a case takes a branch of the quality decision: the arrow's meta as the inspector writes it. */
function withProbability(records: TLRecord[], probability: number): TLRecord[] {
  return records.map((record) =>
    record.typeName === 'shape' && record.type === 'arrow'
      ? { ...record, meta: { ...record.meta, probability } }
      : record,
  )
}

/**
 * Customer order to delivery as a value stream: one stage per process box, each step with its process
 * time and the wait before it (hours, a working day being 8; most likely with a min–max range), its
 * % complete & accurate and the role accountable for it. One case in ten fails inspection and goes
 * back to production (rework), and the plan that drives production is an information flow.
 */
export const valueStreamMapTemplate: BoardTemplate = {
  id: 'value-stream',
  name: 'Value stream map',
  description: 'The process boxes from order to delivery, with process time, wait and % C&A for each.',
  roles: [sales, planning, production, quality, logistics],
  records: stackInOrder([
    ...pool(
      'stage',
      'vsm-pool',
      [
        { key: 'vsm-intake', label: 'Order intake' },
        { key: 'vsm-scheduling', label: 'Scheduling' },
        { key: 'vsm-production', label: 'Production' },
        { key: 'vsm-quality', label: 'Quality check' },
        { key: 'vsm-delivery', label: 'Delivery' },
      ],
      { cells: 2, x: STAGES_X },
    ),
    workflowShape('event', { id: 'vsm-start', x: 40, y: FLOW_Y, props: { kind: 'start', label: 'Order' } }),
    inStage('vsm-intake', 0, 'step', {
      id: 'vsm-enter',
      props: {
        label: 'Enter order',
        owner: sales.id,
        estimate: 0.5,
        estimateRange: { min: 0.25, max: 1 },
        wait: 8,
        waitRange: { min: 4, max: 16 },
        completeAccurate: 90,
        accountable: [sales.id],
      },
    }),
    inStage('vsm-scheduling', 0, 'step', {
      id: 'vsm-schedule',
      props: {
        label: 'Schedule job',
        owner: planning.id,
        estimate: 1,
        wait: 16,
        waitRange: { min: 8, max: 24 },
        completeAccurate: 95,
        accountable: [planning.id],
        consulted: [production.id],
      },
    }),
    inStage('vsm-scheduling', 1, 'artifact', {
      id: 'vsm-plan',
      props: { kind: 'data', label: 'Production plan' },
    }),
    inStage('vsm-production', 0, 'step', {
      id: 'vsm-build',
      props: {
        label: 'Build',
        owner: production.id,
        estimate: 6,
        estimateRange: { min: 5, max: 8 },
        wait: 24,
        waitRange: { min: 16, max: 40 },
        completeAccurate: 85,
        accountable: [production.id],
      },
    }),
    inStage('vsm-quality', 0, 'step', {
      id: 'vsm-inspect',
      props: {
        label: 'Inspect',
        owner: quality.id,
        estimate: 1,
        wait: 8,
        completeAccurate: 98,
        accountable: [quality.id],
        informed: [production.id],
      },
    }),
    inStage('vsm-quality', 1, 'decision', {
      id: 'vsm-passes',
      props: { question: 'Passes inspection?', accountable: [quality.id], informed: [sales.id] },
    }),
    inStage('vsm-delivery', 0, 'step', {
      id: 'vsm-deliver',
      props: {
        label: 'Deliver',
        owner: logistics.id,
        estimate: 4,
        estimateRange: { min: 3, max: 6 },
        wait: 16,
        waitRange: { min: 8, max: 24 },
        completeAccurate: 100,
        accountable: [logistics.id],
        informed: [sales.id],
      },
    }),
    workflowShape('event', {
      id: 'vsm-end',
      x: STAGES_X + 5 * 320 + 60,
      y: FLOW_Y,
      props: { kind: 'end', label: 'Delivered' },
    }),
    ...chain('vsm-f', ['vsm-start', 'vsm-enter', 'vsm-schedule', 'vsm-build', 'vsm-inspect', 'vsm-passes']),
    ...withProbability(flow('vsm-yes', 'vsm-passes', 'vsm-deliver', { branch: 'yes' }), 0.9),
    ...withProbability(flow('vsm-no', 'vsm-passes', 'vsm-build', { branch: 'no, rework' }), 0.1),
    ...flow('vsm-f7', 'vsm-deliver', 'vsm-end'),
    ...flow('vsm-i1', 'vsm-plan', 'vsm-build', { flow: 'information' }),
  ]),
}
