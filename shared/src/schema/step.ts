import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import {
  completeAccurateValidator,
  estimateHoursValidator,
  raciRolesValidator,
  timeRangeValidator,
} from './flow-timing.ts'
import { addedProp, addedProps, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

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
  /**
   * Process time: the hands-on hours of the step, most likely (>= 0); null when nobody has estimated it.
   * (Named before value-stream timing existed; the inspector calls it "Process time".)
   */
  estimate: T.positiveNumber.nullable(),
  /** Optimistic and pessimistic process time, when the estimate is a range. */
  estimateRange: timeRangeValidator.nullable(),
  /** Wait time: hours the work waits before this step starts, most likely; null when not known. */
  wait: estimateHoursValidator.nullable(),
  /** Optimistic and pessimistic wait, when it is a range. */
  waitRange: timeRangeValidator.nullable(),
  /** Percent complete and accurate (0–100): how much of its output the next step can use unchanged. */
  completeAccurate: completeAccurateValidator.nullable(),
  /** RACI: the roles accountable for the step (the owner is the responsible one). Exactly one is sound. */
  accountable: raciRolesValidator,
  /** RACI: the roles consulted before or during the step. */
  consulted: raciRolesValidator,
  /** RACI: the roles informed when the step is done. */
  informed: raciRolesValidator,
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
  estimateRange: null,
  wait: null,
  waitRange: null,
  completeAccurate: null,
  accountable: [],
  consulted: [],
  informed: [],
}

/** Append-only: a released id is never renumbered or removed. */
export const stepShapeVersions = createShapePropsMigrationIds('step', {
  AddAutomation: 1,
  AddEstimate: 2,
  AddFlowTiming: 3,
  AddRaci: 4,
})

export const stepShapeMigrations = propsMigrations([
  addedProp(stepShapeVersions.AddAutomation, 'automation', 'manual'),
  addedProp(stepShapeVersions.AddEstimate, 'estimate', null),
  addedProps(stepShapeVersions.AddFlowTiming, {
    estimateRange: null,
    wait: null,
    waitRange: null,
    completeAccurate: null,
  }),
  addedProps(stepShapeVersions.AddRaci, { accountable: [], consulted: [], informed: [] }),
])
