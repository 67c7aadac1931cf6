import { ContainerShapeTool } from './ContainerShapeUtil.ts'

export class StageShapeTool extends ContainerShapeTool {
  static override id = 'stage'
  override shapeType = 'stage' as const
}
