import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  type TLUiContextMenuProps,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  useEditor,
  useValue,
} from 'tldraw'
import { isNote } from '../shapes/note-to-step.ts'
import { TURN_INTO_STEP_ACTION } from './board-ui-overrides.ts'

/** tldraw's context menu, with "Turn into step" on top when the selection holds sticky notes. */
export function BoardContextMenu(props: TLUiContextMenuProps) {
  const editor = useEditor()
  const hasNotes = useValue('selection has notes', () => editor.getSelectedShapes().some(isNote), [editor])
  return (
    <DefaultContextMenu {...props}>
      {hasNotes && (
        <TldrawUiMenuGroup id="flowmap-workflow">
          <TldrawUiMenuActionItem actionId={TURN_INTO_STEP_ACTION} />
        </TldrawUiMenuGroup>
      )}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  )
}
