import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { raciRolesValidator } from './flow-timing.ts'
import { addedProps, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

/** A decision point; its outgoing connectors carry the branch labels. */
export const decisionShapeProps = {
  ...boxShapeProps,
  question: T.string,
  /** RACI: the roles accountable for the decision taken here. */
  accountable: raciRolesValidator,
  /** RACI: the roles consulted before deciding. */
  consulted: raciRolesValidator,
  /** RACI: the roles told what was decided. */
  informed: raciRolesValidator,
}

export type DecisionShapeProps = RecordPropsType<typeof decisionShapeProps>

/** A new decision: a diamond wider than tall, so a short question fits on two lines. */
export const decisionShapeDefaultProps: DecisionShapeProps = {
  w: 180,
  h: 130,
  question: '',
  accountable: [],
  consulted: [],
  informed: [],
}

/** Append-only: a released id is never renumbered or removed. */
export const decisionShapeVersions = createShapePropsMigrationIds('decision', {
  RenameLabelToQuestion: 1,
  AddRaci: 2,
})

export const decisionShapeMigrations = propsMigrations([
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
  addedProps(decisionShapeVersions.AddRaci, { accountable: [], consulted: [], informed: [] }),
])
