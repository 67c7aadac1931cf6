import { workflowShapeDefaultProps } from '@flowmap/shared'
import {
  createBindingId,
  createShapeId,
  type Editor,
  renderPlaintextFromRichText,
  type TLShape,
  type TLShapeId,
  type TLShapePartial,
} from 'tldraw'

/**
 * Workshops start with sticky notes; once the group agrees a note is a step, it becomes one in
 * place: same spot, same parent (lane or stage), same z-order, the note's text as the label, and
 * the arrows that pointed at the note now point at the step.
 */
export function stepFromNote(
  note: TLShape<'note'>,
  text: string,
  stepId: TLShapeId,
): TLShapePartial<TLShape<'step'>> {
  const { w, h } = workflowShapeDefaultProps.step
  return {
    id: stepId,
    type: 'step',
    x: note.x,
    y: note.y,
    rotation: note.rotation,
    parentId: note.parentId,
    index: note.index,
    props: { w, h, label: text.trim() },
  }
}

export function isNote(shape: TLShape | undefined): shape is TLShape<'note'> {
  return shape?.type === 'note'
}

/** Turns each selected note into a step, as one undoable change; returns the new steps' ids. */
export function turnNotesIntoSteps(editor: Editor, noteIds: readonly TLShapeId[]): TLShapeId[] {
  const created: TLShapeId[] = []
  editor.run(() => {
    editor.markHistoryStoppingPoint('turn notes into steps')
    for (const noteId of noteIds) {
      const note = editor.getShape(noteId)
      if (!isNote(note)) continue
      const stepId = createShapeId()
      const text = renderPlaintextFromRichText(editor, note.props.richText)
      const incoming = editor.getBindingsToShape(noteId, 'arrow')
      editor.createShape(stepFromNote(note, text, stepId))
      // A guard may refuse the step (a participant's toolset is limited to notes): keep the note then.
      if (!editor.getShape(stepId)) continue
      editor.deleteBindings(incoming)
      editor.createBindings(incoming.map((binding) => ({ ...binding, id: createBindingId(), toId: stepId })))
      editor.deleteShape(noteId)
      created.push(stepId)
    }
    if (created.length > 0) editor.select(...created)
  })
  return created
}
