import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordPropsType,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** A swimlane bound to a role: steps inside it (tldraw children) inherit that role as owner. */
export const laneShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  label: T.string,
  roleId: T.string.nullable(),
}

export type LaneShapeProps = RecordPropsType<typeof laneShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    lane: LaneShapeProps
  }
}

/** Append-only: a released id is never renumbered or removed. */
export const laneShapeVersions = createShapePropsMigrationIds('lane', {
  AddRoleId: 1,
})

export const laneShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: laneShapeVersions.AddRoleId,
      up: (props) => {
        props.roleId ??= null
      },
      down: (props) => {
        delete props.roleId
      },
    },
  ],
})
