import { BaseBoxShapeTool } from 'tldraw'

export class DecisionShapeTool extends BaseBoxShapeTool {
  static override id = 'decision'
  static override initial = 'idle'
  override shapeType = 'decision' as const
}
