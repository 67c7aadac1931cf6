import {
  DefaultKeyboardShortcutsDialog,
  DefaultKeyboardShortcutsDialogContent,
  type TLUiKeyboardShortcutsDialogProps,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  TldrawUiMenuToolItem,
} from 'tldraw'
import { WORKFLOW_TOOL_ITEMS } from '../shapes/workflow-shapes.tsx'
import { ADD_NEXT_STEP_ACTION } from './board-ui-overrides.ts'

/**
 * tldraw's keyboard-shortcuts dialog with the workflow keys first: its own tool list names only
 * tldraw's tools, so the keys a facilitator uses most (stage, lane, step...) were nowhere to be found.
 */
export function BoardShortcutsDialog(props: TLUiKeyboardShortcutsDialogProps) {
  return (
    <DefaultKeyboardShortcutsDialog {...props}>
      <TldrawUiMenuGroup label="Workflow" id="workflow">
        {WORKFLOW_TOOL_ITEMS.map((item) => (
          <TldrawUiMenuToolItem key={item.id} toolId={item.id} />
        ))}
        <TldrawUiMenuActionItem actionId={ADD_NEXT_STEP_ACTION} />
        <TldrawUiMenuActionItem actionId="toggle-lock" />
      </TldrawUiMenuGroup>
      <DefaultKeyboardShortcutsDialogContent />
    </DefaultKeyboardShortcutsDialog>
  )
}
