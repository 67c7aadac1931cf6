import { plainTextOf, type VoteScope, voteScopeProblem, type WorkflowShapeType } from '@flowmap/shared'
import type { Editor, TLShape } from 'tldraw'
import type * as Y from 'yjs'
import { shapeText, type WorkflowShape } from '../shapes/shape-text.ts'

/**
 * The shapes of the current page that the vote puts on the ballot, by the same rule the server checks
 * (@flowmap/shared's voteScopeProblem), so the page offers exactly the votes the server takes.
 */
export function ballotShapes(editor: Editor, doc: Y.Doc, scope: VoteScope): TLShape[] {
  return editor.getCurrentPageShapes().filter((shape) => voteScopeProblem(doc, scope, shape.id) === null)
}

/** What a person reads for a shape in the ranked list: its text, or its kind when it has none. */
export function shapeLabel(shape: TLShape | undefined): string {
  if (shape === undefined) return '(removed shape)'
  const props = shape.props as Record<string, unknown>
  const text = shape.type === 'note' ? plainTextOf(props.richText) : shapeText(shape as WorkflowShape)
  const trimmed = (text ?? '').trim()
  return trimmed === '' ? `(unnamed ${shape.type as WorkflowShapeType | 'note'})` : trimmed
}
