import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordPropsType,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** Entry and exit points of the workflow. */
export const EVENT_KINDS = ['start', 'end'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const eventShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.literalEnum(...EVENT_KINDS),
  label: T.string,
}

export type EventShapeProps = RecordPropsType<typeof eventShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    event: EventShapeProps
  }
}

/** Append-only: a released id is never renumbered or removed. */
export const eventShapeVersions = createShapePropsMigrationIds('event', {
  AddLabel: 1,
})

export const eventShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: eventShapeVersions.AddLabel,
      up: (props) => {
        props.label ??= ''
      },
      down: (props) => {
        delete props.label
      },
    },
  ],
})
