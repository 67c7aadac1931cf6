import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { flow, inLane, pool, stackInOrder } from './template-layout.ts'

const onCall: Role = { id: 'role:on-call', name: 'On-call engineer', color: '#e03131', kind: 'person' }
const commander: Role = { id: 'role:commander', name: 'Incident commander', color: '#4263eb', kind: 'person' }
const comms: Role = { id: 'role:comms', name: 'Communications', color: '#0c8599', kind: 'team' }

/**
 * From an alert to the postmortem. The on-call engineer decides whether customers are hit: if so the
 * commander declares an incident, communications keep customers informed and the commander leads the
 * mitigation; if not, it is fixed in working hours.
 */
export const incidentResponseTemplate: BoardTemplate = {
  id: 'incident-response',
  name: 'Incident response',
  description: 'From an alert to the postmortem: triage, declare, communicate, mitigate, learn.',
  roles: [onCall, commander, comms],
  records: stackInOrder([
    ...pool(
      'lane',
      'incident-pool',
      [
        { key: 'incident-on-call', label: 'On-call engineer', roleId: onCall.id },
        { key: 'incident-commander', label: 'Incident commander', roleId: commander.id },
        { key: 'incident-comms', label: 'Communications', roleId: comms.id },
      ],
      { cells: 8 },
    ),
    inLane('incident-on-call', 0, 'event', {
      id: 'incident-start',
      props: { kind: 'start', label: 'Alert fires' },
    }),
    inLane('incident-on-call', 1, 'step', { id: 'incident-ack', props: { label: 'Take alert' } }),
    inLane('incident-on-call', 2, 'decision', {
      id: 'incident-impact',
      props: { question: 'Customers affected?' },
    }),
    inLane('incident-on-call', 3, 'step', {
      id: 'incident-ticket',
      props: { label: 'Fix later' },
    }),
    inLane('incident-commander', 3, 'step', { id: 'incident-declare', props: { label: 'Declare incident' } }),
    inLane('incident-comms', 4, 'step', { id: 'incident-status', props: { label: 'Post status' } }),
    inLane('incident-commander', 5, 'step', { id: 'incident-mitigate', props: { label: 'Mitigate' } }),
    inLane('incident-commander', 6, 'step', {
      id: 'incident-postmortem',
      props: { label: 'Postmortem' },
    }),
    inLane('incident-on-call', 7, 'event', { id: 'incident-end', props: { kind: 'end', label: 'Resolved' } }),
    ...flow('incident-f1', 'incident-start', 'incident-ack'),
    ...flow('incident-f2', 'incident-ack', 'incident-impact'),
    ...flow('incident-f3', 'incident-impact', 'incident-declare', { branch: 'yes' }),
    ...flow('incident-f4', 'incident-impact', 'incident-ticket', { branch: 'no' }),
    ...flow('incident-f5', 'incident-declare', 'incident-status'),
    ...flow('incident-f6', 'incident-status', 'incident-mitigate'),
    ...flow('incident-f7', 'incident-mitigate', 'incident-postmortem'),
    ...flow('incident-f8', 'incident-postmortem', 'incident-end'),
    ...flow('incident-f9', 'incident-ticket', 'incident-end'),
  ]),
}
