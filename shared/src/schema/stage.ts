import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { addedProp, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

/** A column or phase of the workflow; it contains lanes or steps (as tldraw children). */
export const stageShapeProps = {
  ...boxShapeProps,
  label: T.string,
  /** Position of the phase in the workflow, independent of where the column is drawn. */
  order: T.number,
}

export type StageShapeProps = RecordPropsType<typeof stageShapeProps>

/**
 * A new stage: a tall unnamed column. Its order here is the one a record from before `order` existed
 * gets; the client numbers a drawn stage after the stages already on its page.
 */
export const stageShapeDefaultProps: StageShapeProps = { w: 320, h: 560, label: '', order: 0 }

/** Append-only: a released id is never renumbered or removed. */
export const stageShapeVersions = createShapePropsMigrationIds('stage', { AddOrder: 1 })

export const stageShapeMigrations = propsMigrations([addedProp(stageShapeVersions.AddOrder, 'order', 0)])
