import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordPropsType,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** The states a step moves through on the board. */
export const STEP_STATUSES = ['todo', 'doing', 'done', 'blocked'] as const
export type StepStatus = (typeof STEP_STATUSES)[number]

/** Who or what executes a step: the automation and AI participation of the workflow. */
export const STEP_AUTOMATIONS = ['manual', 'assisted', 'automated', 'ai-agent'] as const
export type StepAutomation = (typeof STEP_AUTOMATIONS)[number]

/** A unit of work. `owner` names a role id; null means "inherit the lane's role". */
export const stepShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  label: T.string,
  description: T.string,
  owner: T.string.nullable(),
  status: T.literalEnum(...STEP_STATUSES),
  automation: T.literalEnum(...STEP_AUTOMATIONS),
  /** Estimated effort in hours (>= 0); null when nobody has estimated it. */
  estimate: T.positiveNumber.nullable(),
}

export type StepShapeProps = RecordPropsType<typeof stepShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    step: StepShapeProps
  }
}

/** Append-only: a released id is never renumbered or removed. */
export const stepShapeVersions = createShapePropsMigrationIds('step', {
  AddAutomation: 1,
  AddEstimate: 2,
})

// Props migrations mutate the props object they are given (tldraw's convention).
export const stepShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: stepShapeVersions.AddAutomation,
      up: (props) => {
        props.automation ??= 'manual'
      },
      down: (props) => {
        delete props.automation
      },
    },
    {
      id: stepShapeVersions.AddEstimate,
      up: (props) => {
        props.estimate ??= null
      },
      down: (props) => {
        delete props.estimate
      },
    },
  ],
})
