import { BaseBoxShapeTool } from 'tldraw'

export class LaneShapeTool extends BaseBoxShapeTool {
  static override id = 'lane'
  static override initial = 'idle'
  override shapeType = 'lane' as const
}
