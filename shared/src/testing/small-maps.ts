import type { TLRecord } from '@tldraw/tlschema'
import type { Role } from '../schema/role.ts'
import { connector, workflowShape } from './shape-records.ts'

/** Hand-drawn maps for rule tests: small enough to read, each lint-clean unless a test breaks it. */

export const legalRole: Role = { id: 'role:legal', name: 'Legal', color: '#c33', kind: 'team' }
/** A system, not an AI agent: the AI governance rules have their own fixtures with an agent in them. */
export const botRole: Role = { id: 'role:bot', name: 'Triage bot', color: '#36c', kind: 'system' }

/**
 * start → Intake (in lane Legal) → Approve? ─yes→ Sign → end
 *                                         └─no──→ Reject → end
 */
export function cleanApprovalMap(): TLRecord[] {
  return [
    workflowShape('stage', { id: 'stage', props: { label: 'Review' } }),
    workflowShape('lane', {
      id: 'lane-legal',
      parentId: 'shape:stage',
      props: { label: 'Legal', roleId: legalRole.id },
    }),
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('step', { id: 'intake', parentId: 'shape:lane-legal', props: { label: 'Intake' } }),
    workflowShape('decision', {
      id: 'approve',
      parentId: 'shape:lane-legal',
      props: { question: 'Approve?' },
    }),
    workflowShape('step', { id: 'sign', props: { label: 'Sign', owner: botRole.id } }),
    workflowShape('step', { id: 'reject', parentId: 'shape:lane-legal', props: { label: 'Reject' } }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'intake' }),
    ...connector({ id: 'c2', from: 'intake', to: 'approve' }),
    ...connector({ id: 'c3', from: 'approve', to: 'sign', branch: 'yes' }),
    ...connector({ id: 'c4', from: 'approve', to: 'reject', text: 'no' }),
    ...connector({ id: 'c5', from: 'sign', to: 'end' }),
    ...connector({ id: 'c6', from: 'reject', to: 'end' }),
    ...connector({ id: 'dep', from: 'sign', to: 'intake', flow: 'information' }),
  ]
}

export const approvalRoles: Role[] = [legalRole, botRole]
