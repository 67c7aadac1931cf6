import { describe, expect, it } from 'vitest'
import { workflowShape } from '../testing/shape-records.ts'
import { cleanApprovalMap } from '../testing/small-maps.ts'
import { contentBounds, placeContent } from './place-content.ts'
import { BESIDE_GAP, pointBeside } from './point-beside.ts'

describe('imported content placed beside what the board holds', () => {
  it("lands to the right of the board's content with the gap, top edges aligned, never overlapping", () => {
    const board = [
      workflowShape('step', { id: 'a', x: -300, y: 50, props: { w: 200, h: 100 } }),
      workflowShape('step', { id: 'b', x: 400, y: 500, props: { w: 200, h: 100 } }),
    ]
    const content = cleanApprovalMap()
    const at = pointBeside(board, content)
    const placed = placeContent({ title: null, roles: [], records: content }, { at, existingRoles: [] })
    const box = contentBounds(placed.records)
    expect(box?.minX).toBeCloseTo(600 + BESIDE_GAP)
    expect(box?.minY).toBeCloseTo(50)
  })

  it('an empty board, or content without shapes, keeps the content where it is', () => {
    expect(pointBeside([], cleanApprovalMap())).toBeNull()
    expect(pointBeside(cleanApprovalMap(), [])).toBeNull()
  })
})
