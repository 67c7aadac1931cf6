import type { WorkflowShapeType } from '@flowmap/shared'
import type { Editor, TLShape, TLShapePartial } from 'tldraw'

export type WorkflowShape = TLShape<WorkflowShapeType>

/** The prop holding the text a workflow shape shows and edits in place: a decision asks its question. */
const TEXT_PROP = {
  stage: 'label',
  lane: 'label',
  step: 'label',
  decision: 'question',
  artifact: 'label',
  event: 'label',
} as const satisfies { [K in WorkflowShapeType]: keyof TLShape<K>['props'] }

export function shapeText(shape: WorkflowShape): string {
  return (shape.props as Record<string, unknown>)[TEXT_PROP[shape.type]] as string
}

/** Writes what was typed in place into the shape's text prop. */
export function setShapeText(editor: Editor, shape: WorkflowShape, text: string): void {
  editor.updateShape({
    id: shape.id,
    type: shape.type,
    props: { [TEXT_PROP[shape.type]]: text },
  } as TLShapePartial)
}
