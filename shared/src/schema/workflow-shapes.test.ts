import { T } from '@tldraw/validate'
import { describe, expect, test } from 'vitest'
import { workflowShape } from '../testing/shape-records.ts'
import { validateRecord } from './validate-record.ts'
import { WORKFLOW_SHAPE_TYPES, workflowShapeDefaultProps, workflowShapeSchemas } from './workflow-shapes.ts'

describe('workflow shape default props', () => {
  test.each(WORKFLOW_SHAPE_TYPES)('the %s defaults pass its props validator', (type) => {
    const validator = T.object<object>(workflowShapeSchemas[type].props)
    expect(validator.validate(workflowShapeDefaultProps[type])).toEqual(workflowShapeDefaultProps[type])
  })

  test('the test builders start from the same defaults', () => {
    for (const type of WORKFLOW_SHAPE_TYPES) {
      expect(workflowShape(type, { id: `d-${type}` }).props).toEqual(workflowShapeDefaultProps[type])
    }
  })

  test('a default that breaks its validator is refused with the prop and the value named', () => {
    const step = workflowShape('step', { id: 'bad', props: { w: 0 } })
    const result = validateRecord(step)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error.message).toMatch(/props\.w.*0/)
  })
})
