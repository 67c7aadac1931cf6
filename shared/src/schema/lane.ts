import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { addedProp, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

/** A swimlane bound to a role: steps inside it (tldraw children) inherit that role as owner. */
export const laneShapeProps = {
  ...boxShapeProps,
  label: T.string,
  roleId: T.string.nullable(),
}

export type LaneShapeProps = RecordPropsType<typeof laneShapeProps>

/** A new lane: a wide unnamed row with no role yet (the checks ask for one). */
export const laneShapeDefaultProps: LaneShapeProps = { w: 960, h: 200, label: '', roleId: null }

/** Append-only: a released id is never renumbered or removed. */
export const laneShapeVersions = createShapePropsMigrationIds('lane', { AddRoleId: 1 })

export const laneShapeMigrations = propsMigrations([addedProp(laneShapeVersions.AddRoleId, 'roleId', null)])
