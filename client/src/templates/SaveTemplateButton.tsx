import { MAX_TEMPLATE_DESCRIPTION_CHARS, MAX_TEMPLATE_NAME_CHARS } from '@flowmap/shared'
import { useId, useRef, useState } from 'react'
import type { BoardModel } from '../sync/board-model.ts'
import { useLiveValue } from '../sync/use-board-model.ts'
import { saveBoardAsTemplate } from './saved-templates-api.ts'
// The board's dialogs share one look: this one is drawn as the share dialog is.
import '../share/share.css'

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
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(0)
  return (
    <>
      <button
        type="button"
        className="flowmap-button"
        data-testid="save-template-button"
        onClick={() => {
          setOpen((count) => count + 1)
          dialog.current?.showModal()
        }}
      >
        Save as template
      </button>
      <dialog ref={dialog} className="flowmap-share" aria-labelledby={`${boardId}-template-title`}>
        {/* A new form each time it opens: it starts from the board's title, not from the last save. */}
        <SaveTemplateForm
          key={open}
          boardId={boardId}
          token={token}
          boardTitle={boardTitle}
          onClose={() => dialog.current?.close()}
        />
      </dialog>
    </>
  )
}

function SaveTemplateForm({
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
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <h2 id={`${boardId}-template-title`}>Save as template</h2>
      <p>New boards on this server can start from this board as the server has it now.</p>
      <label htmlFor={`${ids}-name`}>Template name</label>
      <input
        id={`${ids}-name`}
        data-testid="save-template-name"
        value={name}
        required
        maxLength={MAX_TEMPLATE_NAME_CHARS}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <label htmlFor={`${ids}-description`}>What it is for (optional)</label>
      <input
        id={`${ids}-description`}
        data-testid="save-template-description"
        value={description}
        maxLength={MAX_TEMPLATE_DESCRIPTION_CHARS}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
      {problem && (
        <p className="flowmap-share__problem" role="alert" data-testid="save-template-problem">
          {problem}
        </p>
      )}
      {saved && (
        <p role="status" data-testid="save-template-saved">
          Saved "{saved}": it is offered under "From a template…" on the home page.
        </p>
      )}
      <div className="flowmap-share__actions">
        <button type="button" className="flowmap-button" onClick={onClose}>
          Close
        </button>
        <button
          type="submit"
          className="flowmap-button flowmap-button--primary"
          disabled={busy || name.trim() === ''}
          data-testid="save-template-confirm"
        >
          {busy ? 'Saving…' : 'Save template'}
        </button>
      </div>
    </form>
  )
}
