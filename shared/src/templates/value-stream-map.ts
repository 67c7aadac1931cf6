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

/**
 * Customer order to delivery as a value stream: one stage per process box, each step with its
 * process time as the estimate and its wait in the description, and the plan that drives production
 * as an information flow.
 */
export const valueStreamMapTemplate: BoardTemplate = {
  id: 'value-stream',
  name: 'Value stream map',
  description: 'The process boxes from order to delivery, with process time and wait for each.',
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
      props: { label: 'Enter order', owner: sales.id, estimate: 0.5, description: 'Wait before: 1 day' },
    }),
    inStage('vsm-scheduling', 0, 'step', {
      id: 'vsm-schedule',
      props: { label: 'Schedule job', owner: planning.id, estimate: 1, description: 'Wait before: 2 days' },
    }),
    inStage('vsm-scheduling', 1, 'artifact', {
      id: 'vsm-plan',
      props: { kind: 'data', label: 'Production plan' },
    }),
    inStage('vsm-production', 0, 'step', {
      id: 'vsm-build',
      props: { label: 'Build', owner: production.id, estimate: 6, description: 'Wait before: 3 days' },
    }),
    inStage('vsm-quality', 0, 'step', {
      id: 'vsm-inspect',
      props: { label: 'Inspect', owner: quality.id, estimate: 1, description: 'Wait before: 1 day' },
    }),
    inStage('vsm-delivery', 0, 'step', {
      id: 'vsm-deliver',
      props: { label: 'Deliver', owner: logistics.id, estimate: 4, description: 'Wait before: 2 days' },
    }),
    workflowShape('event', {
      id: 'vsm-end',
      x: STAGES_X + 5 * 320 + 60,
      y: FLOW_Y,
      props: { kind: 'end', label: 'Delivered' },
    }),
    ...chain('vsm-f', [
      'vsm-start',
      'vsm-enter',
      'vsm-schedule',
      'vsm-build',
      'vsm-inspect',
      'vsm-deliver',
      'vsm-end',
    ]),
    ...flow('vsm-i1', 'vsm-plan', 'vsm-build', { flow: 'information' }),
  ]),
}
