import type { SchemaPropsInfo } from '@tldraw/tlschema'
import { artifactShapeMigrations, artifactShapeProps } from './artifact.ts'
import { decisionShapeMigrations, decisionShapeProps } from './decision.ts'
import { eventShapeMigrations, eventShapeProps } from './event.ts'
import { laneShapeMigrations, laneShapeProps } from './lane.ts'
import { stageShapeMigrations, stageShapeProps } from './stage.ts'
import { stepShapeMigrations, stepShapeProps } from './step.ts'

export const WORKFLOW_SHAPE_TYPES = ['stage', 'lane', 'step', 'decision', 'artifact', 'event'] as const
export type WorkflowShapeType = (typeof WORKFLOW_SHAPE_TYPES)[number]

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
