import { useState } from 'react'
import type { Editor, TLComment } from 'tldraw'
import { CommentComposer } from './CommentComposer.tsx'
import { deleteComment, editComment, reply, setResolved, startThread } from './comment-actions.ts'
import { authorColor, initialOf, relativeTime, threadLink } from './comment-look.ts'
import { type CommentThreadView, commentText } from './comment-text.ts'
import { type CommentsController, updateUi } from './comments-ui.ts'
import type { Mention } from './mentions.ts'

const stop = (event: { stopPropagation(): void }) => event.stopPropagation()

/** A thread's card beside its pin: the messages, a reply box, resolve, copy link; or a new thread's composer. */
export function ThreadPopover({
  editor,
  controller,
  view,
  at,
}: {
  editor: Editor
  controller: CommentsController
  view: CommentThreadView | null
  at: { x: number; y: number }
}) {
  const { me, candidates, canComment } = controller
  const draft = controller.state.get().draft
  const close = () => updateUi(controller, { openThread: null, draft: null })
  const [copied, setCopied] = useState(false)
  const style = { left: at.x + 22, top: Math.max(8, at.y - 16) }
  if (view === null) {
    if (!draft) return null
    return (
      <div
        className="flowmap-comment-popover"
        style={style}
        data-testid="comment-popover"
        onPointerDown={stop}
      >
        <div className="flowmap-comment-popover__header">
          <span>New comment</span>
          <button type="button" className="flowmap-comment-icon" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <CommentComposer
          candidates={candidates}
          placeholder="Add a comment, @ to mention"
          submitLabel="Comment"
          onCancel={close}
          onSubmit={(text, mentions) => {
            const id = startThread(editor, {
              anchor: draft.anchor,
              author: me,
              text,
              mentions,
              lintRule: draft.lintRule,
            })
            updateUi(controller, { draft: null, openThread: id })
          }}
        />
      </div>
    )
  }
  const { thread } = view
  const resolved = thread.resolved !== null
  return (
    <div
      className="flowmap-comment-popover"
      style={style}
      data-testid="comment-popover"
      data-thread-id={thread.id}
      onPointerDown={stop}
    >
      <div className="flowmap-comment-popover__header">
        <span>{resolved ? 'Resolved' : 'Comment'}</span>
        <span className="flowmap-comment-popover__tools">
          <button
            type="button"
            className="flowmap-comment-button"
            data-testid="comment-copy-link"
            onClick={() => {
              void navigator.clipboard?.writeText(threadLink(controller.boardId, thread.id)).catch(() => {})
              setCopied(true)
            }}
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
          {canComment && (
            <button
              type="button"
              className="flowmap-comment-button"
              data-testid={resolved ? 'comment-reopen' : 'comment-resolve'}
              onClick={() => setResolved(editor, thread.id, resolved ? null : me.id)}
            >
              {resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
          <button type="button" className="flowmap-comment-icon" aria-label="Close" onClick={close}>
            ×
          </button>
        </span>
      </div>
      <ol className="flowmap-comment-messages">
        {view.comments.map((comment) => (
          <Message key={comment.id} editor={editor} comment={comment} controller={controller} />
        ))}
      </ol>
      {canComment && (
        <CommentComposer
          key={thread.id}
          candidates={candidates}
          placeholder="Reply, @ to mention"
          submitLabel="Reply"
          onSubmit={(text, mentions) => reply(editor, thread, me, text, mentions)}
        />
      )}
    </div>
  )
}

function Message({
  editor,
  comment,
  controller,
}: {
  editor: Editor
  comment: TLComment
  controller: CommentsController
}) {
  const [editing, setEditing] = useState(false)
  const name = typeof comment.meta.authorName === 'string' ? comment.meta.authorName : 'Someone'
  const mine = comment.authorId === controller.me.id && controller.canComment
  if (comment.isDeleted)
    return <li className="flowmap-comment-message flowmap-comment-message--deleted">Comment deleted</li>
  const text = commentText(comment.body)
  return (
    <li className="flowmap-comment-message" data-testid="comment-message" data-comment-id={comment.id}>
      <span className="flowmap-comment-avatar" style={{ background: authorColor(comment.authorId) }}>
        {initialOf(name)}
      </span>
      <div className="flowmap-comment-message__main">
        <div className="flowmap-comment-message__meta">
          <strong data-testid="comment-author">{name}</strong>
          <span>{relativeTime(comment.createdAt, Date.now())}</span>
          {comment.editedAt !== null && <span>(edited)</span>}
          {mine && !editing && (
            <span className="flowmap-comment-message__own">
              <button
                type="button"
                className="flowmap-comment-link"
                data-testid="comment-edit"
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
              <button
                type="button"
                className="flowmap-comment-link"
                data-testid="comment-delete"
                onClick={() => deleteComment(editor, comment.id)}
              >
                Delete
              </button>
            </span>
          )}
        </div>
        {editing ? (
          <CommentComposer
            candidates={controller.candidates}
            initial={text}
            initialMentions={(Array.isArray(comment.meta.mentions) ? comment.meta.mentions : []) as Mention[]}
            placeholder="Edit comment"
            submitLabel="Save"
            onCancel={() => setEditing(false)}
            onSubmit={(next, mentions) => {
              editComment(editor, comment.id, next, mentions)
              setEditing(false)
            }}
          />
        ) : (
          <p className="flowmap-comment-message__text" data-testid="comment-text">
            {text}
          </p>
        )}
      </div>
    </li>
  )
}
