import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordPropsType,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** A decision point; its outgoing connectors carry the branch labels. */
export const decisionShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  question: T.string,
}

export type DecisionShapeProps = RecordPropsType<typeof decisionShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    decision: DecisionShapeProps
  }
}

/** Append-only: a released id is never renumbered or removed. */
export const decisionShapeVersions = createShapePropsMigrationIds('decision', {
  RenameLabelToQuestion: 1,
})

export const decisionShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: decisionShapeVersions.RenameLabelToQuestion,
      // Idempotent: a record already in the new shape (written by a newer client under an older
      // board schema) keeps its question.
      up: (props) => {
        props.question ??= props.label ?? ''
        delete props.label
      },
      down: (props) => {
        props.label = props.question
        delete props.question
      },
    },
  ],
})
