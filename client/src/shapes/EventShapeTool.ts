import { BaseBoxShapeTool } from 'tldraw'

export class EventShapeTool extends BaseBoxShapeTool {
  static override id = 'event'
  static override initial = 'idle'
  override shapeType = 'event' as const
}
