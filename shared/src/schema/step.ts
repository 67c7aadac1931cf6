import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { addedProp, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

/** The states a step moves through on the board. */
export const STEP_STATUSES = ['todo', 'doing', 'done', 'blocked'] as const
export type StepStatus = (typeof STEP_STATUSES)[number]

/** Who or what executes a step: the automation and AI participation of the workflow. */
export const STEP_AUTOMATIONS = ['manual', 'assisted', 'automated', 'ai-agent'] as const
export type StepAutomation = (typeof STEP_AUTOMATIONS)[number]

/** A unit of work. `owner` names a role id; null means "inherit the lane's role". */
export const stepShapeProps = {
  ...boxShapeProps,
  label: T.string,
  description: T.string,
  owner: T.string.nullable(),
  status: T.literalEnum(...STEP_STATUSES),
  automation: T.literalEnum(...STEP_AUTOMATIONS),
  /** Estimated effort in hours (>= 0); null when nobody has estimated it. */
  estimate: T.positiveNumber.nullable(),
}

export type StepShapeProps = RecordPropsType<typeof stepShapeProps>

/** A new step: an unlabelled card to do, done by hand, owned by its lane's role until someone picks one. */
export const stepShapeDefaultProps: StepShapeProps = {
  w: 220,
  h: 120,
  label: '',
  description: '',
  owner: null,
  status: 'todo',
  automation: 'manual',
  estimate: null,
}

/** Append-only: a released id is never renumbered or removed. */
export const stepShapeVersions = createShapePropsMigrationIds('step', {
  AddAutomation: 1,
  AddEstimate: 2,
})

export const stepShapeMigrations = propsMigrations([
  addedProp(stepShapeVersions.AddAutomation, 'automation', 'manual'),
  addedProp(stepShapeVersions.AddEstimate, 'estimate', null),
])
