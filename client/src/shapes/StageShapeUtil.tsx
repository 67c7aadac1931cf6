import type { TLShape } from 'tldraw'
import { containerShapeUtil } from './ContainerShapeUtil.ts'
import { STAGE_HEADER_HEIGHT } from './container-layout.ts'
import { StageSvg } from './container-svg.tsx'
import { EditableLabel } from './EditableLabel.tsx'
import { ShapeContainer } from './shape-frame.tsx'

export type StageShape = TLShape<'stage'>

/** A stage (phase) of the workflow: a column that holds the steps done in it. */
export class StageShapeUtil extends containerShapeUtil('stage', StageSvg) {
  override getDefaultProps(): StageShape['props'] {
    // A new stage comes after those already on the page.
    const stages = this.editor.getCurrentPageShapes().filter((shape) => shape.type === 'stage')
    return { ...super.getDefaultProps(), order: stages.length + 1 }
  }

  // Stages stand side by side (a pool of columns), never one inside another.
  override canReceiveNewChildrenOfType(shape: StageShape, type: TLShape['type']): boolean {
    return !shape.isLocked && type !== 'stage'
  }

  override getAriaDescriptor(shape: StageShape): string {
    return `Stage ${shape.props.order}: ${shape.props.label || 'untitled'}`
  }

  protected override headerSize(shape: StageShape) {
    return { width: shape.props.w, height: STAGE_HEADER_HEIGHT }
  }

  override component(shape: StageShape) {
    const { order } = shape.props
    return (
      <ShapeContainer shape={shape}>
        <div className="flowmap-stage__header" style={{ height: STAGE_HEADER_HEIGHT }}>
          <span className="flowmap-stage__order" title="Stage order">
            {order}
          </span>
          <EditableLabel shape={shape} placeholder="Stage" ariaLabel="Stage name" />
        </div>
      </ShapeContainer>
    )
  }
}
