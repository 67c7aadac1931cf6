import {
  createShapePropsMigrationSequence,
  type TLPropsMigration,
  type TLPropsMigrations,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** Every workflow shape is a box tldraw sizes and resizes: its width and height are never zero. */
export const boxShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
}

/**
 * The migration of a prop added after the shape was released: an older record gets `value`, and going
 * down removes the prop again, so a client that has not updated yet can still sync.
 */
export function addedProp(
  id: TLPropsMigration['id'],
  prop: string,
  value: string | number | null,
): TLPropsMigration {
  return {
    id,
    // Props migrations mutate the props object they are given (tldraw's convention).
    up: (props) => {
      props[prop] ??= value
    },
    down: (props) => {
      delete props[prop]
    },
  }
}

/**
 * The migration of several props added in one release. Values are copied per record (an array default
 * is never shared between records), and going down removes them again.
 */
export function addedProps(
  id: TLPropsMigration['id'],
  values: Readonly<Record<string, unknown>>,
): TLPropsMigration {
  return {
    id,
    up: (props) => {
      for (const [prop, value] of Object.entries(values)) props[prop] ??= structuredClone(value)
    },
    down: (props) => {
      for (const prop of Object.keys(values)) delete props[prop]
    },
  }
}

/** A shape's migration sequence, in release order. */
export function propsMigrations(sequence: TLPropsMigration[]): TLPropsMigrations {
  return createShapePropsMigrationSequence({ sequence })
}
