import { WORKFLOW_SHAPE_TYPES, workflowShapeDefaultProps } from '@flowmap/shared'
import { expect, test } from 'vitest'
import { editThreePoint, SHAPE_FIELDS, type ShapeFieldTable, threePointProblem } from './inspector-fields.ts'

test('every inspector field edits a prop its shape type holds', () => {
  for (const type of WORKFLOW_SHAPE_TYPES) {
    const props = Object.keys(workflowShapeDefaultProps[type])
    for (const field of SHAPE_FIELDS[type])
      expect(props, `${type} field ${field.testId}`).toContain(field.prop)
  }
})

test('a three-point field names a range prop its shape holds', () => {
  for (const field of SHAPE_FIELDS.step)
    if (field.kind === 'three-point')
      expect(Object.keys(workflowShapeDefaultProps.step)).toContain(field.rangeProp)
})

test('a range starts at the likely value, and emptying the likely value empties its range', () => {
  expect(editThreePoint({ likely: 4, range: null }, 'range', true)).toEqual({
    likely: 4,
    range: { min: 4, max: 4 },
  })
  expect(editThreePoint({ likely: null, range: null }, 'range', true)).toEqual({ likely: null, range: null })
  expect(editThreePoint({ likely: 4, range: { min: 1, max: 9 } }, 'likely', null)).toEqual({
    likely: null,
    range: null,
  })
  expect(editThreePoint({ likely: 4, range: { min: 1, max: 9 } }, 'range', false)).toEqual({
    likely: 4,
    range: null,
  })
})

test('a part that would break min <= likely <= max is refused with a reason', () => {
  const current = { likely: 4, range: { min: 1, max: 9 } }
  expect(threePointProblem(current, 'likely', 10)).toMatch(/from 1 to 9/)
  expect(threePointProblem(current, 'min', 5)).toMatch(/above 4/)
  expect(threePointProblem(current, 'max', 3)).toMatch(/below 4/)
  expect(threePointProblem(current, 'max', 4)).toBeNull()
  expect(threePointProblem({ likely: 4, range: null }, 'likely', 100)).toBeNull()
})

test('a time over the model’s 1,000,000 hours is refused before it is written, with or without a range', () => {
  expect(threePointProblem({ likely: null, range: null }, 'likely', 2e6)).toMatch(/at most 1,000,000 hours/)
  expect(threePointProblem({ likely: 4, range: { min: 1, max: 9 } }, 'max', 2e6)).toMatch(/at most 1,000,000/)
  expect(threePointProblem({ likely: null, range: null }, 'likely', 1e6)).toBeNull()
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
