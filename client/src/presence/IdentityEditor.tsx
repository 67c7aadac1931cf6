import { cleanPersonName } from '@flowmap/shared'
import { useId, useState } from 'react'
import { PERSON_COLORS, type PersonIdentity } from './identity.ts'

/** My name and colour as others see them; saved on this device. */
export function IdentityEditor({
  identity,
  onChange,
}: {
  identity: PersonIdentity
  onChange(next: PersonIdentity): void
}) {
  const nameId = useId()
  const [draft, setDraft] = useState(identity.name)
  const commit = () => {
    const name = cleanPersonName(draft)
    if (name === '') setDraft(identity.name)
    else if (name !== identity.name) onChange({ ...identity, name })
  }
  return (
    <fieldset className="flowmap-presence__identity">
      <legend>You</legend>
      <label htmlFor={nameId}>Your name</label>
      <input
        id={nameId}
        data-testid="presence-name"
        value={draft}
        maxLength={40}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
      <div className="flowmap-presence__colors" role="radiogroup" aria-label="Your colour">
        {PERSON_COLORS.map((color) => (
          // biome-ignore lint/a11y/useSemanticElements: a row of colour swatches; native radios cannot be coloured
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={identity.color === color}
            aria-label={`Colour ${color}`}
            className="flowmap-presence__swatch"
            style={{ background: color }}
            onClick={() => onChange({ ...identity, color, colorChosen: true })}
          />
        ))}
      </div>
    </fieldset>
  )
}
