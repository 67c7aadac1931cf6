import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { chain, inLane, pool, stackInOrder } from './template-layout.ts'

const customer: Role = { id: 'role:customer', name: 'Customer', color: '#4263eb', kind: 'person' }
const sales: Role = { id: 'role:sales', name: 'Sales', color: '#e8590c', kind: 'team' }
const operations: Role = { id: 'role:operations', name: 'Operations', color: '#2f9e44', kind: 'team' }

/**
 * Order to delivery across three roles, one lane each; every step takes its lane's role:
 * Customer: start → Place order ······························ Receive order → end
 * Sales:                 Check order → Confirm order
 * Operations:                              Pack order → Ship order
 */
export const swimlaneProcessTemplate: BoardTemplate = {
  id: 'swimlane',
  name: 'Swimlane process',
  description: 'A process across three roles, one lane each, from the first request to the last step.',
  roles: [customer, sales, operations],
  records: stackInOrder([
    ...pool(
      'lane',
      'swimlane-pool',
      [
        { key: 'swimlane-customer', label: 'Customer', roleId: customer.id },
        { key: 'swimlane-sales', label: 'Sales', roleId: sales.id },
        { key: 'swimlane-operations', label: 'Operations', roleId: operations.id },
      ],
      { cells: 8 },
    ),
    inLane('swimlane-customer', 0, 'event', { id: 'swimlane-start', props: { kind: 'start' } }),
    inLane('swimlane-customer', 1, 'step', { id: 'swimlane-order', props: { label: 'Place order' } }),
    inLane('swimlane-sales', 2, 'step', { id: 'swimlane-check', props: { label: 'Check order' } }),
    inLane('swimlane-sales', 3, 'step', { id: 'swimlane-confirm', props: { label: 'Confirm order' } }),
    inLane('swimlane-operations', 4, 'step', { id: 'swimlane-pack', props: { label: 'Pack order' } }),
    inLane('swimlane-operations', 5, 'step', { id: 'swimlane-ship', props: { label: 'Ship order' } }),
    inLane('swimlane-customer', 6, 'step', { id: 'swimlane-receive', props: { label: 'Receive order' } }),
    inLane('swimlane-customer', 7, 'event', { id: 'swimlane-end', props: { kind: 'end' } }),
    ...chain('swimlane-f', [
      'swimlane-start',
      'swimlane-order',
      'swimlane-check',
      'swimlane-confirm',
      'swimlane-pack',
      'swimlane-ship',
      'swimlane-receive',
      'swimlane-end',
    ]),
  ]),
}
