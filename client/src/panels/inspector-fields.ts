import {
  MAX_DESCRIPTION_CHARS,
  MAX_ESTIMATE_HOURS,
  MAX_LABEL_CHARS,
  type TimeRange,
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
  /** the largest value the field commits (a percent stops at 100) */
  max?: number
  /** whether the field may be emptied (stored as null); a required number keeps its last value */
  nullable: Nullable
}
/**
 * A three-point estimate in hours: the most likely value (prop P, null = unknown) and, when the person
 * asks for one, its range (prop R: `{min, max}` or null). The field keeps min <= likely <= max.
 */
type ThreePointFieldSpec<P extends string, R extends string> = {
  kind: 'three-point'
  prop: P
  rangeProp: R
  label: string
  testId: string
}
/** A RACI column: the role ids ticked, distinct (the validator refuses a repeat). */
type RolesFieldSpec<P extends string> = {
  kind: 'roles'
  prop: P
  label: string
  testId: string
  hint?: string
}

/** Any field of the table, as the inspector renders it. */
export type FieldSpec =
  | TextFieldSpec<string>
  | SelectFieldSpec<string, string>
  | RoleFieldSpec<string>
  | NumberFieldSpec<string, boolean>
  | ThreePointFieldSpec<string, string>
  | RolesFieldSpec<string>

/**
 * The kinds of field that can edit prop P holding a V: text or a choice of V for a string, a role picker
 * for a role id or none, a number field for a number (emptied to null only where the prop allows it).
 */
type FieldFor<P extends string, V, RangeProp extends string> = [V] extends [string]
  ? TextFieldSpec<P> | SelectFieldSpec<P, V>
  : [V] extends [string | null]
    ? RoleFieldSpec<P>
    : [V] extends [readonly string[]]
      ? RolesFieldSpec<P>
      : [V] extends [number]
        ? NumberFieldSpec<P, false>
        : [V] extends [number | null]
          ? NumberFieldSpec<P, boolean> | ThreePointFieldSpec<P, RangeProp>
          : never

/** The props of a shape that hold a time range (`estimateRange`, `waitRange`). */
type RangeProps<Props> = {
  [P in keyof Props & string]: [Props[P]] extends [TimeRange | null] ? P : never
}[keyof Props & string]

/** A field of a shape with these props: it names one of them, with a kind that can hold its value. */
type PropField<Props> = {
  [P in keyof Props & string]: FieldFor<P, Props[P], RangeProps<Props>>
}[keyof Props & string]

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

/** Accountable, consulted, informed: the RACI columns a step and a decision hold (R is the owner). */
const raciFields = (what: 'step' | 'decision') =>
  [
    {
      kind: 'roles',
      prop: 'accountable',
      label: 'Accountable',
      testId: 'inspector-accountable',
      hint: `The one role answerable for the ${what}.`,
    },
    { kind: 'roles', prop: 'consulted', label: 'Consulted', testId: 'inspector-consulted' },
    { kind: 'roles', prop: 'informed', label: 'Informed', testId: 'inspector-informed' },
  ] as const satisfies readonly RolesFieldSpec<'accountable' | 'consulted' | 'informed'>[]

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
    // `estimate` is the process time (named before value-stream timing): the hands-on hours.
    {
      kind: 'three-point',
      prop: 'estimate',
      rangeProp: 'estimateRange',
      label: 'Process time',
      testId: 'inspector-estimate',
    },
    {
      kind: 'three-point',
      prop: 'wait',
      rangeProp: 'waitRange',
      label: 'Wait before',
      testId: 'inspector-wait',
    },
    {
      kind: 'number',
      prop: 'completeAccurate',
      label: '% complete & accurate',
      testId: 'inspector-complete-accurate',
      unit: '%',
      step: 5,
      max: 100,
      nullable: true,
    },
    ...raciFields('step'),
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
  decision: [labelField('Question', 'question', 'inspector-question'), ...raciFields('decision')],
  artifact: [
    labelField('Label', 'label'),
    { kind: 'select', prop: 'kind', label: 'Kind', testId: 'inspector-kind', options: ARTIFACT_KIND_OPTIONS },
  ],
  event: [
    labelField('Label', 'label'),
    { kind: 'select', prop: 'kind', label: 'Kind', testId: 'inspector-kind', options: EVENT_KIND_OPTIONS },
  ],
} satisfies ShapeFieldTable

/** A three-point estimate as the inspector edits it: the likely value and its optional range. */
export type ThreePointValue = { likely: number | null; range: TimeRange | null }

export type ThreePointPart = 'likely' | 'min' | 'max'

/**
 * Why a value typed into one part of a three-point estimate cannot be written (it would break
 * min <= likely <= max), or null when it can. A refused keystroke is not written, so typing "12" into
 * the max of a 3..10 range never writes the 1 in between.
 */
export function threePointProblem(
  current: ThreePointValue,
  part: ThreePointPart,
  value: number,
): string | null {
  if (value > MAX_ESTIMATE_HOURS)
    return `A time is at most ${MAX_ESTIMATE_HOURS.toLocaleString('en-US')} hours.`
  const { likely, range } = current
  if (range === null) return null
  if (part === 'likely' && (value < range.min || value > range.max))
    return `Enter a time from ${range.min} to ${range.max} (the range), or change the range first.`
  if (part === 'min' && value > (likely ?? range.max))
    return `The minimum cannot be above ${likely ?? range.max}.`
  if (part === 'max' && value < (likely ?? range.min))
    return `The maximum cannot be below ${likely ?? range.min}.`
  return null
}

/**
 * The estimate after one accepted edit. Emptying the likely value empties the range too (a range
 * without its likely value is not something a person means); a range starts as likely..likely.
 */
export function editThreePoint(
  current: ThreePointValue,
  part: ThreePointPart | 'range',
  value: number | null | boolean,
): ThreePointValue {
  const { likely, range } = current
  switch (part) {
    case 'range':
      if (value !== true || likely === null) return { likely, range: null }
      return { likely, range: range ?? { min: likely, max: likely } }
    case 'likely':
      if (value === null) return { likely: null, range: null }
      return { likely: value as number, range }
    case 'min':
      return range === null || typeof value !== 'number'
        ? current
        : { likely, range: { ...range, min: value } }
    case 'max':
      return range === null || typeof value !== 'number'
        ? current
        : { likely, range: { ...range, max: value } }
  }
}
