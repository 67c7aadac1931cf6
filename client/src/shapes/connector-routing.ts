import { ArrowShapeKindStyle, type Editor } from 'tldraw'

/**
 * Workflow connectors are drawn with elbow (orthogonal) routing by default, as flowcharts and BPMN
 * diagrams are: right angles read as "then" across lanes, where arcs cross cards. tldraw takes a new
 * arrow's `kind` from the styles for the next shape, so setting it there covers the arrow tool and
 * every arrow the board creates in code (next step, notes into steps). The style panel's arrow-kind
 * picker switches a connector, or the next ones, back to arcs; a choice made there this session is
 * kept. `kind` is one of tldraw's own arrow props, so the server's schema accepts both values.
 */
export function preferElbowConnectors(editor: Editor): void {
  if (editor.getInstanceState().stylesForNextShape[ArrowShapeKindStyle.id] !== undefined) return
  editor.setStyleForNextShapes(ArrowShapeKindStyle, 'elbow', { history: 'ignore' })
}
