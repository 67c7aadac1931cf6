import {
  MAX_DESCRIPTION_CHARS,
  MAX_LABEL_CHARS,
  type WorkflowShapeProps,
  type WorkflowShapeType,
} from '@flowmap/shared'
import {
  ARTIFACT_KIND_OPTIONS,
  AUTOMATION_OPTIONS,
  EVENT_KIND_OPTIONS,
  STATUS_OPTIONS,
} from '../shapes/workflow-vocabulary.ts'

type Option<V extends string = string> = { value: V; label: string }

type TextFieldSpec<P extends string> = {
  kind: 'text'
  prop: P
  label: string
  testId: string
  maxLength: number
  multiline?: boolean
}
type SelectFieldSpec<P extends string, V extends string> = {
  kind: 'select'
  prop: P
  label: string
  testId: string
  options: readonly Option<V>[]
}
type RoleFieldSpec<P extends string> = {
  kind: 'role'
  prop: P
  label: string
  testId: string
  emptyLabel: string
  hint?: string
}
type NumberFieldSpec<P extends string, Nullable extends boolean> = {
  kind: 'number'
  prop: P
  label: string
  testId: string
  unit?: string
  step?: number
  /** whether the field may be emptied (stored as null); a required number keeps its last value */
  nullable: Nullable
}

/** Any field of the table, as the inspector renders it. */
export type FieldSpec =
  | TextFieldSpec<string>
  | SelectFieldSpec<string, string>
  | RoleFieldSpec<string>
  | NumberFieldSpec<string, boolean>

/**
 * The kinds of field that can edit prop P holding a V: text or a choice of V for a string, a role picker
 * for a role id or none, a number field for a number (emptied to null only where the prop allows it).
 */
type FieldFor<P extends string, V> = [V] extends [string]
  ? TextFieldSpec<P> | SelectFieldSpec<P, V>
  : [V] extends [string | null]
    ? RoleFieldSpec<P>
    : [V] extends [number]
      ? NumberFieldSpec<P, false>
      : [V] extends [number | null]
        ? NumberFieldSpec<P, boolean>
        : never

/** A field of a shape with these props: it names one of them, with a kind that can hold its value. */
type PropField<Props> = { [P in keyof Props & string]: FieldFor<P, Props[P]> }[keyof Props & string]

/**
 * Keyed by the props the shared validators define, so renaming or retyping a prop in
 * `@flowmap/shared` fails the typecheck here instead of leaving a field that edits nothing.
 */
export type ShapeFieldTable = {
  readonly [K in WorkflowShapeType]: readonly PropField<WorkflowShapeProps<K>>[]
}

const labelField = <P extends string>(
  label: string,
  prop: P,
  testId = 'inspector-label',
): TextFieldSpec<P> => ({
  kind: 'text',
  prop,
  label,
  testId,
  maxLength: MAX_LABEL_CHARS,
})

/**
 * The fields a shape type shows, in order, each naming the prop it edits: one table instead of one
 * hand-written form per type, so a field looks and behaves the same wherever it appears.
 */
export const SHAPE_FIELDS = {
  step: [
    labelField('Label', 'label'),
    {
      kind: 'text',
      prop: 'description',
      label: 'Description',
      testId: 'inspector-description',
      maxLength: MAX_DESCRIPTION_CHARS,
      multiline: true,
    },
    { kind: 'role', prop: 'owner', label: 'Owner', testId: 'inspector-owner', emptyLabel: 'No owner' },
    { kind: 'select', prop: 'status', label: 'Status', testId: 'inspector-status', options: STATUS_OPTIONS },
    {
      kind: 'select',
      prop: 'automation',
      label: 'Automation',
      testId: 'inspector-automation',
      options: AUTOMATION_OPTIONS,
    },
    {
      kind: 'number',
      prop: 'estimate',
      label: 'Estimate',
      testId: 'inspector-estimate',
      unit: 'hours',
      nullable: true,
    },
  ],
  stage: [
    labelField('Name', 'label'),
    { kind: 'number', prop: 'order', label: 'Order', testId: 'inspector-order', step: 1, nullable: false },
  ],
  lane: [
    labelField('Name', 'label'),
    {
      kind: 'role',
      prop: 'roleId',
      label: 'Role',
      testId: 'inspector-role',
      emptyLabel: 'No role',
      hint: 'Steps dropped into this lane without an owner get this role.',
    },
  ],
  decision: [labelField('Question', 'question', 'inspector-question')],
  artifact: [
    labelField('Label', 'label'),
    { kind: 'select', prop: 'kind', label: 'Kind', testId: 'inspector-kind', options: ARTIFACT_KIND_OPTIONS },
  ],
  event: [
    labelField('Label', 'label'),
    { kind: 'select', prop: 'kind', label: 'Kind', testId: 'inspector-kind', options: EVENT_KIND_OPTIONS },
  ],
} satisfies ShapeFieldTable
