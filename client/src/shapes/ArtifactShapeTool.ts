import { BaseBoxShapeTool } from 'tldraw'

export class ArtifactShapeTool extends BaseBoxShapeTool {
  static override id = 'artifact'
  static override initial = 'idle'
  override shapeType = 'artifact' as const
}
