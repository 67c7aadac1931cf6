import type { TLShape } from 'tldraw'
import { useBoardRole } from './board-roles.ts'
import { containerShapeUtil } from './ContainerShapeUtil.ts'
import { LANE_HEADER_WIDTH, UNASSIGNED_LANE_COLOR } from './container-layout.ts'
import { LaneSvg } from './container-svg.tsx'
import { EditableLabel } from './EditableLabel.tsx'
import { textColorOn } from './role-badge.ts'
import { ShapeContainer } from './shape-frame.tsx'

export type LaneShape = TLShape<'lane'>

/**
 * A swimlane bound to a role. Steps dropped in it take the lane's role as their owner
 * (see lane-ownership.ts); the band on the left shows the role's name and colour.
 */
export class LaneShapeUtil extends containerShapeUtil('lane', LaneSvg) {
  // A stage is a column that holds lanes (the graph reads stage → lane → step), never the other way;
  // and lanes stack beside each other in a pool, never inside one another.
  override canReceiveNewChildrenOfType(shape: LaneShape, type: TLShape['type']): boolean {
    return !shape.isLocked && type !== 'stage' && type !== 'lane'
  }

  override getAriaDescriptor(shape: LaneShape): string {
    return `Lane ${shape.props.label || 'untitled'}`
  }

  protected override headerSize(shape: LaneShape) {
    return { width: LANE_HEADER_WIDTH, height: shape.props.h }
  }

  override component(shape: LaneShape) {
    return <LaneView shape={shape} />
  }
}

function LaneView({ shape }: { shape: LaneShape }) {
  const role = useBoardRole(shape.props.roleId)
  const color = role?.color ?? UNASSIGNED_LANE_COLOR
  return (
    <ShapeContainer shape={shape} style={{ ['--lane-color' as string]: color }}>
      <div className="flowmap-lane__header" style={{ width: LANE_HEADER_WIDTH }}>
        <EditableLabel shape={shape} placeholder="Lane" ariaLabel="Lane name" />
        <span
          className="flowmap-lane__role"
          style={role ? { background: color, color: textColorOn(color) } : undefined}
          data-unassigned={role === null}
          title={role ? `${role.name} (${role.kind})` : 'No role: pick one in the inspector'}
        >
          {role ? role.name : shape.props.roleId ? 'Unknown role' : 'No role'}
        </span>
      </div>
    </ShapeContainer>
  )
}
