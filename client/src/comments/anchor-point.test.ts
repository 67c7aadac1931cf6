import { describe, expect, it } from 'vitest'
import { anchorPagePoint, normalizedIn } from './anchor-point.ts'

const box = { x: 100, y: 50, w: 200, h: 100 }

describe('anchor → page point', () => {
  it('puts a shape anchor at its fraction of the shape, wherever the shape is now', () => {
    const anchor = { type: 'shape', shapeId: 'shape:a', x: 0.25, y: 0.5, isPrecise: true } as const
    expect(anchorPagePoint(anchor as never, () => box)).toEqual({ x: 150, y: 100 })
    expect(anchorPagePoint(anchor as never, () => ({ ...box, x: 400 }))).toEqual({ x: 450, y: 100 })
    expect(anchorPagePoint(anchor as never, () => undefined)).toBeNull()
  })

  it('keeps a point anchor where it is, and turns a click into a fraction of the shape', () => {
    expect(anchorPagePoint({ type: 'point', x: 3, y: 4 }, () => undefined)).toEqual({ x: 3, y: 4 })
    expect(anchorPagePoint({ type: 'page' }, () => undefined)).toBeNull()
    expect(normalizedIn(box, { x: 150, y: 100 })).toEqual({ x: 0.25, y: 0.5 })
    expect(normalizedIn(box, { x: 999, y: -5 })).toEqual({ x: 1, y: 0 })
  })
})
