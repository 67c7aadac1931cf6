import { WORKFLOW_SHAPE_TYPES, workflowShapeDefaultProps } from '@flowmap/shared'
import { expect, test } from 'vitest'
import { SHAPE_FIELDS, type ShapeFieldTable } from './inspector-fields.ts'

test('every inspector field edits a prop its shape type holds', () => {
  for (const type of WORKFLOW_SHAPE_TYPES) {
    const props = Object.keys(workflowShapeDefaultProps[type])
    for (const field of SHAPE_FIELDS[type])
      expect(props, `${type} field ${field.testId}`).toContain(field.prop)
  }
})

test('a field naming a prop the shape lacks, or of a kind its value cannot hold, fails the typecheck', () => {
  const renamed: ShapeFieldTable['lane'] = [
    // @ts-expect-error the lane's prop is `roleId`: a field for `role` would edit nothing
    { kind: 'role', prop: 'role', label: 'Role', testId: 'inspector-role', emptyLabel: 'No role' },
  ]
  const wrongKind: ShapeFieldTable['stage'] = [
    // @ts-expect-error a stage's order is a required number: it cannot be emptied to null
    { kind: 'number', prop: 'order', label: 'Order', testId: 'inspector-order', nullable: true },
  ]
  expect([renamed, wrongKind]).toHaveLength(2)
})
