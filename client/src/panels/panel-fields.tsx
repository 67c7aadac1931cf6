import { type ReactNode, useEffect, useId, useState } from 'react'

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
  step?: number
  unit?: string
  disabled?: boolean
  testId?: string
}

export function NumberField({
  label,
  value,
  onChange,
  onFocus,
  min = 0,
  step = 0.5,
  unit,
  disabled,
  testId,
}: NumberFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(value === null ? '' : String(value))
  const [problem, setProblem] = useState<string | null>(null)

  // A change from elsewhere (another person, undo) replaces the draft unless it already says the same.
  useEffect(() => {
    setDraft((current) =>
      parseDraft(current, min) === value ? current : value === null ? '' : String(value),
    )
    setProblem(null)
  }, [value, min])

  return (
    <FieldFrame label={unit ? `${label} (${unit})` : label} htmlFor={id} hint={problem ?? undefined}>
      <input
        id={id}
        className="flowmap-input"
        type="number"
        inputMode="decimal"
        min={min}
        step={step}
        value={draft}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={problem !== null}
        onFocus={onFocus}
        onChange={(event) => {
          const text = event.currentTarget.value
          setDraft(text)
          const parsed = parseDraft(text, min)
          if (parsed === undefined) {
            setProblem(`Enter a number of at least ${min}, or leave it empty.`)
            return
          }
          setProblem(null)
          onChange(parsed)
        }}
      />
    </FieldFrame>
  )
}

/** null for an empty field, undefined for text that is not an acceptable number. */
export function parseDraft(text: string, min: number): number | null | undefined {
  if (text.trim() === '') return null
  const number = Number(text)
  return Number.isFinite(number) && number >= min ? number : undefined
}
