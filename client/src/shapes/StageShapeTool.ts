import { BaseBoxShapeTool, type TLShape } from 'tldraw'
import { adoptEnclosedShapes } from './enclose-shapes.ts'

export class StageShapeTool extends BaseBoxShapeTool {
  static override id = 'stage'
  static override initial = 'idle'
  override shapeType = 'stage' as const

  // Called when the shape was drawn by dragging (not for a click's default-size shape), like frames.
  override onCreate(shape: TLShape | null): void {
    adoptEnclosedShapes(this.editor, shape)
    if (this.editor.getInstanceState().isToolLocked) this.editor.setCurrentTool('stage')
    else this.editor.setCurrentTool('select.idle')
  }
}
