import type { Role } from '../schema/role.ts'
import type { BoardTemplate } from './board-template.ts'
import { flow, inLane, pool, stackInOrder } from './template-layout.ts'

const lead: Role = { id: 'role:content-lead', name: 'Content lead', color: '#4263eb', kind: 'person' }
const agent: Role = { id: 'role:writer-agent', name: 'Writer agent', color: '#ae3ec9', kind: 'ai-agent' }
const editor: Role = { id: 'role:editor', name: 'Editor', color: '#2f9e44', kind: 'person' }

/**
 * Content made with an AI agent and checked by a person: the agent drafts and self-checks, an editor
 * reviews every piece before it goes out, and the agent revises what needs changes for another review.
 */
export const aiContentPipelineTemplate: BoardTemplate = {
  id: 'ai-content',
  name: 'AI-assisted content pipeline',
  description: 'An AI agent drafts and checks; a human editor reviews every piece before it is published.',
  roles: [lead, agent, editor],
  records: stackInOrder([
    ...pool(
      'lane',
      'ai-content-pool',
      [
        { key: 'ai-content-lead', label: 'Content lead', roleId: lead.id },
        { key: 'ai-content-agent', label: 'Writer agent (AI)', roleId: agent.id },
        { key: 'ai-content-editor', label: 'Editor', roleId: editor.id },
      ],
      { cells: 8 },
    ),
    inLane('ai-content-lead', 0, 'event', { id: 'ai-content-start', props: { kind: 'start' } }),
    inLane('ai-content-lead', 1, 'step', {
      id: 'ai-content-brief',
      props: { label: 'Write brief', accountable: [lead.id] },
    }),
    inLane('ai-content-agent', 2, 'step', {
      id: 'ai-content-draft',
      props: { label: 'Draft article', automation: 'ai-agent', accountable: [lead.id] },
    }),
    inLane('ai-content-agent', 3, 'step', {
      id: 'ai-content-check',
      props: { label: 'Check facts', automation: 'ai-agent', accountable: [lead.id] },
    }),
    inLane('ai-content-editor', 4, 'step', {
      id: 'ai-content-review',
      props: {
        label: 'Human review',
        description: 'A person reads every piece before it goes out',
        accountable: [editor.id],
      },
    }),
    inLane('ai-content-editor', 5, 'decision', {
      id: 'ai-content-ready',
      props: { question: 'Ready to publish?', accountable: [editor.id] },
    }),
    inLane('ai-content-agent', 5, 'step', {
      id: 'ai-content-revise',
      props: { label: 'Revise draft', automation: 'ai-agent', accountable: [lead.id] },
    }),
    inLane('ai-content-lead', 6, 'step', {
      id: 'ai-content-publish',
      props: { label: 'Publish', automation: 'automated', accountable: [lead.id] },
    }),
    inLane('ai-content-lead', 7, 'event', { id: 'ai-content-end', props: { kind: 'end' } }),
    ...flow('ai-content-f1', 'ai-content-start', 'ai-content-brief'),
    ...flow('ai-content-f2', 'ai-content-brief', 'ai-content-draft'),
    ...flow('ai-content-f3', 'ai-content-draft', 'ai-content-check'),
    ...flow('ai-content-f4', 'ai-content-check', 'ai-content-review'),
    ...flow('ai-content-f5', 'ai-content-review', 'ai-content-ready'),
    ...flow('ai-content-f6', 'ai-content-ready', 'ai-content-publish', { branch: 'yes' }),
    ...flow('ai-content-f7', 'ai-content-ready', 'ai-content-revise', { branch: 'needs changes' }),
    ...flow('ai-content-f9', 'ai-content-revise', 'ai-content-review'),
    ...flow('ai-content-f8', 'ai-content-publish', 'ai-content-end'),
  ]),
}
