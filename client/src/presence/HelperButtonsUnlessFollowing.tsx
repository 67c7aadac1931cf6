import { DefaultHelperButtons, type TLUiHelperButtonsProps, useEditor, useValue } from 'tldraw'

/**
 * tldraw's helper buttons (back to content, exit pen mode, stop following), except while this page
 * follows someone: then our "Following X" banner (FollowingBanner.tsx) is shown with its own Stop
 * following, and tldraw's pill beside it would say the same thing twice. tldraw exports the group,
 * not its buttons one by one, so the whole group steps aside while following; back to content has
 * nothing to do then anyway, the view being someone else's.
 */
export function HelperButtonsUnlessFollowing(props: TLUiHelperButtonsProps) {
  const editor = useEditor()
  const following = useValue('following someone', () => editor.getInstanceState().followingUserId !== null, [
    editor,
  ])
  return following ? null : <DefaultHelperButtons {...props} />
}
