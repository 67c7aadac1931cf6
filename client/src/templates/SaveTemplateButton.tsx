import { MAX_TEMPLATE_DESCRIPTION_CHARS, MAX_TEMPLATE_NAME_CHARS } from '@flowmap/shared'
import { useId, useState } from 'react'
import { HomeDialog } from '../home/HomeDialog.tsx'
import type { BoardModel } from '../sync/board-model.ts'
import { useLiveValue } from '../sync/use-board-model.ts'
import { saveBoardAsTemplate } from './saved-templates-api.ts'
// The dialog is the home page's (HomeDialog), drawn as it is there.
import '../home/home.css'
import '../home/templates.css'

/**
 * A facilitator's "Save as template" and its dialog: the server stores the board as it holds it now,
 * under a name, for the new-board picker. Shown only to facilitators; the server checks the role too.
 */
export function SaveTemplateButton({
  boardId,
  token,
  model,
}: {
  boardId: string
  token: string | null
  /** The board's title names the template at first; null while the board is loading. */
  model: BoardModel | null
}) {
  const boardTitle = useLiveValue(model?.meta ?? null)?.title ?? ''
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="flowmap-button"
        data-testid="save-template-button"
        onClick={() => setOpen(true)}
      >
        Save as template
      </button>
      {open && (
        <SaveTemplateDialog
          boardId={boardId}
          token={token}
          boardTitle={boardTitle}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}

function SaveTemplateDialog({
  boardId,
  token,
  boardTitle,
  onClose,
}: {
  boardId: string
  token: string | null
  boardTitle: string
  onClose(): void
}) {
  const ids = useId()
  const [name, setName] = useState(boardTitle.slice(0, MAX_TEMPLATE_NAME_CHARS))
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const save = async () => {
    if (busy || name.trim() === '') return
    setBusy(true)
    setProblem(null)
    const result = await saveBoardAsTemplate({
      boardId,
      token,
      request: { name: name.trim(), description: description.trim() },
    })
    setBusy(false)
    if (result.ok) setSaved(result.template.name)
    else setProblem(result.message)
  }

  return (
    <HomeDialog
      labelledBy={`${ids}-title`}
      testId="save-template"
      confirmLabel={busy ? 'Saving…' : 'Save template'}
      onConfirm={() => void save()}
      onCancel={onClose}
    >
      <h2 id={`${ids}-title`}>Save as template</h2>
      <p>New boards on this server can start from this board as the server has it now.</p>
      <label className="flowmap-templates__field">
        Template name
        <input
          className="flowmap-home__rename"
          data-testid="save-template-name"
          value={name}
          required
          maxLength={MAX_TEMPLATE_NAME_CHARS}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </label>
      <label className="flowmap-templates__field">
        What it is for (optional)
        <input
          className="flowmap-home__rename"
          data-testid="save-template-description"
          value={description}
          maxLength={MAX_TEMPLATE_DESCRIPTION_CHARS}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
      </label>
      {problem && (
        <p className="flowmap-home__problem" role="alert" data-testid="save-template-problem">
          {problem}
        </p>
      )}
      {saved && (
        <p className="flowmap-home__note" role="status" data-testid="save-template-saved">
          Saved "{saved}": new boards can start from it ("From a template…" on the home page).
        </p>
      )}
    </HomeDialog>
  )
}
