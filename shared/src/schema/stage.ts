import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordPropsType,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** A column or phase of the workflow; it contains lanes or steps (as tldraw children). */
export const stageShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  label: T.string,
  /** Position of the phase in the workflow, independent of where the column is drawn. */
  order: T.number,
}

export type StageShapeProps = RecordPropsType<typeof stageShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    stage: StageShapeProps
  }
}

/** Append-only: a released id is never renumbered or removed. */
export const stageShapeVersions = createShapePropsMigrationIds('stage', {
  AddOrder: 1,
})

export const stageShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: stageShapeVersions.AddOrder,
      up: (props) => {
        props.order ??= 0
      },
      down: (props) => {
        delete props.order
      },
    },
  ],
})
