import { useEditor, useValue } from 'tldraw'
import { WORKFLOW_TOOL_ITEMS } from '../shapes/workflow-shapes.tsx'

/**
 * What to do on a blank board: the workflow tools and their keys, the arrow for flows, and sticky
 * notes for a brainstorm first. Gone as soon as the page has a shape; never shown to viewers.
 */
export function EmptyBoardHint() {
  const editor = useEditor()
  const visible = useValue(
    'board is empty',
    () => !editor.getIsReadonly() && editor.getCurrentPageShapeIds().size === 0,
    [editor],
  )
  if (!visible) return null
  return (
    <div className="flowmap-empty-hint" data-testid="empty-board-hint">
      <p className="flowmap-empty-hint__title">Map how the work flows</p>
      <ul className="flowmap-empty-hint__keys">
        {WORKFLOW_TOOL_ITEMS.map((item) => (
          <li key={item.id}>
            <kbd>{item.kbd.toUpperCase()}</kbd> {item.label}
          </li>
        ))}
        <li>
          <kbd>A</kbd> Arrow between shapes
        </li>
        <li>
          <kbd>N</kbd> Sticky note
        </li>
      </ul>
      <p className="flowmap-empty-hint__note">
        Start with sticky notes if you are brainstorming: right-click a note to turn it into a step.
      </p>
    </div>
  )
}
