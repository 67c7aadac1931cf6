import './card-overview.css'
import type { Role, StepAutomation, StepStatus } from '@flowmap/shared'
import { type TLShape, useColorMode, useEditor, useValue } from 'tldraw'
import { getBoardRole } from './board-roles.ts'
import { overviewLabelSize, STEP_OVERVIEW_MAX_LABEL } from './card-zoom.ts'
import { EditableLabel } from './EditableLabel.tsx'
import { flowNodeShapeUtil } from './FlowNodeShapeUtil.ts'
import { roleInitials, textColorOn } from './role-badge.ts'
import { ShapeContainer } from './shape-frame.tsx'
import { StepSvg } from './step-svg.tsx'
import { automationColors, statusColors, stepCardColors } from './workflow-colors.ts'
import { AutomationIcon } from './workflow-icons.tsx'
import { AUTOMATION_OPTIONS, formatHours, labelOf, STATUS_OPTIONS } from './workflow-vocabulary.ts'

export type StepShape = TLShape<'step'>

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
  const mode = useColorMode()
  const card = stepCardColors(status, mode)
  // Below the legible zoom the badges and footer are too small to read (10.5 and 11.5 page px): the
  // card shows its owner band, status dot and a larger label instead (card-zoom.ts). Drawing less
  // there also keeps panning a large board fluid: at zoom 0.5, 2,000 detailed steps took ~25-32 ms
  // a frame against ~20 ms without details (bench/src/pan-frame-bench.ts). The efficient zoom level
  // waits for a zoom to settle on large boards, and the size changes in steps, so cards re-render
  // only when the zoom crosses one.
  const overviewSize = useValue(
    'step overview label size',
    () => overviewLabelSize(editor.getEfficientZoomLevel(), STEP_OVERVIEW_MAX_LABEL),
    [editor],
  )
  const detailed = overviewSize === null
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
        ...(overviewSize === null ? {} : { ['--overview-label-size' as string]: `${overviewSize}px` }),
      }}
      data={{
        'data-status': status,
        'data-automation': automation,
        'data-zoom-mode': detailed ? 'detailed' : 'overview',
        'data-inherited-owner': inherited,
      }}
    >
      {detailed ? (
        <StepBadges status={status} automation={automation} />
      ) : (
        <span
          className="flowmap-step__status-dot"
          data-status={status}
          title={labelOf(STATUS_OPTIONS, status)}
          style={{ background: statusColors(status, mode).text }}
        />
      )}
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
  const { owner, description, estimate, estimateRange, wait, waitRange } = step
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
      {wait !== null && wait > 0 && (
        <span
          className="flowmap-step__estimate flowmap-step__wait"
          title={`Waits ${timeTitle(wait, waitRange)} before it starts`}
        >
          wait {formatHours(wait)}
        </span>
      )}
      {estimate !== null && (
        <span className="flowmap-step__estimate" title={`Process time ${timeTitle(estimate, estimateRange)}`}>
          {formatHours(estimate)}
        </span>
      )}
    </div>
  )
}

/** "4h", or "4h (3h–6h)" for a range: the full figure in a tooltip, the card keeps the likely value. */
function timeTitle(likely: number, range: { min: number; max: number } | null): string {
  return range === null
    ? formatHours(likely)
    : `${formatHours(likely)} (${formatHours(range.min)}–${formatHours(range.max)})`
}
