import './connector-label.css'
import {
  ArrowShapeUtil,
  Group2d,
  getFontFamily,
  Rectangle2d,
  type TLArrowShape,
  type TLFontFace,
  type VecLike,
} from 'tldraw'
import { labelOffsetBeside } from './label-beside-line.ts'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

/** A connector label's hit area, moved beside the line; it keeps the offset the label is drawn with. */
class LabelBesideLine extends Rectangle2d {
  readonly offset: VecLike
  constructor(box: { x: number; y: number; w: number; h: number }, offset: VecLike) {
    super({ x: box.x, y: box.y, width: box.w, height: box.h, isFilled: true, isLabel: true })
    this.offset = offset
  }
}

/**
 * Connectors are tldraw's arrows, drawn as tldraw draws them except for their labels:
 * - a label in tldraw's default hand-drawn face ("draw") is set in the board's font, as the cards are,
 *   so "yes" and "no" on a decision's branches read as part of the same map; a face someone picked in
 *   the style panel (serif, mono, sans) is kept;
 * - the label sits beside the line (label-beside-line.ts), not on it, so the line stays whole.
 * Only how a label is drawn and hit changes, not the record: the arrow's props and the server's schema
 * stay tldraw's own, existing boards change with no migration. Exports keep tldraw's placement.
 */
class WorkflowArrowShapeUtil extends ArrowShapeUtil {
  override getFontFaces(shape: TLArrowShape): TLFontFace[] {
    // The board's face replaces the hand-drawn one, so that is the face to load and embed in exports.
    if (shape.props.font === 'draw') return [...WORKFLOW_FONT_FACES]
    return super.getFontFaces(shape)
  }

  // tldraw caches a shape's geometry until the shape or its bindings change, so this runs no more
  // often than tldraw's own label placement does.
  override getGeometry(shape: TLArrowShape): Group2d {
    const geometry = super.getGeometry(shape)
    const [body, label, ...rest] = geometry.children
    if (!body || !label?.isLabel) return geometry
    const box = label.bounds
    const offset = labelOffsetBeside(body.vertices, box)
    const moved = new LabelBesideLine(
      { x: box.x + offset.x, y: box.y + offset.y, w: box.w, h: box.h },
      offset,
    )
    return new Group2d({ children: [body, moved, ...rest] })
  }

  override component(shape: TLArrowShape) {
    const label = this.editor.getShapeGeometry(shape)
    const moved = label instanceof Group2d ? label.children[1] : undefined
    const offset = moved instanceof LabelBesideLine ? moved.offset : { x: 0, y: 0 }
    return (
      <div
        className="flowmap-connector"
        style={{
          ['--flowmap-label-dx' as string]: `${offset.x}px`,
          ['--flowmap-label-dy' as string]: `${offset.y}px`,
        }}
      >
        {super.component(shape)}
      </div>
    )
  }
}

export const ConnectorShapeUtil = WorkflowArrowShapeUtil.configure({
  getCustomDisplayValues(_editor, shape, theme) {
    return shape.props.font === 'draw' ? { labelFontFamily: getFontFamily(theme, 'sans') } : {}
  },
})
