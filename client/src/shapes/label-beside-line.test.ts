import { describe, expect, it } from 'vitest'
import { LABEL_GAP, labelOffsetBeside } from './label-beside-line.ts'

/** Whether a box (moved by an offset) stays clear of a segment: none of its points is on it. */
function clearOf(
  box: { x: number; y: number; w: number; h: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
) {
  for (let i = 0; i <= 50; i++) {
    const x = a.x + ((b.x - a.x) * i) / 50
    const y = a.y + ((b.y - a.y) * i) / 50
    if (x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h) return false
  }
  return true
}

describe('labelOffsetBeside', () => {
  it('moves a label on a horizontal line above it, by half its height and the gap', () => {
    const offset = labelOffsetBeside(
      [
        { x: 0, y: 100 },
        { x: 200, y: 100 },
      ],
      { x: 80, y: 90, w: 40, h: 20 },
    )
    expect(offset.x).toBeCloseTo(0)
    expect(offset.y).toBeCloseTo(-(10 + LABEL_GAP))
  })

  it('moves a label on a vertical line to its right, by half its width and the gap', () => {
    for (const line of [
      [
        { x: 50, y: 0 },
        { x: 50, y: 300 },
      ],
      [
        { x: 50, y: 300 },
        { x: 50, y: 0 },
      ],
    ]) {
      const offset = labelOffsetBeside(line, { x: 30, y: 140, w: 40, h: 20 })
      expect(offset.x).toBeCloseTo(20 + LABEL_GAP)
      expect(offset.y).toBeCloseTo(0)
    }
  })

  it('uses the segment the label sits on: the middle leg of an elbow route', () => {
    const route = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 200 },
      { x: 300, y: 200 },
    ]
    const offset = labelOffsetBeside(route, { x: 85, y: 90, w: 30, h: 20 })
    expect(offset.x).toBeGreaterThan(0)
    expect(offset.y).toBeCloseTo(0)
  })

  it('clears a slanted line too', () => {
    const a = { x: 0, y: 0 }
    const b = { x: 300, y: 120 }
    const label = { x: 150 - 30, y: 60 - 10, w: 60, h: 20 }
    const offset = labelOffsetBeside([a, b], label)
    expect(clearOf({ ...label, x: label.x + offset.x, y: label.y + offset.y }, a, b)).toBe(true)
  })

  it('leaves a label on a line of no length where it is', () => {
    expect(
      labelOffsetBeside(
        [
          { x: 5, y: 5 },
          { x: 5, y: 5 },
        ],
        { x: 0, y: 0, w: 10, h: 10 },
      ),
    ).toEqual({ x: 0, y: 0 })
    expect(labelOffsetBeside([], { x: 0, y: 0, w: 10, h: 10 })).toEqual({ x: 0, y: 0 })
  })
})
