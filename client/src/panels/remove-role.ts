import type { Editor, TLShapePartial } from 'tldraw'
import type { BoardModel } from '../sync/board-model.ts'

/**
 * Removing a role also unassigns it from the steps and lanes that named it, so nothing on the board
 * points at a role that no longer exists. The shapes change through the editor (one undo step, and
 * through the sync binding to everyone); the role is not a tldraw record, so it goes through the board
 * model.
 */
export function removeRole(model: BoardModel, editor: Editor | null, roleId: string): void {
  if (editor) {
    const updates: TLShapePartial[] = []
    for (const shape of editor.getCurrentPageShapes()) {
      if (shape.type === 'step' && shape.props.owner === roleId) {
        updates.push({ id: shape.id, type: 'step', props: { owner: null } })
      } else if (shape.type === 'lane' && shape.props.roleId === roleId) {
        updates.push({ id: shape.id, type: 'lane', props: { roleId: null } })
      }
    }
    if (updates.length > 0) {
      editor.markHistoryStoppingPoint('remove role')
      editor.updateShapes(updates)
    }
  }
  model.deleteRole(roleId)
}
