import { type FlowKind, MAX_BRANCH_LABEL_CHARS, readConnectorMeta } from '@flowmap/shared'
import {
  type Editor,
  renderPlaintextFromRichText,
  type TLArrowShape,
  type TLShape,
  type TLShapeId,
} from 'tldraw'
import { preferElbowConnectors } from './connector-routing.ts'

/**
 * Connectors are tldraw arrows whose `meta.flow` says what they mean. The line style shows it
 * (sequence solid, dependency dashed, information dotted) and the two are kept in step both ways:
 * choosing a flow kind in the inspector sets the dash, choosing a dash in tldraw's style panel sets
 * the flow kind. Only the user's own changes are reconciled; a remote change arrives already
 * reconciled by its author, so every client ends on the same state without writing back.
 *
 * An arrow leaving a decision also keeps its branch label (`meta.branch`) and its text label on the
 * canvas in step: typing "yes" on the arrow or in the inspector's branch field sets both.
 */

type ArrowDash = TLArrowShape['props']['dash']

const DASH_BY_FLOW: Record<FlowKind, Exclude<ArrowDash, 'draw'>> = {
  sequence: 'solid',
  dependency: 'dashed',
  information: 'dotted',
}

export function dashForFlow(flow: FlowKind): Exclude<ArrowDash, 'draw'> {
  return DASH_BY_FLOW[flow]
}

/** The flow kind a dash style stands for; tldraw's hand-drawn "draw" dash stands for none. */
export function flowForDash(dash: ArrowDash): FlowKind | null {
  for (const [flow, flowDash] of Object.entries(DASH_BY_FLOW) as [FlowKind, ArrowDash][]) {
    if (flowDash === dash) return flow
  }
  return null
}

/** A new arrow gets an explicit flow kind and the dash that shows it. */
export function withFlowOnCreate(arrow: TLArrowShape): TLArrowShape {
  const fromDash = flowForDash(arrow.props.dash)
  const flow =
    typeof arrow.meta.flow === 'string' ? readConnectorMeta(arrow.meta).flow : (fromDash ?? 'sequence')
  const dash = dashForFlow(flow)
  if (arrow.meta.flow === flow && arrow.props.dash === dash) return arrow
  return { ...arrow, props: { ...arrow.props, dash }, meta: { ...arrow.meta, flow } }
}

/** After a change to an arrow, makes the dash and the flow kind agree again; the one that changed wins. */
export function reconcileFlowAndDash(prev: TLArrowShape, next: TLArrowShape): TLArrowShape {
  const prevFlow = readConnectorMeta(prev.meta).flow
  const nextFlow = readConnectorMeta(next.meta).flow
  if (prevFlow !== nextFlow || prev.meta.flow !== next.meta.flow) {
    const dash = dashForFlow(nextFlow)
    return next.props.dash === dash ? next : { ...next, props: { ...next.props, dash } }
  }
  if (prev.props.dash !== next.props.dash) {
    const flow = flowForDash(next.props.dash)
    if (flow !== null && flow !== nextFlow) return { ...next, meta: { ...next.meta, flow } }
  }
  return next
}

function isArrow(shape: TLShape): shape is TLArrowShape {
  return shape.type === 'arrow'
}

/** The decision an arrow leaves from, if it starts at one: only those arrows carry a branch label. */
export function decisionArrowStartsAt(editor: Editor, arrowId: TLShapeId): TLShapeId | null {
  for (const binding of editor.getBindingsFromShape(arrowId, 'arrow')) {
    if ((binding.props as { terminal?: string }).terminal !== 'start') continue
    const target = editor.getShape(binding.toId)
    if (target?.type === 'decision') return target.id
  }
  return null
}

export function registerConnectorFlowStyle(editor: Editor): () => void {
  preferElbowConnectors(editor)
  const removeCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isArrow(shape)) return shape
    return withFlowOnCreate(shape)
  })
  const removeChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !isArrow(prev) || !isArrow(next)) return next
    return withBranchFromLabel(editor, prev, reconcileFlowAndDash(prev, next))
  })
  return () => {
    removeCreate()
    removeChange()
  }
}

/** When the text on an arrow leaving a decision changes, its branch label becomes that text. */
function withBranchFromLabel(editor: Editor, prev: TLArrowShape, next: TLArrowShape): TLArrowShape {
  if (prev.props.richText === next.props.richText) return next
  if (decisionArrowStartsAt(editor, next.id) === null) return next
  // The arrow's text has no limit of its own (the record's size bounds it); its branch label does.
  const text = renderPlaintextFromRichText(editor, next.props.richText)
    .trim()
    .slice(0, MAX_BRANCH_LABEL_CHARS)
  if ((readConnectorMeta(next.meta).branch ?? '') === text) return next
  return { ...next, meta: { ...next.meta, branch: text } }
}
