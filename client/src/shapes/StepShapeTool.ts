import { BaseBoxShapeTool } from 'tldraw'

export class StepShapeTool extends BaseBoxShapeTool {
  static override id = 'step'
  static override initial = 'idle'
  override shapeType = 'step' as const
}
