import { type Editor, useValue } from 'tldraw'
import { deviceCommentsVersion, readMyRoles } from './comment-device.ts'
import { useComments } from './comments-ui.ts'
import { unreadFor } from './unread-mentions.ts'
import { useThreads } from './use-threads.ts'

/** The count of comments mentioning me that I have not opened, beside the Comments tab's name. */
export function UnreadMentionsBadge({ editor }: { editor: Editor | null }) {
  const controller = useComments()
  const threads = useThreads(editor)
  // Re-read when a thread opens (that marks its comments seen).
  useValue('open thread', () => controller?.state.get().openThread, [controller])
  useValue('comments seen', () => deviceCommentsVersion.get(), [])
  if (!controller) return null
  const unread = unreadFor(controller.boardId, threads, controller.me.id, readMyRoles(controller.boardId))
  if (unread === 0) return null
  return (
    <span className="flowmap-comments-tab-badge" data-testid="comments-tab-unread">
      {unread}
      <span className="flowmap-visually-hidden"> unread mentions</span>
    </span>
  )
}
