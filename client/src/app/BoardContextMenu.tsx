import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  type TLUiContextMenuProps,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  useEditor,
  useValue,
} from 'tldraw'
import { canContinueFrom } from '../shapes/next-step.ts'
import { isNote } from '../shapes/note-to-step.ts'
import { LockMenuItems } from '../workshop/LockMenuItems.tsx'
import { useWorkshop } from '../workshop/workshop-state.ts'
import { ADD_NEXT_STEP_ACTION, TURN_INTO_STEP_ACTION } from './board-ui-overrides.ts'

/**
 * tldraw's context menu with the workflow actions on top: "Turn into step" for sticky notes, "Add
 * next step" for a shape a flow can continue from.
 */
export function BoardContextMenu(props: TLUiContextMenuProps) {
  const editor = useEditor()
  // A participant whose tools are limited to notes cannot make steps of them.
  const canMakeSteps = !useWorkshop(editor)?.toolsRestricted
  const hasNotes =
    useValue('selection has notes', () => editor.getSelectedShapes().some(isNote), [editor]) && canMakeSteps
  const canContinue = useValue(
    'selection can continue',
    () => canContinueFrom(editor.getOnlySelectedShape() ?? undefined),
    [editor],
  )
  return (
    <DefaultContextMenu {...props}>
      {(hasNotes || canContinue) && (
        <TldrawUiMenuGroup id="flowmap-workflow">
          {hasNotes && <TldrawUiMenuActionItem actionId={TURN_INTO_STEP_ACTION} />}
          {canContinue && <TldrawUiMenuActionItem actionId={ADD_NEXT_STEP_ACTION} />}
        </TldrawUiMenuGroup>
      )}
      <LockMenuItems />
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  )
}
