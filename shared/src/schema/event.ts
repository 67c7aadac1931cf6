import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { addedProp, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

/** Entry and exit points of the workflow. */
export const EVENT_KINDS = ['start', 'end'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const eventShapeProps = {
  ...boxShapeProps,
  kind: T.literalEnum(...EVENT_KINDS),
  /** The caption under the circle ("Invoice received"); often empty, the kind says enough. */
  label: T.string,
}

export type EventShapeProps = RecordPropsType<typeof eventShapeProps>

/** A new event: a start (the client makes it an end when the page has a start already). */
export const eventShapeDefaultProps: EventShapeProps = { w: 64, h: 64, kind: 'start', label: '' }

/** Append-only: a released id is never renumbered or removed. */
export const eventShapeVersions = createShapePropsMigrationIds('event', { AddLabel: 1 })

export const eventShapeMigrations = propsMigrations([addedProp(eventShapeVersions.AddLabel, 'label', '')])
