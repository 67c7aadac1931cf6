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
import { type FieldSpec, SHAPE_FIELDS } from './inspector-fields.ts'
import { NumberField, SelectField, TextField } from './panel-fields.tsx'

const NO_ROLE = ''

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
        {fields.map((field) => (
          <ShapeField
            key={field.prop}
            editor={editor}
            shape={shape}
            field={field}
            roles={roles}
            readonly={readonly}
            onFocus={startEdit}
          />
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
  const value = (shape.props as Record<string, unknown>)[field.prop]
  const set = (next: unknown) =>
    editor.updateShape({ id: shape.id, type: shape.type, props: { [field.prop]: next } } as Parameters<
      Editor['updateShape']
    >[0])
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
          onChange={(v) => {
            if (v !== null || field.nullable) set(v)
          }}
        />
      )
  }
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
  const { flow, branch } = readConnectorMeta(arrow.meta)
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
    </div>
  )
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
