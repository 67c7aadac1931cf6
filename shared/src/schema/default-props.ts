import type { ArtifactShapeProps } from './artifact.ts'
import type { DecisionShapeProps } from './decision.ts'
import type { EventShapeProps } from './event.ts'
import type { LaneShapeProps } from './lane.ts'
import type { StageShapeProps } from './stage.ts'
import type { StepShapeProps } from './step.ts'

/**
 * The props a freshly drawn workflow shape gets. The client's ShapeUtils return these from
 * `getDefaultProps`, and generators and tests start from them, so all agree on one default.
 */
export const workflowShapeDefaultProps: {
  stage: StageShapeProps
  lane: LaneShapeProps
  step: StepShapeProps
  decision: DecisionShapeProps
  artifact: ArtifactShapeProps
  event: EventShapeProps
} = {
  stage: { w: 640, h: 480, label: 'Stage', order: 0 },
  lane: { w: 960, h: 200, label: 'Lane', roleId: null },
  step: {
    w: 160,
    h: 80,
    label: 'Step',
    description: '',
    owner: null,
    status: 'todo',
    automation: 'manual',
    estimate: null,
  },
  decision: { w: 120, h: 120, question: '' },
  artifact: { w: 120, h: 80, kind: 'document', label: 'Document' },
  event: { w: 48, h: 48, kind: 'start', label: '' },
}
