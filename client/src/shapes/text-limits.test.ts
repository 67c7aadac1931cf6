// @vitest-environment happy-dom
import { MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS } from '@flowmap/shared'
import { createShapeId, type Editor, type TLShape } from 'tldraw'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { registerTextLimits } from './text-limits.ts'
import { createWorkflowEditor } from './workflow-editor.test-support.ts'

let editor: Editor
let stop: () => void

beforeEach(() => {
  editor = createWorkflowEditor()
  stop = registerTextLimits(editor)
})

afterEach(() => {
  stop()
  editor.dispose()
})

const props = (id: TLShape['id']) => (editor.getShape(id) as TLShape).props as Record<string, unknown>

test("a person's text is cut at the schema's limits, on create and on change", () => {
  const id = createShapeId()
  editor.createShape({ id, type: 'step', props: { label: 'x'.repeat(MAX_LABEL_CHARS + 100) } })
  expect(props(id).label).toHaveLength(MAX_LABEL_CHARS)
  editor.updateShape({ id, type: 'step', props: { description: 'd'.repeat(MAX_DESCRIPTION_CHARS * 2) } })
  expect(props(id).description).toHaveLength(MAX_DESCRIPTION_CHARS)
  editor.updateShape({ id, type: 'step', props: { label: 'short' } })
  expect(props(id).label).toBe('short')
})

test('a record that arrives from the board keeps its stored text, and editing its other fields keeps it too', () => {
  const id = createShapeId()
  editor.createShape({ id, type: 'step', props: { label: 'placeholder' } })
  const long = 'l'.repeat(MAX_LABEL_CHARS + 1)
  editor.store.mergeRemoteChanges(() => {
    editor.store.put([
      { ...(editor.getShape(id) as TLShape), props: { ...props(id), label: long } } as TLShape,
    ])
  })
  expect(props(id).label).toBe(long)
  editor.updateShape({ id, type: 'step', x: 40 })
  expect(props(id).label).toBe(long)
})
