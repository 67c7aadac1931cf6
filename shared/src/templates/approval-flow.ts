import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { flow, inLane, pool, stackInOrder } from './template-layout.ts'

const requester: Role = { id: 'role:requester', name: 'Requester', color: '#4263eb', kind: 'person' }
const approver: Role = { id: 'role:approver', name: 'Approver', color: '#e8590c', kind: 'person' }

/** A request, its review and a decision: approved requests are carried out, others revised and reviewed again. */
export const approvalFlowTemplate: BoardTemplate = {
  id: 'approval',
  name: 'Approval flow',
  description: 'A request, its review and a decision: approve, or send back to revise.',
  roles: [requester, approver],
  records: stackInOrder([
    ...pool(
      'lane',
      'approval-pool',
      [
        { key: 'approval-requester', label: 'Requester', roleId: requester.id },
        { key: 'approval-approver', label: 'Approver', roleId: approver.id },
      ],
      { cells: 6 },
    ),
    inLane('approval-requester', 0, 'event', { id: 'approval-start', props: { kind: 'start' } }),
    inLane('approval-requester', 1, 'step', { id: 'approval-submit', props: { label: 'Submit request' } }),
    inLane('approval-approver', 2, 'step', { id: 'approval-review', props: { label: 'Review request' } }),
    inLane('approval-approver', 3, 'decision', { id: 'approval-decide', props: { question: 'Approve?' } }),
    inLane('approval-requester', 3, 'step', { id: 'approval-revise', props: { label: 'Revise request' } }),
    inLane('approval-approver', 4, 'step', {
      id: 'approval-carry-out',
      props: { label: 'Carry out request' },
    }),
    inLane('approval-approver', 5, 'event', { id: 'approval-end', props: { kind: 'end' } }),
    ...flow('approval-f1', 'approval-start', 'approval-submit'),
    ...flow('approval-f2', 'approval-submit', 'approval-review'),
    ...flow('approval-f3', 'approval-review', 'approval-decide'),
    ...flow('approval-f4', 'approval-decide', 'approval-carry-out', { branch: 'yes' }),
    ...flow('approval-f5', 'approval-decide', 'approval-revise', { branch: 'no' }),
    ...flow('approval-f6', 'approval-revise', 'approval-review'),
    ...flow('approval-f7', 'approval-carry-out', 'approval-end'),
  ]),
}
