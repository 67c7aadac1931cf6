import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { chain, flow, inStage, pool, stackInOrder } from './template-layout.ts'

const owner: Role = { id: 'role:process-owner', name: 'Process owner', color: '#4263eb', kind: 'person' }

const STEPS = ['First step', 'Second step', 'Third step', 'Fourth step']
/** The process column, top to bottom: start → four steps → end. */
const PROCESS = ['sipoc-start', ...STEPS.map((_, i) => `sipoc-step-${i + 1}`), 'sipoc-end']

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
    ...pool(
      'stage',
      'sipoc-pool',
      [
        { key: 'sipoc-suppliers', label: 'Suppliers' },
        { key: 'sipoc-inputs', label: 'Inputs' },
        { key: 'sipoc-process', label: 'Process' },
        { key: 'sipoc-outputs', label: 'Outputs' },
        { key: 'sipoc-customers', label: 'Customers' },
      ],
      { cells: 6 },
    ),
    inStage('sipoc-suppliers', 1, 'artifact', {
      id: 'sipoc-supplier',
      props: { kind: 'system', label: 'Supplier' },
    }),
    inStage('sipoc-inputs', 1, 'artifact', {
      id: 'sipoc-input',
      props: { kind: 'document', label: 'Input' },
    }),
    inStage('sipoc-process', 0, 'event', { id: 'sipoc-start', props: { kind: 'start' } }),
    ...STEPS.map((label, i) =>
      inStage('sipoc-process', i + 1, 'step', {
        id: `sipoc-step-${i + 1}`,
        props: { label, owner: owner.id, h: 100 },
      }),
    ),
    inStage('sipoc-process', 5, 'event', { id: 'sipoc-end', props: { kind: 'end', label: 'Done' } }),
    inStage('sipoc-outputs', 4, 'artifact', {
      id: 'sipoc-output',
      props: { kind: 'document', label: 'Output' },
    }),
    inStage('sipoc-customers', 4, 'artifact', {
      id: 'sipoc-customer',
      props: { kind: 'system', label: 'Customer' },
    }),
    ...chain('sipoc-f', PROCESS),
    ...flow('sipoc-i1', 'sipoc-supplier', 'sipoc-input', { flow: 'information' }),
    ...flow('sipoc-i2', 'sipoc-input', 'sipoc-step-1', { flow: 'information' }),
    ...flow('sipoc-i3', 'sipoc-step-4', 'sipoc-output', { flow: 'information' }),
    ...flow('sipoc-i4', 'sipoc-output', 'sipoc-customer', { flow: 'information' }),
  ]),
}
