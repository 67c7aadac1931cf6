import { ContainerShapeTool } from './ContainerShapeUtil.ts'

export class LaneShapeTool extends ContainerShapeTool {
  static override id = 'lane'
  override shapeType = 'lane' as const
}
