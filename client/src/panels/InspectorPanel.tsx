import {
  attachmentOf,
  type FlowKind,
  isWorkflowShapeType,
  MAX_BRANCH_LABEL_CHARS,
  type Role,
  readConnectorMeta,
} from '@flowmap/shared'
import { type Editor, type TLArrowShape, type TLShape, toRichText, useValue } from 'tldraw'
import { openAttachment } from '../assets/attachment-artifact.ts'
import { boardAssetStoreOf } from '../assets/board-asset-store.ts'
import { decisionArrowStartsAt } from '../shapes/connector-flow.ts'
import { addNextStep, canContinueFrom } from '../shapes/next-step.ts'
import { turnNotesIntoSteps } from '../shapes/note-to-step.ts'
import { AUTOMATION_OPTIONS, FLOW_KIND_OPTIONS, STATUS_OPTIONS } from '../shapes/workflow-vocabulary.ts'
import { useWorkshop } from '../workshop/workshop-state.ts'
import {
  editThreePoint,
  type FieldSpec,
  SHAPE_FIELDS,
  type ThreePointPart,
  type ThreePointValue,
  threePointProblem,
} from './inspector-fields.ts'
import { CheckboxField, ChoiceListField, NumberField, SelectField, TextField } from './panel-fields.tsx'

const NO_ROLE = ''

import { Fragment } from 'react'

type InspectorProps = { editor: Editor; roles: readonly Role[] }

/** Properties of the selection, like bpmn.io's properties panel: what a shape means, not how it looks. */
export function InspectorPanel({ editor, roles }: InspectorProps) {
  const selected = useValue('selected shapes', () => editor.getSelectedShapes(), [editor])
  const readonly = useValue('is readonly', () => editor.getIsReadonly(), [editor])

  return (
    <section
      className="flowmap-panel"
      aria-labelledby="flowmap-inspector-title"
      data-testid="inspector-panel"
    >
      <h2 className="flowmap-panel__title" id="flowmap-inspector-title">
        {selected.length === 1
          ? titleFor(selected[0]!)
          : selected.length > 1
            ? `${selected.length} shapes`
            : 'Properties'}
      </h2>
      {selected.length === 0 && (
        <p className="flowmap-panel__empty">Select a shape to see and edit its properties.</p>
      )}
      {selected.length === 1 && (
        <ShapeFields editor={editor} shape={selected[0]!} roles={roles} readonly={readonly} />
      )}
      {selected.length === 1 && canContinueFrom(selected[0]) && !readonly && (
        <button
          type="button"
          className="flowmap-button flowmap-panel__action"
          title="Add a step after this one, joined by an arrow (Shift+S)"
          data-testid="inspector-add-next-step"
          onClick={() => addNextStep(editor, selected[0]!.id)}
        >
          Add next step
        </button>
      )}
      {selected.length > 1 && (
        <ManyShapesFields editor={editor} shapes={selected} roles={roles} readonly={readonly} />
      )}
    </section>
  )
}

function titleFor(shape: TLShape): string {
  switch (shape.type) {
    case 'step':
      return 'Step'
    case 'stage':
      return 'Stage'
    case 'lane':
      return 'Swimlane'
    case 'decision':
      return 'Decision'
    case 'artifact':
      return 'Artifact'
    case 'event':
      return 'Start / end event'
    case 'arrow':
      return 'Connector'
    case 'note':
      return 'Sticky note'
    default:
      return shape.type[0]!.toUpperCase() + shape.type.slice(1)
  }
}

function roleOptions(roles: readonly Role[], emptyLabel: string) {
  return [
    { value: NO_ROLE, label: emptyLabel },
    ...roles.map((role) => ({ value: role.id, label: role.name || '(unnamed)' })),
  ]
}

/** Keeps a dangling id selectable (its role was deleted elsewhere) instead of silently showing "none". */
function withUnknownRole(options: { value: string; label: string }[], roleId: string | null) {
  if (roleId === null || options.some((option) => option.value === roleId)) return options
  return [...options, { value: roleId, label: 'Unknown role (deleted?)' }]
}

type FieldsProps = { editor: Editor; shape: TLShape; roles: readonly Role[]; readonly: boolean }

function ShapeFields({ editor, shape, roles, readonly }: FieldsProps) {
  const toolsRestricted = useWorkshop(editor)?.toolsRestricted ?? false
  // One undo step per field visit: everything typed between focus and blur undoes together.
  const startEdit = () => editor.markHistoryStoppingPoint('inspector edit')
  const fields: readonly FieldSpec[] | undefined = isWorkflowShapeType(shape.type)
    ? SHAPE_FIELDS[shape.type]
    : undefined
  if (fields !== undefined) {
    return (
      <div className="flowmap-panel__fields">
        {fields.map((field, index) => (
          <Fragment key={field.prop}>
            {field.kind === 'roles' && fields[index - 1]?.kind !== 'roles' && (
              <Responsible editor={editor} shape={shape} roles={roles} />
            )}
            <ShapeField
              editor={editor}
              shape={shape}
              field={field}
              roles={roles}
              readonly={readonly}
              onFocus={startEdit}
            />
          </Fragment>
        ))}
        {shape.type === 'decision' && (
          <p className="flowmap-panel__note">
            Label each arrow leaving the decision with its branch (select the arrow).
          </p>
        )}
        {shape.type === 'artifact' && <AttachedFile editor={editor} shape={shape} />}
      </div>
    )
  }
  switch (shape.type) {
    case 'arrow':
      return (
        <ConnectorFields
          editor={editor}
          arrow={shape as TLArrowShape}
          readonly={readonly}
          onFocus={startEdit}
        />
      )
    case 'note':
      return (
        <div className="flowmap-panel__fields">
          <p className="flowmap-panel__note">
            Agreed this is a step? Turn it into one: its text becomes the label.
          </p>
          <button
            type="button"
            className="flowmap-button flowmap-button--primary"
            disabled={readonly || toolsRestricted}
            title={
              toolsRestricted ? 'The facilitator has limited the tools to notes and connectors' : undefined
            }
            onClick={() => turnNotesIntoSteps(editor, [shape.id])}
          >
            Turn into step
          </button>
        </div>
      )
    default:
      return <p className="flowmap-panel__empty">Use the style panel for this shape's look.</p>
  }
}

/** An artifact that holds a file (dropped on the board): its name and size, and a button that opens it. */
function AttachedFile({ editor, shape }: { editor: Editor; shape: TLShape }) {
  const attachment = attachmentOf(shape)
  if (attachment === null) return null
  const open = () => {
    const assets = boardAssetStoreOf(editor.store)
    if (assets === null) return
    void openAttachment(assets, attachment).then((problem) => problem && assets.reportProblem(problem))
  }
  return (
    <div className="flowmap-panel__attachment">
      <p className="flowmap-panel__note">
        Holds the file {attachment.name} ({fileSize(attachment.size)}).
      </p>
      <button type="button" className="flowmap-button" data-testid="inspector.open-attachment" onClick={open}>
        Open {attachment.name}
      </button>
    </div>
  )
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function ShapeField({
  editor,
  shape,
  field,
  roles,
  readonly,
  onFocus,
}: {
  editor: Editor
  shape: TLShape
  field: FieldSpec
  roles: readonly Role[]
  readonly: boolean
  onFocus(): void
}) {
  const props = shape.props as Record<string, unknown>
  const value = props[field.prop]
  const setProps = (next: Record<string, unknown>) =>
    editor.updateShape({ id: shape.id, type: shape.type, props: next } as Parameters<
      Editor['updateShape']
    >[0])
  const set = (next: unknown) => setProps({ [field.prop]: next })
  const common = { label: field.label, disabled: readonly, testId: field.testId }
  switch (field.kind) {
    case 'text':
      return (
        <TextField
          {...common}
          value={value as string}
          multiline={field.multiline ?? false}
          maxLength={field.maxLength}
          onFocus={onFocus}
          onChange={set}
        />
      )
    case 'select':
      return <SelectField {...common} value={value as string} options={field.options} onChange={set} />
    case 'role': {
      const roleId = value as string | null
      return (
        <SelectField
          {...common}
          value={roleId ?? NO_ROLE}
          options={withUnknownRole(roleOptions(roles, field.emptyLabel), roleId)}
          onChange={(v) => set(v === NO_ROLE ? null : v)}
          hint={roles.length === 0 ? 'Add people, teams, systems or AI agents under Roles.' : field.hint}
        />
      )
    }
    case 'number':
      return (
        <NumberField
          {...common}
          value={value as number | null}
          {...(field.unit === undefined ? {} : { unit: field.unit })}
          {...(field.step === undefined ? {} : { step: field.step })}
          onFocus={onFocus}
          {...(field.max === undefined ? {} : { max: field.max })}
          onChange={(v) => {
            if (v !== null || field.nullable) set(v)
          }}
        />
      )
    case 'three-point': {
      const current: ThreePointValue = {
        likely: value as number | null,
        range: props[field.rangeProp] as ThreePointValue['range'],
      }
      return (
        <ThreePointField
          label={field.label}
          testId={field.testId}
          value={current}
          disabled={readonly}
          onFocus={onFocus}
          onChange={(next) => setProps({ [field.prop]: next.likely, [field.rangeProp]: next.range })}
        />
      )
    }
    case 'roles': {
      const ids = value as readonly string[]
      const known = roles.map((role) => ({ value: role.id, label: role.name || '(unnamed)' }))
      const dangling = ids
        .filter((id) => !roles.some((role) => role.id === id))
        .map((id) => ({ value: id, label: 'Unknown role (deleted?)' }))
      return (
        <ChoiceListField
          {...common}
          value={ids}
          options={[...known, ...dangling]}
          hint={field.hint}
          empty="Add people, teams, systems or AI agents under Roles."
          onChange={(next) => {
            onFocus()
            set(next)
          }}
        />
      )
    }
  }
}

/**
 * The likely hours, and on request their range (min / max). Each part refuses a number that would put
 * min above likely or likely above max, so what is written always passes the shape's validator.
 */
function ThreePointField({
  label,
  testId,
  value,
  disabled,
  onFocus,
  onChange,
}: {
  label: string
  testId: string
  value: ThreePointValue
  disabled: boolean
  onFocus(): void
  onChange(next: ThreePointValue): void
}) {
  const edit = (part: ThreePointPart | 'range', next: number | null | boolean) =>
    onChange(editThreePoint(value, part, next))
  const part = (which: ThreePointPart) => ({
    onFocus,
    disabled,
    unit: 'hours',
    check: (next: number) => threePointProblem(value, which, next),
    onChange: (next: number | null) => edit(which, next),
  })
  return (
    <div className="flowmap-three-point" data-testid={`${testId}-field`}>
      <NumberField
        label={label}
        value={value.likely}
        testId={testId}
        {...part('likely')}
        hint={value.range === null ? undefined : 'Most likely'}
      />
      <CheckboxField
        label={`${label} as a range`}
        checked={value.range !== null}
        disabled={disabled || value.likely === null}
        testId={`${testId}-range`}
        onChange={(on) => {
          onFocus()
          edit('range', on)
        }}
      />
      {value.range !== null && (
        <div className="flowmap-three-point__range">
          <NumberField
            label={`${label} min`}
            value={value.range.min}
            testId={`${testId}-min`}
            {...part('min')}
          />
          <NumberField
            label={`${label} max`}
            value={value.range.max}
            testId={`${testId}-max`}
            {...part('max')}
          />
        </div>
      )}
    </div>
  )
}

/** RACI's R, read-only: the step's owner, else the role of the lane it sits in. */
function Responsible({ editor, shape, roles }: { editor: Editor; shape: TLShape; roles: readonly Role[] }) {
  const resolved = useValue('responsible role', () => {
    const current = editor.getShape(shape.id)
    if (current === undefined) return null
    const own = current.type === 'step' ? (current.props as { owner: string | null }).owner : null
    if (own !== null) return { roleId: own, from: 'owner' as const }
    const parent = editor.getShape(current.parentId as TLShape['id'])
    const laneRole = parent?.type === 'lane' ? (parent.props as { roleId: string | null }).roleId : null
    return laneRole === null ? null : { roleId: laneRole, from: 'lane' as const }
  }, [editor, shape.id])
  const name =
    resolved === null
      ? null
      : (roles.find((role) => role.id === resolved.roleId)?.name ?? 'Unknown role (deleted?)')
  return (
    <div className="flowmap-field" data-testid="inspector-responsible">
      <span className="flowmap-field__label">Responsible</span>
      <span className="flowmap-responsible">
        {resolved === null
          ? shape.type === 'step'
            ? 'No one yet: give the step an owner, or put it in a lane.'
            : 'No one: put the decision in a lane to make its role responsible.'
          : `${name} (${resolved.from === 'owner' ? 'the owner' : "the lane's role"})`}
      </span>
    </div>
  )
}

function ConnectorFields({
  editor,
  arrow,
  readonly,
  onFocus,
}: {
  editor: Editor
  arrow: TLArrowShape
  readonly: boolean
  onFocus(): void
}) {
  const { flow, branch, probability } = readConnectorMeta(arrow.meta)
  const fromDecision = useValue(
    'arrow leaves a decision',
    () => decisionArrowStartsAt(editor, arrow.id) !== null,
    [editor, arrow.id],
  )
  const setFlow = (next: FlowKind) =>
    editor.updateShape({ id: arrow.id, type: 'arrow', meta: { flow: next } })
  const setBranch = (text: string) =>
    // The branch is shown as the arrow's own label too, so the map reads "yes" / "no" on the canvas.
    editor.updateShape({
      id: arrow.id,
      type: 'arrow',
      meta: { branch: text },
      props: { richText: toRichText(text) },
    })
  const current = FLOW_KIND_OPTIONS.find((option) => option.value === flow)
  return (
    <div className="flowmap-panel__fields">
      <fieldset className="flowmap-field flowmap-flow-kinds" disabled={readonly}>
        <legend className="flowmap-field__label">Flow</legend>
        {FLOW_KIND_OPTIONS.map((option) => (
          <label key={option.value} className="flowmap-flow-kind" data-flow={option.value}>
            <input
              type="radio"
              name={`flow-${arrow.id}`}
              value={option.value}
              checked={flow === option.value}
              onChange={() => setFlow(option.value)}
              data-testid={`inspector-flow-${option.value}`}
            />
            <span className="flowmap-flow-kind__swatch" aria-hidden="true" />
            {option.label}
          </label>
        ))}
        {current && <div className="flowmap-field__hint">{current.hint}</div>}
      </fieldset>
      {(fromDecision || branch !== null) && (
        <TextField
          label="Branch label"
          value={branch ?? ''}
          placeholder="yes, no, approved..."
          maxLength={MAX_BRANCH_LABEL_CHARS}
          onFocus={onFocus}
          onChange={setBranch}
          disabled={readonly}
          testId="inspector-branch"
        />
      )}
      {fromDecision && (
        <NumberField
          label="Probability"
          unit="%"
          min={0}
          max={100}
          step={5}
          value={probability === null ? null : percentOf(probability)}
          onFocus={onFocus}
          onChange={(percent) => setProbability(editor, arrow, percent === null ? null : percent / 100)}
          disabled={readonly}
          testId="inspector-probability"
          hint="How often a case takes this branch. Branches left empty share what the others leave."
        />
      )}
    </div>
  )
}

/** 0.35 → 35, without the float noise of 0.35 * 100. */
function percentOf(probability: number): number {
  return Math.round(probability * 10_000) / 100
}

/**
 * Writes the branch probability (0–1) into the arrow's meta, or removes it. tldraw's updateShape merges
 * meta key by key and the validator refuses a null probability, so removing it puts the whole record.
 */
function setProbability(editor: Editor, arrow: TLArrowShape, probability: number | null) {
  const current = editor.getShape<TLArrowShape>(arrow.id)
  if (current === undefined) return
  if (probability !== null) {
    editor.updateShape({ id: arrow.id, type: 'arrow', meta: { probability } })
    return
  }
  if (!('probability' in current.meta)) return
  const { probability: _removed, ...meta } = current.meta
  editor.store.put([{ ...current, meta }])
}

type StepProps = TLShape<'step'>['props']

function ManyShapesFields({
  editor,
  shapes,
  roles,
  readonly,
}: {
  editor: Editor
  shapes: TLShape[]
  roles: readonly Role[]
  readonly: boolean
}) {
  const steps = shapes.filter((shape): shape is TLShape<'step'> => shape.type === 'step')
  if (steps.length !== shapes.length) {
    return <p className="flowmap-panel__empty">Select shapes of one kind to edit them together.</p>
  }
  const same = <K extends 'owner' | 'status' | 'automation'>(key: K) =>
    steps.every((step) => step.props[key] === steps[0]!.props[key]) ? steps[0]!.props[key] : undefined
  const setAll = (props: Partial<StepProps>) =>
    editor.updateShapes(steps.map((step) => ({ id: step.id, type: 'step' as const, props })))
  const MIXED = '__mixed__'
  const owner = same('owner')
  const mixed = { value: MIXED, label: 'Mixed' }
  // A choice every selected step shares shows it; otherwise "Mixed", until one is picked for all.
  const sharedChoice = <K extends 'status' | 'automation'>(
    key: K,
    label: string,
    options: readonly { value: StepProps[K]; label: string }[],
  ) => {
    const value = same(key)
    return (
      <SelectField
        label={label}
        value={value ?? MIXED}
        options={[...(value === undefined ? [mixed] : []), ...options]}
        onChange={(v) => v !== MIXED && setAll({ [key]: v as StepProps[K] })}
        disabled={readonly}
        testId={`inspector-${key}`}
      />
    )
  }
  return (
    <div className="flowmap-panel__fields">
      <SelectField
        label="Owner"
        value={owner === undefined ? MIXED : (owner ?? NO_ROLE)}
        options={[...(owner === undefined ? [mixed] : []), ...roleOptions(roles, 'No owner')]}
        onChange={(v) => v !== MIXED && setAll({ owner: v === NO_ROLE ? null : v })}
        disabled={readonly}
        testId="inspector-owner"
      />
      {sharedChoice('status', 'Status', STATUS_OPTIONS)}
      {sharedChoice('automation', 'Automation', AUTOMATION_OPTIONS)}
    </div>
  )
}
