import { MAX_BOARD_TITLE_CHARS } from '@flowmap/shared'
import { useId, useState } from 'react'
import { HomeDialog } from './HomeDialog.tsx'
import { type TemplateChoice, TemplatePicker } from './TemplatePicker.tsx'
import './templates.css'

/**
 * Naming a new board before it is made, and picking what it starts from: the field starts with the
 * suggested name, selected, so Enter takes it and typing replaces it. Until the person types a name,
 * picking a template names the board after it.
 */
export function NewBoardDialog({
  suggestion,
  choices,
  initialChoice,
  note = null,
  onCreate,
  onCancel,
}: {
  suggestion: string
  choices: readonly TemplateChoice[]
  /** The key of the choice selected at first (the blank board). */
  initialChoice: string
  /** Why the server's saved templates are not among the choices, when they could not be had. */
  note?: string | null
  onCreate(title: string, choice: TemplateChoice | null): void
  onCancel(): void
}) {
  const headingId = useId()
  const [title, setTitle] = useState(suggestion)
  const [named, setNamed] = useState(false)
  const [selected, setSelected] = useState(initialChoice)
  const choice = choices.find((candidate) => candidate.key === selected) ?? null
  return (
    <HomeDialog
      labelledBy={headingId}
      testId="home-new-dialog"
      confirmLabel="Create board"
      onConfirm={() => onCreate(title.trim() || suggestion, choice)}
      onCancel={onCancel}
    >
      <h2 id={headingId}>Name the new board</h2>
      <input
        className="flowmap-home__rename"
        aria-label="Board name"
        data-testid="home-new-name"
        value={title}
        maxLength={MAX_BOARD_TITLE_CHARS}
        // biome-ignore lint/a11y/noAutofocus: the dialog opened to ask for this name
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setTitle(event.currentTarget.value)
          setNamed(true)
        }}
      />
      <TemplatePicker
        choices={choices}
        selected={selected}
        onSelect={(picked) => {
          setSelected(picked.key)
          if (!named) setTitle(picked.template.records.length === 0 ? suggestion : picked.template.name)
        }}
      />
      {note && (
        <p className="flowmap-templates__note" data-testid="template-note">
          {note}
        </p>
      )}
    </HomeDialog>
  )
}
