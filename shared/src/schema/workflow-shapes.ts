import type { SchemaPropsInfo, TLGlobalShapePropsMap } from '@tldraw/tlschema'
import {
  type ArtifactShapeProps,
  artifactShapeDefaultProps,
  artifactShapeMigrations,
  artifactShapeProps,
} from './artifact.ts'
import {
  type DecisionShapeProps,
  decisionShapeDefaultProps,
  decisionShapeMigrations,
  decisionShapeProps,
} from './decision.ts'
import {
  type EventShapeProps,
  eventShapeDefaultProps,
  eventShapeMigrations,
  eventShapeProps,
} from './event.ts'
import { type LaneShapeProps, laneShapeDefaultProps, laneShapeMigrations, laneShapeProps } from './lane.ts'
import {
  type StageShapeProps,
  stageShapeDefaultProps,
  stageShapeMigrations,
  stageShapeProps,
} from './stage.ts'
import { type StepShapeProps, stepShapeDefaultProps, stepShapeMigrations, stepShapeProps } from './step.ts'

export const WORKFLOW_SHAPE_TYPES = ['stage', 'lane', 'step', 'decision', 'artifact', 'event'] as const
export type WorkflowShapeType = (typeof WORKFLOW_SHAPE_TYPES)[number]

// Registers the workflow shapes' props with tldraw, so `TLShape<'step'>` has the step's props everywhere.
declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    stage: StageShapeProps
    lane: LaneShapeProps
    step: StepShapeProps
    decision: DecisionShapeProps
    artifact: ArtifactShapeProps
    event: EventShapeProps
  }
}

/** The props of a workflow shape type, as its validator defines them. */
export type WorkflowShapeProps<K extends WorkflowShapeType> = TLGlobalShapePropsMap[K]

const workflowShapeTypeSet: ReadonlySet<string> = new Set(WORKFLOW_SHAPE_TYPES)

export function isWorkflowShapeType(type: unknown): type is WorkflowShapeType {
  return typeof type === 'string' && workflowShapeTypeSet.has(type)
}

/** Ready for `createTLSchema({ shapes })` and for the client's ShapeUtils (`static props`/`migrations`). */
export const workflowShapeSchemas = {
  stage: { props: stageShapeProps, migrations: stageShapeMigrations },
  lane: { props: laneShapeProps, migrations: laneShapeMigrations },
  step: { props: stepShapeProps, migrations: stepShapeMigrations },
  decision: { props: decisionShapeProps, migrations: decisionShapeMigrations },
  artifact: { props: artifactShapeProps, migrations: artifactShapeMigrations },
  event: { props: eventShapeProps, migrations: eventShapeMigrations },
} as const satisfies Record<WorkflowShapeType, SchemaPropsInfo>

/**
 * The props a freshly drawn workflow shape gets, defined next to each shape's validator. The client's
 * ShapeUtils return these from `getDefaultProps` (stage order and event kind then follow the page), and
 * the test builders and generators start from them, so all agree on one default.
 */
export const workflowShapeDefaultProps: { readonly [K in WorkflowShapeType]: WorkflowShapeProps<K> } = {
  stage: stageShapeDefaultProps,
  lane: laneShapeDefaultProps,
  step: stepShapeDefaultProps,
  decision: decisionShapeDefaultProps,
  artifact: artifactShapeDefaultProps,
  event: eventShapeDefaultProps,
}
