import { TldrawUiMenuGroup, TldrawUiMenuItem, useEditor, useValue } from 'tldraw'
import { carriesLock, lockHolderFor, setShapeLocks } from './shape-lock-actions.ts'
import { useWorkshop } from './workshop-state.ts'

/** "Lock for participants" and "Unlock" in a facilitator's context menu, for the selected shapes. */
export function LockMenuItems() {
  const editor = useEditor()
  const workshop = useWorkshop(editor)
  const counts = useValue('selection locks', () => {
    const shapes = editor.getSelectedShapes()
    const locked = shapes.filter(carriesLock).length
    return { locked, unlocked: shapes.length - locked }
  }, [editor])
  if (!workshop?.isFacilitator || counts.locked + counts.unlocked === 0) return null
  const ids = () => editor.getSelectedShapeIds()
  return (
    <TldrawUiMenuGroup id="flowmap-locks">
      {counts.unlocked > 0 && (
        <TldrawUiMenuItem
          id="flowmap-lock-for-participants"
          label="Lock for participants"
          onSelect={() => setShapeLocks(editor, ids(), lockHolderFor(editor))}
        />
      )}
      {counts.locked > 0 && (
        <TldrawUiMenuItem
          id="flowmap-unlock"
          label="Unlock"
          onSelect={() => setShapeLocks(editor, ids(), null)}
        />
      )}
    </TldrawUiMenuGroup>
  )
}
