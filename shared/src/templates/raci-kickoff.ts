import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { chain, flow, inLane, pool, stackInOrder } from './template-layout.ts'

const sponsor: Role = { id: 'role:sponsor', name: 'Sponsor', color: '#e8590c', kind: 'person' }
const lead: Role = { id: 'role:project-lead', name: 'Project lead', color: '#4263eb', kind: 'person' }
const team: Role = { id: 'role:delivery-team', name: 'Delivery team', color: '#2f9e44', kind: 'team' }
const stakeholders: Role = { id: 'role:stakeholders', name: 'Stakeholders', color: '#868e96', kind: 'team' }

/**
 * A project kick-off that settles who does what: one lane per RACI letter (accountable, responsible,
 * consulted, informed), and the signed-off RACI matrix as the document it produces.
 */
export const raciKickoffTemplate: BoardTemplate = {
  id: 'raci-kickoff',
  name: 'RACI kick-off',
  description: 'A project kick-off that agrees who is responsible, accountable, consulted and informed.',
  roles: [sponsor, lead, team, stakeholders],
  records: stackInOrder([
    ...pool(
      'lane',
      'raci-pool',
      [
        { key: 'raci-accountable', label: 'Accountable: Sponsor', roleId: sponsor.id },
        { key: 'raci-responsible', label: 'Responsible: Project lead', roleId: lead.id },
        { key: 'raci-consulted', label: 'Consulted: Delivery team', roleId: team.id },
        { key: 'raci-informed', label: 'Informed: Stakeholders', roleId: stakeholders.id },
      ],
      { cells: 8 },
    ),
    inLane('raci-accountable', 0, 'event', { id: 'raci-start', props: { kind: 'start', label: 'Kick-off' } }),
    inLane('raci-accountable', 1, 'step', { id: 'raci-goals', props: { label: 'Agree scope' } }),
    inLane('raci-responsible', 2, 'step', { id: 'raci-draft', props: { label: 'Draft RACI matrix' } }),
    inLane('raci-responsible', 5, 'artifact', {
      id: 'raci-matrix',
      props: { kind: 'document', label: 'RACI matrix' },
    }),
    inLane('raci-consulted', 3, 'step', { id: 'raci-review', props: { label: 'Review roles' } }),
    inLane('raci-accountable', 4, 'step', { id: 'raci-sign-off', props: { label: 'Sign off RACI' } }),
    inLane('raci-informed', 6, 'step', { id: 'raci-share', props: { label: 'Read notes' } }),
    inLane('raci-informed', 7, 'event', { id: 'raci-end', props: { kind: 'end' } }),
    ...chain('raci-f', [
      'raci-start',
      'raci-goals',
      'raci-draft',
      'raci-review',
      'raci-sign-off',
      'raci-share',
      'raci-end',
    ]),
    ...flow('raci-i1', 'raci-sign-off', 'raci-matrix', { flow: 'information' }),
  ]),
}
