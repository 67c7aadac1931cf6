import { MAX_BOARD_TITLE_CHARS } from '@flowmap/shared'
import { useId, useState } from 'react'
import { HomeDialog } from './HomeDialog.tsx'

/**
 * Naming a new board before it is made: the field starts with the suggested name, selected, so Enter
 * takes it and typing replaces it.
 */
export function NewBoardDialog({
  suggestion,
  onCreate,
  onCancel,
}: {
  suggestion: string
  onCreate(title: string): void
  onCancel(): void
}) {
  const headingId = useId()
  const [title, setTitle] = useState(suggestion)
  return (
    <HomeDialog
      labelledBy={headingId}
      testId="home-new-dialog"
      confirmLabel="Create board"
      onConfirm={() => onCreate(title.trim() || suggestion)}
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
        onChange={(event) => setTitle(event.currentTarget.value)}
      />
    </HomeDialog>
  )
}
