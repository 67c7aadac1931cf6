import './card-overview.css'
import { type Geometry2d, Polygon2d, type TLShape, useEditor, useValue, Vec } from 'tldraw'
import { DECISION_OVERVIEW_MAX_LABEL, overviewLabelSize } from './card-zoom.ts'
import { EditableLabel } from './EditableLabel.tsx'
import { flowNodeShapeUtil } from './FlowNodeShapeUtil.ts'
import { DecisionSvg } from './flow-node-svg.tsx'
import { ShapeContainer, ShapeOutline } from './shape-frame.tsx'

export type DecisionShape = TLShape<'decision'>

/** A decision point (BPMN's exclusive gateway): a diamond with its question; its outgoing arrows carry branch labels. */
export class DecisionShapeUtil extends flowNodeShapeUtil('decision', DecisionSvg) {
  override getAriaDescriptor(shape: DecisionShape): string {
    return `Decision: ${shape.props.question || 'no question yet'}`
  }

  override getGeometry(shape: DecisionShape): Geometry2d {
    const { w, h } = shape.props
    return new Polygon2d({
      points: [new Vec(w / 2, 0), new Vec(w, h / 2), new Vec(w / 2, h), new Vec(0, h / 2)],
      isFilled: true,
    })
  }

  override component(shape: DecisionShape) {
    return <DecisionView shape={shape} />
  }

  override getIndicatorPath(shape: DecisionShape): Path2D {
    const { w, h } = shape.props
    const path = new Path2D()
    path.moveTo(w / 2, 0)
    path.lineTo(w, h / 2)
    path.lineTo(w / 2, h)
    path.lineTo(0, h / 2)
    path.closePath()
    return path
  }
}

function DecisionView({ shape }: { shape: DecisionShape }) {
  const { w, h } = shape.props
  const editor = useEditor()
  // Below the legible zoom the question is set larger, in a few steps (card-zoom.ts), as a step's label is.
  const overviewSize = useValue(
    'decision overview label size',
    () => overviewLabelSize(editor.getEfficientZoomLevel(), DECISION_OVERVIEW_MAX_LABEL),
    [editor],
  )
  return (
    <ShapeContainer
      shape={shape}
      style={overviewSize === null ? undefined : { ['--overview-label-size' as string]: `${overviewSize}px` }}
      data={{ 'data-zoom-mode': overviewSize === null ? 'detailed' : 'overview' }}
    >
      <ShapeOutline className="flowmap-decision__diamond" w={w} h={h}>
        <polygon points={`${w / 2},1.5 ${w - 1.5},${h / 2} ${w / 2},${h - 1.5} 1.5,${h / 2}`} />
      </ShapeOutline>
      <div className="flowmap-decision__text" style={{ width: w * 0.62, height: h * 0.62 }}>
        <EditableLabel shape={shape} placeholder="Question?" ariaLabel="Decision question" />
      </div>
    </ShapeContainer>
  )
}
