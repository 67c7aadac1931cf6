import { ArrowShapeUtil, getFontFamily, type TLArrowShape, type TLFontFace } from 'tldraw'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

/**
 * Connectors are tldraw's arrows, drawn as tldraw draws them except for their labels: a label in
 * tldraw's default hand-drawn face ("draw") is set in the board's font instead, as the cards are, so
 * "yes" and "no" on a decision's branches read as part of the same map. A face someone picked in the
 * style panel (serif, mono, sans) is kept. Only how a label is drawn changes, not the record: the
 * arrow's props and the server's schema stay tldraw's own, and existing boards change with no migration.
 */
class WorkflowArrowShapeUtil extends ArrowShapeUtil {
  override getFontFaces(shape: TLArrowShape): TLFontFace[] {
    // The board's face replaces the hand-drawn one, so that is the face to load and embed in exports.
    if (shape.props.font === 'draw') return [...WORKFLOW_FONT_FACES]
    return super.getFontFaces(shape)
  }
}

export const ConnectorShapeUtil = WorkflowArrowShapeUtil.configure({
  getCustomDisplayValues(_editor, shape, theme) {
    return shape.props.font === 'draw' ? { labelFontFamily: getFontFamily(theme, 'sans') } : {}
  },
})
