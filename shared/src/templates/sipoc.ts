import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { flow, inStage, stackInOrder, stagePool } from './template-layout.ts'

const owner: Role = { id: 'role:process-owner', name: 'Process owner', color: '#4263eb', kind: 'person' }

/**
 * Suppliers, Inputs, Process, Outputs, Customers as five stages. The process runs down its column
 * (start → four steps → end); information connectors carry what each supplier gives and each
 * customer gets.
 */
export const sipocTemplate: BoardTemplate = {
  id: 'sipoc',
  name: 'SIPOC',
  description: 'Suppliers, inputs, process, outputs and customers of one process, side by side.',
  roles: [owner],
  records: stackInOrder([
    ...stagePool(
      'sipoc-pool',
      [
        { key: 'sipoc-suppliers', label: 'Suppliers' },
        { key: 'sipoc-inputs', label: 'Inputs' },
        { key: 'sipoc-process', label: 'Process' },
        { key: 'sipoc-outputs', label: 'Outputs' },
        { key: 'sipoc-customers', label: 'Customers' },
      ],
      { rows: 6 },
    ),
    inStage('sipoc-suppliers', 1, 'artifact', {
      id: 'sipoc-supplier',
      props: { kind: 'system', label: 'Supplier' },
    }),
    inStage('sipoc-inputs', 1, 'artifact', {
      id: 'sipoc-input',
      props: { kind: 'document', label: 'Input' },
    }),
    inStage('sipoc-process', 0, 'event', { id: 'sipoc-start', props: { kind: 'start', label: 'Trigger' } }),
    inStage('sipoc-process', 1, 'step', {
      id: 'sipoc-step-1',
      props: { label: 'First step', owner: owner.id, h: 100 },
    }),
    inStage('sipoc-process', 2, 'step', {
      id: 'sipoc-step-2',
      props: { label: 'Second step', owner: owner.id, h: 100 },
    }),
    inStage('sipoc-process', 3, 'step', {
      id: 'sipoc-step-3',
      props: { label: 'Third step', owner: owner.id, h: 100 },
    }),
    inStage('sipoc-process', 4, 'step', {
      id: 'sipoc-step-4',
      props: { label: 'Fourth step', owner: owner.id, h: 100 },
    }),
    inStage('sipoc-process', 5, 'event', { id: 'sipoc-end', props: { kind: 'end', label: 'Done' } }),
    inStage('sipoc-outputs', 4, 'artifact', {
      id: 'sipoc-output',
      props: { kind: 'document', label: 'Output' },
    }),
    inStage('sipoc-customers', 4, 'artifact', {
      id: 'sipoc-customer',
      props: { kind: 'system', label: 'Customer' },
    }),
    ...flow('sipoc-f1', 'sipoc-start', 'sipoc-step-1'),
    ...flow('sipoc-f2', 'sipoc-step-1', 'sipoc-step-2'),
    ...flow('sipoc-f3', 'sipoc-step-2', 'sipoc-step-3'),
    ...flow('sipoc-f4', 'sipoc-step-3', 'sipoc-step-4'),
    ...flow('sipoc-f5', 'sipoc-step-4', 'sipoc-end'),
    ...flow('sipoc-i1', 'sipoc-supplier', 'sipoc-input', { flow: 'information' }),
    ...flow('sipoc-i2', 'sipoc-input', 'sipoc-step-1', { flow: 'information' }),
    ...flow('sipoc-i3', 'sipoc-step-4', 'sipoc-output', { flow: 'information' }),
    ...flow('sipoc-i4', 'sipoc-output', 'sipoc-customer', { flow: 'information' }),
  ]),
}
