import { TldrawUiIcon, useEditor, useValue } from 'tldraw'
import { deviceCommentsVersion, readMyRoles } from './comment-device.ts'
import { updateUi, useComments } from './comments-ui.ts'
import { unreadFor } from './unread-mentions.ts'
import { useThreads } from './use-threads.ts'

/** The toolbar's speech bubble: comment mode on or off, with the count of unread mentions of me. */
export function CommentModeButton({ framed = false }: { framed?: boolean }) {
  const editor = useEditor()
  const controller = useComments()
  const threads = useThreads(editor)
  const ui = useValue('comments ui', () => controller?.state.get() ?? null, [controller])
  useValue('comments seen', () => deviceCommentsVersion.get(), [])
  if (!controller?.canComment || !ui) return null
  const unread = unreadFor(controller.boardId, threads, controller.me.id, readMyRoles(controller.boardId))
  const button = (
    <button
      type="button"
      className="flowmap-comment-mode tlui-button tlui-button__tool"
      data-testid="comment-mode"
      aria-pressed={ui.mode}
      aria-label={unread > 0 ? `Comment (Shift+C), ${unread} unread mentions` : 'Comment (Shift+C)'}
      title="Comment (Shift+C)"
      onClick={() => updateUi(controller, { mode: !ui.mode, draft: null })}
    >
      <TldrawUiIcon icon="comment" label="Comment" small />
      {unread > 0 && (
        <span className="flowmap-comment-mode__badge" data-testid="comment-unread">
          {unread}
        </span>
      )}
    </button>
  )
  // A viewer has no workflow row: the button gets a bar of its own.
  return framed ? <div className="flowmap-workflow-toolbar">{button}</div> : button
}
