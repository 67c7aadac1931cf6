import type { Role } from '@flowmap/shared'
import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { revealThread } from './CommentLayer.tsx'
import { readMyRoles, writeMyRoles } from './comment-device.ts'
import { relativeTime } from './comment-look.ts'
import { type CommentThreadView, commentText, liveComments } from './comment-text.ts'
import { type CommentsController, updateUi } from './comments-ui.ts'
import { mentionsMe } from './mentions.ts'
import { useThreads } from './use-threads.ts'
import './comments.css'

/** The label of the step a thread is on, or where it is. */
export function anchorLabel(editor: Editor, view: CommentThreadView): string {
  const { anchor } = view.thread
  if (anchor.type !== 'shape') return 'On the board'
  const shape = editor.getShape(anchor.shapeId)
  if (!shape) return 'On a removed shape'
  const label = (shape.props as { label?: unknown }).label
  return typeof label === 'string' && label.trim() !== '' ? label : `A ${shape.type}`
}

export function threadMentionsMe(view: CommentThreadView, me: string, myRoles: ReadonlySet<string>): boolean {
  return liveComments(view).some(
    (comment) => comment.authorId !== me && mentionsMe(comment.meta.mentions, me, myRoles),
  )
}

/** The Comments tab: open or resolved threads, filtered by person or to those mentioning me. */
export function CommentsPanel({
  editor,
  controller,
  roles,
  missingThread,
}: {
  editor: Editor | null
  controller: CommentsController
  roles: readonly Role[]
  missingThread: string | null
}) {
  const threads = useThreads(editor)
  const ui = useValue(controller.state)
  const [person, setPerson] = useState('')
  const [onlyMine, setOnlyMine] = useState(false)
  const [myRoles, setMyRoles] = useState(() => readMyRoles(controller.boardId))
  if (!editor) return null
  const authors = new Map<string, string>()
  for (const view of threads)
    for (const comment of view.comments)
      if (typeof comment.meta.authorName === 'string') authors.set(comment.authorId, comment.meta.authorName)
  const shown = threads.filter(
    (view) =>
      (view.thread.resolved !== null) === ui.showResolved &&
      (person === '' || view.comments.some((comment) => comment.authorId === person)) &&
      (!onlyMine || threadMentionsMe(view, controller.me.id, myRoles)),
  )
  const toggleRole = (id: string) => {
    const next = new Set(myRoles)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    writeMyRoles(controller.boardId, next)
    setMyRoles(next)
  }
  return (
    <section
      className="flowmap-panel flowmap-comments-panel"
      aria-label="Comments"
      data-testid="comments-panel"
    >
      {missingThread !== null && (
        <p className="flowmap-panel__note" role="alert" data-testid="comment-missing">
          The comment you were linked to is not on this board any more (it may have been deleted).
        </p>
      )}
      <fieldset className="flowmap-comments-panel__tabs" aria-label="Open or resolved">
        <button
          type="button"
          className="flowmap-comment-button"
          aria-pressed={!ui.showResolved}
          data-testid="comments-open"
          onClick={() => updateUi(controller, { showResolved: false })}
        >
          Open
        </button>
        <button
          type="button"
          className="flowmap-comment-button"
          aria-pressed={ui.showResolved}
          data-testid="comments-resolved"
          onClick={() => updateUi(controller, { showResolved: true })}
        >
          Resolved
        </button>
      </fieldset>
      <div className="flowmap-comments-panel__filters">
        <label>
          Person{' '}
          <select
            value={person}
            data-testid="comments-person"
            onChange={(event) => setPerson(event.target.value)}
          >
            <option value="">Everyone</option>
            {[...authors].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={onlyMine}
            data-testid="comments-mentions-me"
            onChange={(event) => setOnlyMine(event.target.checked)}
          />{' '}
          Mentions me
        </label>
      </div>
      {roles.length > 0 && (
        <details className="flowmap-comments-panel__roles">
          <summary>My roles (for mentions)</summary>
          {roles.map((role) => (
            <label key={role.id}>
              <input type="checkbox" checked={myRoles.has(role.id)} onChange={() => toggleRole(role.id)} />{' '}
              {role.name}
            </label>
          ))}
        </details>
      )}
      {shown.length === 0 ? (
        <p className="flowmap-panel__note">
          {ui.showResolved
            ? 'No resolved comments.'
            : 'No open comments. Press Shift+C or the comment button, then click the board.'}
        </p>
      ) : (
        <ul className="flowmap-comments-panel__list">
          {shown.map((view) => {
            const first = liveComments(view)[0] ?? view.comments[0]
            return (
              <li key={view.thread.id}>
                <button
                  type="button"
                  className="flowmap-comments-panel__row"
                  data-testid="comments-row"
                  data-thread-id={view.thread.id}
                  aria-current={ui.openThread === view.thread.id}
                  onClick={() => revealThread(editor, controller, view)}
                >
                  <span className="flowmap-comments-panel__anchor">{anchorLabel(editor, view)}</span>
                  <span className="flowmap-comments-panel__first">
                    {first ? `${String(first.meta.authorName ?? 'Someone')}: ${commentText(first.body)}` : ''}
                  </span>
                  <span className="flowmap-comments-panel__meta">
                    {liveComments(view).length} · {first ? relativeTime(first.createdAt, Date.now()) : ''}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
