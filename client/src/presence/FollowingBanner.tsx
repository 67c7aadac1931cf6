import { type Editor, useValue } from 'tldraw'

/** "Following X" while my view follows someone's, with a way out (panning also stops it, as in tldraw). */
export function FollowingBanner({ editor }: { editor: Editor | null }) {
  const followed = useValue('followed person', () => {
    if (!editor) return null
    const userId = editor.getInstanceState().followingUserId
    if (!userId) return null
    const presence = editor.getCollaborators().find((c) => c.userId === userId)
    return { name: presence?.userName ?? 'someone', color: presence?.color ?? '#495057' }
  }, [editor])
  if (!editor || !followed) return null
  return (
    <div
      className="flowmap-presence__following"
      role="status"
      data-testid="following-banner"
      style={{ borderColor: followed.color }}
    >
      <span>
        Following <strong>{followed.name}</strong>
      </span>
      <button type="button" className="flowmap-button" onClick={() => editor.stopFollowingUser()}>
        Stop following
      </button>
    </div>
  )
}
