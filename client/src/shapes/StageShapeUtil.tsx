import { stageShapeMigrations, stageShapeProps } from '@flowmap/shared'
import {
  BaseFrameLikeShapeUtil,
  type Geometry2d,
  Group2d,
  HTMLContainer,
  Rectangle2d,
  type TLEditStartInfo,
  type TLFontFace,
  type TLShape,
  type TLShapeUtilCanBindOpts,
} from 'tldraw'
import { STAGE_HEADER_HEIGHT } from './container-layout.ts'
import { StageSvg } from './container-svg.tsx'
import { EditableLabel } from './EditableLabel.tsx'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

export type StageShape = TLShape<'stage'>

/** A stage (phase) of the workflow: a column that holds the steps done in it. */
export class StageShapeUtil extends BaseFrameLikeShapeUtil<StageShape> {
  static override type = 'stage' as const
  static override props = stageShapeProps
  static override migrations = stageShapeMigrations

  override getDefaultProps(): StageShape['props'] {
    const stages = this.editor.getCurrentPageShapes().filter((shape) => shape.type === 'stage')
    return { w: 320, h: 560, label: '', order: stages.length + 1 }
  }

  // Flows join steps, decisions, events and artifacts, never a container: an arrow let go over an
  // empty part of a stage or lane stays loose (and the checks say so) instead of binding to it.
  override canBind({ bindingType }: TLShapeUtilCanBindOpts<StageShape>): boolean {
    return bindingType !== 'arrow'
  }

  override canEdit(_shape: StageShape, _info: TLEditStartInfo): boolean {
    return true
  }

  override canResize(): boolean {
    return true
  }

  override getFontFaces(): TLFontFace[] {
    return [...WORKFLOW_FONT_FACES]
  }

  override getText(shape: StageShape): string {
    return shape.props.label
  }

  override getAriaDescriptor(shape: StageShape): string {
    return `Stage ${shape.props.order}: ${shape.props.label || 'untitled'}`
  }

  override getGeometry(shape: StageShape): Geometry2d {
    const { w, h } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: h, isFilled: false }),
        // The header is solid so a click on it selects the stage; the body lets clicks reach children.
        new Rectangle2d({
          width: w,
          height: Math.min(STAGE_HEADER_HEIGHT, h),
          isFilled: true,
          isLabel: true,
        }),
      ],
    })
  }

  override component(shape: StageShape) {
    const { w, h, label, order } = shape.props
    return (
      <HTMLContainer className="flowmap-stage" style={{ width: w, height: h }} data-shape-type="stage">
        <div className="flowmap-stage__header" style={{ height: STAGE_HEADER_HEIGHT }}>
          <span className="flowmap-stage__order" title="Stage order">
            {order}
          </span>
          <EditableLabel
            shapeId={shape.id}
            text={label}
            placeholder="Stage"
            ariaLabel="Stage name"
            className="flowmap-stage__label"
            onTextChange={(text) =>
              this.editor.updateShape({ id: shape.id, type: 'stage', props: { label: text } })
            }
          />
        </div>
      </HTMLContainer>
    )
  }

  // Drawn in SVG for exports (see StepShapeUtil.toSvg).
  override toSvg(shape: StageShape) {
    return <StageSvg editor={this.editor} shape={shape} />
  }

  override getIndicatorPath(shape: StageShape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
