import type { TLShape, TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { stepFromNote } from './note-to-step.ts'

describe('stepFromNote', () => {
  it('keeps the note where it was, in its lane, at its depth, with its text as the label', () => {
    const note = {
      id: 'shape:note1',
      type: 'note',
      x: 120,
      y: -40,
      rotation: 0.1,
      parentId: 'shape:lane1',
      index: 'a3',
      props: {},
    } as unknown as TLShape<'note'>
    const step = stepFromNote(note, '  Check the invoice \n', 'shape:step1' as TLShapeId)
    expect(step).toMatchObject({
      id: 'shape:step1',
      type: 'step',
      x: 120,
      y: -40,
      rotation: 0.1,
      parentId: 'shape:lane1',
      index: 'a3',
      props: { label: 'Check the invoice' },
    })
  })
})
