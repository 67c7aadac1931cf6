import { describe, expect, it } from 'vitest'
import { connector, pageRecord, workflowShape } from '../testing/shape-records.ts'
import { previewOf } from './board-preview.ts'

describe('board preview', () => {
  it('draws shapes inside containers where they are on the page, containers first, arrows left out', () => {
    const preview = previewOf([
      workflowShape('step', { id: 'loose', x: 900, y: 0, props: { w: 100, h: 50 } }),
      workflowShape('stage', { id: 'stage', x: 100, y: 100, props: { w: 600, h: 400 } }),
      workflowShape('lane', { id: 'lane', parentId: 'shape:stage', x: 10, y: 50, props: { w: 500, h: 200 } }),
      workflowShape('step', { id: 'inner', parentId: 'shape:lane', x: 20, y: 30, props: { w: 120, h: 80 } }),
      ...connector({ id: 'flow', from: 'inner', to: 'loose' }),
      pageRecord(),
    ])
    expect(preview.boxes).toEqual([
      { x: 100, y: 100, w: 600, h: 400, kind: 'stage' },
      { x: 110, y: 150, w: 500, h: 200, kind: 'lane' },
      { x: 900, y: 0, w: 100, h: 50, kind: 'step' },
      { x: 130, y: 180, w: 120, h: 80, kind: 'step' },
    ])
    const [x, y, w, h] = (preview.viewBox ?? '').split(' ').map(Number)
    expect(x).toBeLessThan(100)
    expect(y).toBeLessThan(0)
    expect(x! + w!).toBeGreaterThan(1000)
    expect(y! + h!).toBeGreaterThan(500)
  })

  it('leaves out a shape whose parent is gone or part of a cycle', () => {
    const preview = previewOf([
      workflowShape('step', { id: 'orphan', parentId: 'shape:gone', props: { w: 10, h: 10 } }),
      workflowShape('lane', { id: 'a', parentId: 'shape:b', props: { w: 10, h: 10 } }),
      workflowShape('lane', { id: 'b', parentId: 'shape:a', props: { w: 10, h: 10 } }),
    ])
    expect(preview).toEqual({ viewBox: null, boxes: [] })
  })

  it('an empty board has no view box', () => {
    expect(previewOf([])).toEqual({ viewBox: null, boxes: [] })
  })
})
