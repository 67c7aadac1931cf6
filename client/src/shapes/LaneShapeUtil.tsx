import { laneShapeMigrations, laneShapeProps } from '@flowmap/shared'
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
import { useBoardRole } from './board-roles.ts'
import { LANE_HEADER_WIDTH, UNASSIGNED_LANE_COLOR } from './container-layout.ts'
import { LaneSvg } from './container-svg.tsx'
import { EditableLabel } from './EditableLabel.tsx'
import { textColorOn } from './role-badge.ts'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

export type LaneShape = TLShape<'lane'>

/**
 * A swimlane bound to a role. Steps dropped in it take the lane's role as their owner
 * (see lane-ownership.ts); the band on the left shows the role's name and colour.
 */
export class LaneShapeUtil extends BaseFrameLikeShapeUtil<LaneShape> {
  static override type = 'lane' as const
  static override props = laneShapeProps
  static override migrations = laneShapeMigrations

  override getDefaultProps(): LaneShape['props'] {
    return { w: 960, h: 200, label: '', roleId: null }
  }

  // A stage is a column that holds lanes (the graph reads stage → lane → step), never the other way.
  override canReceiveNewChildrenOfType(shape: LaneShape, type: TLShape['type']): boolean {
    return !shape.isLocked && type !== 'stage'
  }

  // Flows join steps, decisions, events and artifacts, never a container: an arrow let go over an
  // empty part of a stage or lane stays loose (and the checks say so) instead of binding to it.
  override canBind({ bindingType }: TLShapeUtilCanBindOpts<LaneShape>): boolean {
    return bindingType !== 'arrow'
  }

  override canEdit(_shape: LaneShape, _info: TLEditStartInfo): boolean {
    return true
  }

  override canResize(): boolean {
    return true
  }

  override getFontFaces(): TLFontFace[] {
    return [...WORKFLOW_FONT_FACES]
  }

  override getText(shape: LaneShape): string {
    return shape.props.label
  }

  override getAriaDescriptor(shape: LaneShape): string {
    return `Lane ${shape.props.label || 'untitled'}`
  }

  override getGeometry(shape: LaneShape): Geometry2d {
    const { w, h } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: h, isFilled: false }),
        new Rectangle2d({ width: Math.min(LANE_HEADER_WIDTH, w), height: h, isFilled: true, isLabel: true }),
      ],
    })
  }

  override component(shape: LaneShape) {
    return <LaneView shape={shape} onLabelChange={(label) => this.setLabel(shape, label)} />
  }

  // Drawn in SVG for exports (see StepShapeUtil.toSvg).
  override toSvg(shape: LaneShape) {
    return <LaneSvg editor={this.editor} shape={shape} />
  }

  override getIndicatorPath(shape: LaneShape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }

  private setLabel(shape: LaneShape, label: string) {
    this.editor.updateShape({ id: shape.id, type: 'lane', props: { label } })
  }
}

function LaneView({ shape, onLabelChange }: { shape: LaneShape; onLabelChange(label: string): void }) {
  const role = useBoardRole(shape.props.roleId)
  const color = role?.color ?? UNASSIGNED_LANE_COLOR
  const { w, h } = shape.props
  return (
    <HTMLContainer
      className="flowmap-lane"
      style={{ width: w, height: h, ['--lane-color' as string]: color }}
      data-shape-type="lane"
    >
      <div className="flowmap-lane__header" style={{ width: LANE_HEADER_WIDTH }}>
        <EditableLabel
          shapeId={shape.id}
          text={shape.props.label}
          placeholder="Lane"
          ariaLabel="Lane name"
          className="flowmap-lane__label"
          onTextChange={onLabelChange}
        />
        <span
          className="flowmap-lane__role"
          style={role ? { background: color, color: textColorOn(color) } : undefined}
          data-unassigned={role === null}
          title={role ? `${role.name} (${role.kind})` : 'No role: pick one in the inspector'}
        >
          {role ? role.name : shape.props.roleId ? 'Unknown role' : 'No role'}
        </span>
      </div>
    </HTMLContainer>
  )
}
