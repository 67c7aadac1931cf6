import { BaseBoxShapeTool } from 'tldraw'

export class StageShapeTool extends BaseBoxShapeTool {
  static override id = 'stage'
  static override initial = 'idle'
  override shapeType = 'stage' as const
}
