import { type BoardTemplate, previewOf } from '@flowmap/shared'
import { useMemo } from 'react'
import { PreviewPicture } from './BoardPreview.tsx'

/** A template the picker offers: a built-in one, or one a facilitator saved on the server. */
export type TemplateChoice = {
  /** Unique in the picker: `saved:` before a saved template's id, so it never shadows a built-in one. */
  readonly key: string
  readonly template: BoardTemplate
  readonly saved: boolean
}

/** Radio cards, each with a thumbnail drawn from the template's own records (as a board's card is). */
export function TemplatePicker({
  choices,
  selected,
  onSelect,
}: {
  choices: readonly TemplateChoice[]
  selected: string
  onSelect(choice: TemplateChoice): void
}) {
  return (
    <fieldset className="flowmap-templates" data-testid="template-picker">
      <legend>Start from</legend>
      <div className="flowmap-templates__grid">
        {choices.map((choice) => (
          <TemplateCard
            key={choice.key}
            choice={choice}
            checked={choice.key === selected}
            onSelect={() => onSelect(choice)}
          />
        ))}
      </div>
    </fieldset>
  )
}

function TemplateCard({
  choice,
  checked,
  onSelect,
}: {
  choice: TemplateChoice
  checked: boolean
  onSelect(): void
}) {
  const preview = useMemo(() => previewOf(choice.template.records), [choice.template.records])
  return (
    <label
      className="flowmap-templates__card"
      data-testid="template-choice"
      data-template={choice.key}
      title={choice.template.description}
    >
      <input type="radio" name="template" value={choice.key} checked={checked} onChange={onSelect} />
      {preview.viewBox ? (
        <PreviewPicture preview={preview} testId="template-preview" />
      ) : (
        <div className="flowmap-home__preview flowmap-home__preview--empty" aria-hidden="true">
          Empty board
        </div>
      )}
      <span className="flowmap-templates__name">
        {choice.template.name}
        {choice.saved && <span className="flowmap-home__badge flowmap-home__badge--server">Saved</span>}
      </span>
      <span className="flowmap-templates__description">{choice.template.description}</span>
    </label>
  )
}
