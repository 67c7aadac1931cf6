import { type ReactNode, useEffect, useId, useState } from 'react'
import './panel-fields.css'

// Small labelled form fields for the side panels. Every input has a <label>, so people using a
// screen reader and the e2e tests (getByLabel) find fields by the name a person sees.

type FieldFrameProps = { label: string; htmlFor: string; children: ReactNode; hint?: string | undefined }

function FieldFrame({ label, htmlFor, children, hint }: FieldFrameProps) {
  return (
    <div className="flowmap-field">
      <label className="flowmap-field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint && <div className="flowmap-field__hint">{hint}</div>}
    </div>
  )
}

type TextFieldProps = {
  label: string
  value: string
  onChange(value: string): void
  /** Called when the field gains focus, to start one undo step for everything typed until it blurs. */
  onFocus?(): void
  disabled?: boolean
  multiline?: boolean
  placeholder?: string
  testId?: string
  /** The most characters the field may hold (from @flowmap/shared's limits, which the server enforces). */
  maxLength?: number
}

export function TextField({
  label,
  value,
  onChange,
  onFocus,
  disabled,
  multiline,
  placeholder,
  testId,
  maxLength,
}: TextFieldProps) {
  const id = useId()
  const common = {
    id,
    value,
    disabled,
    placeholder,
    maxLength,
    'data-testid': testId,
    onFocus,
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
  }
  return (
    <FieldFrame label={label} htmlFor={id}>
      {multiline ? (
        <textarea className="flowmap-input flowmap-input--multiline" rows={3} {...common} />
      ) : (
        <input className="flowmap-input" type="text" {...common} />
      )}
    </FieldFrame>
  )
}

type SelectFieldProps<V extends string> = {
  label: string
  value: V
  options: readonly { value: V; label: string }[]
  onChange(value: V): void
  disabled?: boolean
  testId?: string
  hint?: string | undefined
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
  hint,
}: SelectFieldProps<V>) {
  const id = useId()
  return (
    <FieldFrame label={label} htmlFor={id} hint={hint}>
      <select
        id={id}
        className="flowmap-input"
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

type NumberFieldProps = {
  label: string
  value: number | null
  /** null when the field is emptied; the field refuses to commit text that is not a number >= min. */
  onChange(value: number | null): void
  onFocus?(): void
  min?: number
  /** The largest number the field commits (a percent stops at 100). */
  max?: number
  /** Why an otherwise acceptable number cannot be written now (null when it can): it is not committed. */
  check?(value: number): string | null
  step?: number
  unit?: string
  disabled?: boolean
  testId?: string
  hint?: string | undefined
}

export function NumberField({
  label,
  value,
  onChange,
  onFocus,
  min = 0,
  max = Number.POSITIVE_INFINITY,
  check,
  step = 0.5,
  unit,
  disabled,
  testId,
  hint,
}: NumberFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(value === null ? '' : String(value))
  const [problem, setProblem] = useState<string | null>(null)

  // A change from elsewhere (another person, undo) replaces the draft unless it already says the same.
  useEffect(() => {
    setDraft((current) =>
      parseDraft(current, min, max) === value ? current : value === null ? '' : String(value),
    )
    setProblem(null)
  }, [value, min, max])

  return (
    <FieldFrame label={unit ? `${label} (${unit})` : label} htmlFor={id} hint={problem ?? hint}>
      <input
        id={id}
        className="flowmap-input"
        type="number"
        inputMode="decimal"
        min={min}
        max={Number.isFinite(max) ? max : undefined}
        step={step}
        value={draft}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={problem !== null}
        onFocus={onFocus}
        onChange={(event) => {
          const text = event.currentTarget.value
          setDraft(text)
          const parsed = parseDraft(text, min, max)
          if (parsed === undefined) {
            setProblem(
              Number.isFinite(max)
                ? `Enter a number from ${min} to ${max}, or leave it empty.`
                : `Enter a number of at least ${min}, or leave it empty.`,
            )
            return
          }
          const refused = parsed === null ? null : (check?.(parsed) ?? null)
          setProblem(refused)
          if (refused === null) onChange(parsed)
        }}
      />
    </FieldFrame>
  )
}

/** null for an empty field, undefined for text that is not an acceptable number. */
export function parseDraft(
  text: string,
  min: number,
  max: number = Number.POSITIVE_INFINITY,
): number | null | undefined {
  if (text.trim() === '') return null
  const number = Number(text)
  return Number.isFinite(number) && number >= min && number <= max ? number : undefined
}

type CheckboxFieldProps = {
  label: string
  checked: boolean
  onChange(checked: boolean): void
  disabled?: boolean
  testId?: string
}

export function CheckboxField({ label, checked, onChange, disabled, testId }: CheckboxFieldProps) {
  return (
    <label className="flowmap-field flowmap-field--checkbox">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />{' '}
      {label}
    </label>
  )
}

type ChoiceListFieldProps = {
  label: string
  /** The values ticked, in the order they were ticked. */
  value: readonly string[]
  options: readonly { value: string; label: string }[]
  onChange(value: string[]): void
  disabled?: boolean
  testId?: string
  hint?: string | undefined
  empty?: string
}

/** A multi-select as a list of checkboxes under a legend: each choice is found by its own label. */
export function ChoiceListField({
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
  hint,
  empty,
}: ChoiceListFieldProps) {
  const chosen = new Set(value)
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option))
  return (
    <fieldset className="flowmap-field flowmap-choice-list" disabled={disabled} data-testid={testId}>
      <legend className="flowmap-field__label">{label}</legend>
      {options.length === 0 && empty && <div className="flowmap-field__hint">{empty}</div>}
      {options.map((option) => (
        <label key={option.value} className="flowmap-choice-list__choice">
          <input
            type="checkbox"
            value={option.value}
            checked={chosen.has(option.value)}
            onChange={(event) => toggle(option.value, event.currentTarget.checked)}
          />{' '}
          {option.label}
        </label>
      ))}
      {hint && <div className="flowmap-field__hint">{hint}</div>}
    </fieldset>
  )
}
