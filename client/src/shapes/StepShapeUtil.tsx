import type { Role, StepAutomation, StepStatus } from '@flowmap/shared'
import { type TLShape, useColorMode, useEditor, useValue } from 'tldraw'
import { getBoardRole } from './board-roles.ts'
import { EditableLabel } from './EditableLabel.tsx'
import { flowNodeShapeUtil } from './FlowNodeShapeUtil.ts'
import { roleInitials, textColorOn } from './role-badge.ts'
import { ShapeContainer } from './shape-frame.tsx'
import { StepSvg } from './step-svg.tsx'
import { automationColors, statusColors, stepCardColors } from './workflow-colors.ts'
import { AutomationIcon } from './workflow-icons.tsx'
import { AUTOMATION_OPTIONS, formatHours, labelOf, STATUS_OPTIONS } from './workflow-vocabulary.ts'

export type StepShape = TLShape<'step'>

/**
 * Below this zoom the card draws only its paper, edges and label. The badge and footer text (10.5 and
 * 11.5 page px) is under ~6 screen px there, too small to read, yet it was most of a card's paint:
 * panning 2,000 steps at zoom 0.5 took ~25-32 ms a frame with it and ~20 ms without, against ~18 ms
 * for tldraw's geo rectangles (bench/src/pan-frame-bench.ts).
 */
const DETAIL_ZOOM = 0.6

/** A unit of work: who owns it, how far along it is, and who or what carries it out. */
export class StepShapeUtil extends flowNodeShapeUtil('step', StepSvg) {
  override getAriaDescriptor(shape: StepShape): string {
    return `Step ${shape.props.label || 'untitled'}, ${shape.props.status}, ${shape.props.automation}`
  }

  override component(shape: StepShape) {
    return (
      <StepView
        shape={shape}
        onLabelOverflow={(missing) => {
          const current = this.editor.getShape<StepShape>(shape.id)
          if (current)
            this.editor.updateShape({ id: shape.id, type: 'step', props: { h: current.props.h + missing } })
        }}
      />
    )
  }

  override getIndicatorPath(shape: StepShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 10)
    return path
  }
}

type StepViewProps = {
  shape: StepShape
  onLabelOverflow(missing: number): void
}

function StepView({ shape, onLabelOverflow }: StepViewProps) {
  const { owner, status, automation } = shape.props
  const editor = useEditor()
  const card = stepCardColors(status, useColorMode())
  // Below DETAIL_ZOOM the badges and footer are too small to read: drawing only the card and its
  // label keeps panning a large board fluid (Miro and tldraw simplify far-away shapes too).
  const detailed = useValue('step shows details', () => editor.getEfficientZoomLevel() >= DETAIL_ZOOM, [
    editor,
  ])
  // A step without an owner of its own is done by its lane's role (the model's inheritance rule);
  // the card shows that role, dimmed, so the wall reads the same as the workflow graph.
  // One reactive read for both, so a board of thousands of steps keeps one subscription per card.
  const { role, inherited } = useValue('step owner role', () => {
    if (owner !== null) return { role: getBoardRole(editor, owner), inherited: false }
    const parent = editor.getShape(shape.parentId as TLShape['id'])
    const laneRole = parent?.type === 'lane' ? getBoardRole(editor, parent.props.roleId) : null
    return { role: laneRole, inherited: laneRole !== null }
  }, [editor, owner, shape.parentId])
  return (
    <ShapeContainer
      shape={shape}
      style={{
        background: card.fill,
        borderColor: card.stroke,
        ['--owner-color' as string]: role?.color ?? 'transparent',
      }}
      data={{ 'data-status': status, 'data-automation': automation }}
    >
      {detailed && <StepBadges status={status} automation={automation} />}
      <EditableLabel shape={shape} placeholder="Step" ariaLabel="Step label" onOverflow={onLabelOverflow} />
      {detailed && <StepFooter role={role} inherited={inherited} step={shape.props} />}
    </ShapeContainer>
  )
}

function StepBadges({ status, automation }: { status: StepStatus; automation: StepAutomation }) {
  const mode = useColorMode()
  const statusColor = statusColors(status, mode)
  const automationColor = automationColors(automation, mode)
  return (
    <div className="flowmap-step__badges">
      <span
        className="flowmap-badge flowmap-badge--status"
        data-status={status}
        style={{ background: statusColor.fill, color: statusColor.text }}
      >
        {labelOf(STATUS_OPTIONS, status)}
      </span>
      <span
        className="flowmap-badge flowmap-badge--automation"
        data-automation={automation}
        style={{ background: automationColor.fill, color: automationColor.text }}
      >
        <AutomationIcon automation={automation} />
        {labelOf(AUTOMATION_OPTIONS, automation)}
      </span>
    </div>
  )
}

type StepFooterProps = { role: Role | null; inherited: boolean; step: StepShape['props'] }

function StepFooter({ role, inherited, step }: StepFooterProps) {
  const { owner, description, estimate } = step
  return (
    <div className="flowmap-step__footer">
      {role ? (
        <span
          className="flowmap-step__owner"
          data-inherited={inherited}
          title={inherited ? `Owner: ${role.name} (from the lane)` : `Owner: ${role.name}`}
        >
          <span className="flowmap-avatar" style={{ background: role.color, color: textColorOn(role.color) }}>
            {roleInitials(role.name)}
          </span>
          <span className="flowmap-step__owner-name">{role.name}</span>
        </span>
      ) : (
        <span className="flowmap-step__owner" data-unowned="true" title="No owner">
          <span className="flowmap-avatar flowmap-avatar--empty">?</span>
          <span className="flowmap-step__owner-name">{owner ? 'Unknown role' : 'No owner'}</span>
        </span>
      )}
      {description.trim() !== '' && (
        <span className="flowmap-step__has-description" title={description}>
          ¶
        </span>
      )}
      {estimate !== null && <span className="flowmap-step__estimate">{formatHours(estimate)}</span>}
    </div>
  )
}
