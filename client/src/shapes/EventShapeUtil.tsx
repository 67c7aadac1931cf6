import { Circle2d, type Geometry2d, type TLShape } from 'tldraw'
import { EditableLabel } from './EditableLabel.tsx'
import { flowNodeShapeUtil } from './FlowNodeShapeUtil.ts'
import { EventSvg } from './flow-node-svg.tsx'
import { ShapeContainer } from './shape-frame.tsx'

export type EventShape = TLShape<'event'>

/** Where the workflow starts and ends (BPMN's start and end events: a thin and a thick circle). */
export class EventShapeUtil extends flowNodeShapeUtil('event', EventSvg) {
  override getDefaultProps(): EventShape['props'] {
    // The first event on a page is its start; later ones are ends. The inspector switches it.
    const hasStart = this.editor
      .getCurrentPageShapes()
      .some((shape) => shape.type === 'event' && (shape as EventShape).props.kind === 'start')
    return { ...super.getDefaultProps(), kind: hasStart ? 'end' : 'start' }
  }

  override isAspectRatioLocked(): boolean {
    return true
  }

  override getAriaDescriptor(shape: EventShape): string {
    return `${shape.props.kind === 'start' ? 'Start' : 'End'} event ${shape.props.label}`.trim()
  }

  override getGeometry(shape: EventShape): Geometry2d {
    return new Circle2d({ radius: Math.min(shape.props.w, shape.props.h) / 2, isFilled: true })
  }

  override component(shape: EventShape) {
    const { w, h, kind } = shape.props
    const size = Math.min(w, h)
    return (
      <ShapeContainer shape={shape} style={{ width: size, height: size }} data={{ 'data-kind': kind }}>
        <div className="flowmap-event__circle" style={{ width: size, height: size }}>
          <span className="flowmap-event__kind">{kind === 'start' ? 'Start' : 'End'}</span>
        </div>
        <div className="flowmap-event__caption">
          <EditableLabel shape={shape} placeholder="" ariaLabel="Event label" />
        </div>
      </ShapeContainer>
    )
  }

  override getIndicatorPath(shape: EventShape): Path2D {
    const radius = Math.min(shape.props.w, shape.props.h) / 2
    const path = new Path2D()
    path.arc(radius, radius, radius, 0, Math.PI * 2)
    return path
  }
}
