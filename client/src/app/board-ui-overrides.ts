import { onDragFromToolbarToCreateShape, type TLUiOverrides } from 'tldraw'
import { addNextStep, canContinueFrom } from '../shapes/next-step.ts'
import { isNote, turnNotesIntoSteps } from '../shapes/note-to-step.ts'
import { WORKFLOW_TOOL_ITEMS } from '../shapes/workflow-shapes.tsx'

export const TURN_INTO_STEP_ACTION = 'flowmap.turn-into-step'
export const ADD_NEXT_STEP_ACTION = 'flowmap.add-next-step'

/** Adds the workflow tools (with their shortcuts) and the workflow actions to tldraw's UI. */
export const BOARD_UI_OVERRIDES: TLUiOverrides = {
  tools(editor, tools) {
    for (const item of WORKFLOW_TOOL_ITEMS) {
      tools[item.id] = {
        id: item.id,
        label: item.label,
        icon: item.icon,
        kbd: item.kbd,
        onSelect() {
          editor.setCurrentTool(item.id)
        },
        // Drag a tool onto the board (Miro's way): the shape follows the pointer, and dropping it
        // into a lane or stage puts it there, as a drag of an existing shape would.
        onDragStart(_source, info) {
          onDragFromToolbarToCreateShape(editor, info, {
            createShape: (id) => editor.createShape({ id, type: item.id }),
          })
        },
      }
    }
    return tools
  },
  actions(editor, actions) {
    // Ctrl+/ (⌘/ on a Mac) opens the shortcuts list, as in most web apps; tldraw gives that key to
    // dark mode, which moves to the shortcuts dialog's old key (Ctrl+Alt+/).
    const shortcuts = actions['open-kbd-shortcuts']
    if (shortcuts) actions['open-kbd-shortcuts'] = { ...shortcuts, kbd: 'cmd+/,ctrl+/' }
    const darkMode = actions['toggle-dark-mode']
    if (darkMode) actions['toggle-dark-mode'] = { ...darkMode, kbd: 'cmd+alt+/,ctrl+alt+/' }
    actions[TURN_INTO_STEP_ACTION] = {
      id: TURN_INTO_STEP_ACTION,
      label: 'Turn into step',
      onSelect() {
        const notes = editor.getSelectedShapes().filter(isNote)
        turnNotesIntoSteps(
          editor,
          notes.map((note) => note.id),
        )
      },
    }
    actions[ADD_NEXT_STEP_ACTION] = {
      id: ADD_NEXT_STEP_ACTION,
      label: 'Add next step',
      kbd: 'shift+s',
      onSelect() {
        const only = editor.getOnlySelectedShape()
        if (only && canContinueFrom(only) && !editor.getIsReadonly()) addNextStep(editor, only.id)
      },
    }
    return actions
  },
}
